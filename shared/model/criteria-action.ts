import { z } from "zod";
import { Code, IsoDateTime, text } from "./common";

export const CriteriaActionKind = z.enum([
  "addContacts",
  "reduceContacts",
  "refineContacts",
  "manualAdd",
  "manualRemove",
  "reuseCriteria",
  "reuseSegment",
]);

/** The options of Business Central's Add/Reduce/Refine Contacts dialogs. */
export const CriteriaOptions = z.object({
  allowExistingContacts: z.boolean().default(false),
  expandCompanies: z.boolean().default(false),
  allowRelatedCompanies: z.boolean().default(false),
  ignoreExclusion: z.boolean().default(false),
  entireCompanies: z.boolean().default(false),
});
export type CriteriaOptions = z.infer<typeof CriteriaOptions>;

/**
 * One recorded step in building a segment. `filter` holds the criteria tree of shared/criteria;
 * it is opaque here so that the model does not depend on the criteria language's version.
 */
export const CriteriaAction = z.object({
  segmentNo: Code,
  no: z.number().int().min(1),
  kind: CriteriaActionKind,
  filter: z.unknown().optional(),
  options: CriteriaOptions,
  contactNos: z.array(Code).optional().meta({ description: "For manual add and remove." }),
  source: z
    .object({
      savedCriteriaCode: Code.optional(),
      loggedSegmentEntryNo: z.number().int().optional(),
    })
    .optional(),
  description: text(250).default(""),
  linesAdded: z.number().int().min(0),
  linesRemoved: z.number().int().min(0),
  status: z.enum(["applying", "applied"]),
  createdAt: IsoDateTime,
  createdBy: z.string(),
});
export type CriteriaAction = z.infer<typeof CriteriaAction>;
