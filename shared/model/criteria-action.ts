import { z } from "zod";
import { CriteriaNode } from "../criteria/criteria-tree";
import { Code, IsoDate, IsoDateTime, text } from "./common";

export const CriteriaActionKind = z.enum([
  "addContacts",
  "reduceContacts",
  "refineContacts",
  "manualAdd",
  "manualRemove",
  "reuseSegment",
  "refresh",
]);
export type CriteriaActionKind = z.infer<typeof CriteriaActionKind>;

/** The options of Business Central's Add/Reduce/Refine Contacts dialogs. */
export const CriteriaOptions = z.object({
  /** Off: contacts already on a line are skipped. */
  allowExistingContacts: z.boolean().default(false),
  /** A matched company brings all its persons. */
  expandCompanies: z.boolean().default(false),
  /** A matched person brings its company. */
  allowRelatedCompanies: z.boolean().default(false),
  /** Off: contacts marked "exclude from segments" never enter. */
  ignoreExclusion: z.boolean().default(false),
  /** Reduce and Refine act on all persons of a matched contact's company. */
  entireCompanies: z.boolean().default(false),
});
export type CriteriaOptions = z.infer<typeof CriteriaOptions>;

/**
 * One recorded step in building a segment, as Business Central's Segment Criteria Lines: what
 * ran, with which options, and what it changed. Go Back undoes the newest one exactly.
 */
export const CriteriaAction = z.object({
  segmentNo: Code,
  no: z.number().int().min(1),
  kind: CriteriaActionKind,
  filter: CriteriaNode.optional(),
  options: CriteriaOptions,
  contactNos: z.array(Code).optional().meta({ description: "For manual add and remove." }),
  source: z
    .object({
      savedCriteriaCode: Code.optional(),
      loggedSegmentEntryNo: z.number().int().optional(),
    })
    .optional(),
  description: text(250).default(""),
  /** The day relative dates (-30D, last month) were resolved against. */
  evaluatedOn: IsoDate,
  linesAdded: z.number().int().min(0),
  linesRemoved: z.number().int().min(0),
  status: z.enum(["applying", "applied", "undoing"]),
  createdAt: IsoDateTime,
  createdBy: z.string(),
});
export type CriteriaAction = z.infer<typeof CriteriaAction>;
