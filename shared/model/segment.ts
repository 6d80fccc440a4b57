import { z } from "zod";
import {
  Code,
  CorrespondenceType,
  Evaluation,
  InformationFlow,
  InitiatedBy,
  IsoDate,
  IsoDateTime,
  LanguageTag,
  Minutes,
  Money,
  PageQuery,
  ServerStamp,
  queryBoolean,
  text,
} from "./common";
import { patchOf } from "./patch";

/** The interaction fields a segment header carries and hands down to its lines. */
export const SegmentInteractionFields = z.object({
  interactionTemplateCode: Code.optional(),
  languageCode: LanguageTag.optional().meta({ description: "Language Code (Default)." }),
  subject: text(100).optional().meta({ description: "Subject (Default)." }),
  correspondenceType: CorrespondenceType.optional().meta({
    description: "Correspondence Type (Default).",
  }),
  ignoreContactCorrespondenceType: z.boolean().default(false),
  unitCost: Money.default(0),
  unitDuration: Minutes.default(0),
  informationFlow: InformationFlow.optional(),
  initiatedBy: InitiatedBy.optional(),
  campaignNo: Code.optional(),
  campaignTarget: z.boolean().default(false),
  campaignResponse: z.boolean().default(false),
});

export const SegmentFields = z
  .object({
    no: Code.meta({ description: "Segment No., unique per tenant." }),
    description: text(100).default(""),
    date: IsoDate.optional().meta({ description: "Defaults to today." }),
    salespersonCode: Code.optional(),
    dynamic: z.boolean().default(false).meta({
      description:
        "A dynamic segment can be refreshed: its criteria replayed against today's contacts.",
    }),
  })
  .extend(SegmentInteractionFields.shape);
export type SegmentFields = z.infer<typeof SegmentFields>;

export const SegmentStatus = z.enum(["open", "logging", "logged"]);

export const SegmentCreate = SegmentFields.extend({
  no: SegmentFields.shape.no
    .optional()
    .meta({ description: "Taken from the number series when absent." }),
});
export type SegmentCreate = z.infer<typeof SegmentCreate>;

export const SegmentPatch = patchOf(SegmentFields.omit({ no: true }));
export type SegmentPatch = z.infer<typeof SegmentPatch>;

export const Segment = SegmentFields.extend({
  date: IsoDate,
  status: SegmentStatus,
  noOfLines: z.number().int().min(0),
  noOfCriteriaActions: z.number().int().min(0),
  loggedSegmentEntryNo: z.number().int().optional(),
}).extend(ServerStamp.shape);
export type Segment = z.infer<typeof Segment>;

export const SegmentNoParams = z.object({ no: Code });

export const SegmentListQuery = PageQuery.extend({
  search: z.string().max(100).optional().meta({ description: "Part of the No. or description." }),
  campaignNo: Code.optional(),
  salespersonCode: Code.optional(),
  status: SegmentStatus.exclude(["logged"]).optional().meta({
    description: "A logged segment is history: it lists among the logged segments only.",
  }),
  dynamic: queryBoolean.optional(),
  orderBy: z.enum(["no", "description", "date", "modifiedAt"]).default("no"),
});
export type SegmentListQuery = z.infer<typeof SegmentListQuery>;

/**
 * Inherited: the segment's letter (the template's attachment). Unique: this contact's own letter,
 * set only by uploading it (PUT /segments/{no}/lines/{lineNo}/attachment); where the server keeps
 * it is the server's business, so no answer names it and no body may.
 */
export const LineAttachment = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("inherited") }),
  z.object({
    kind: z.literal("unique"),
    fileName: text(200).min(1),
    uploadedAt: IsoDateTime,
  }),
]);
export type LineAttachment = z.infer<typeof LineAttachment>;

export const SegmentLineFields = z.object({
  contactNo: Code,
  description: text(100).optional(),
  subject: text(100).optional(),
  correspondenceType: CorrespondenceType.optional(),
  salespersonCode: Code.optional(),
  languageCode: LanguageTag.optional(),
  interactionTemplateCode: Code.optional().meta({
    description:
      "The line's own template; choosing it sets the line's cost, duration, information flow, initiated by, correspondence type, language and campaign fields from it, as Business Central does.",
  }),
  informationFlow: InformationFlow.optional(),
  initiatedBy: InitiatedBy.optional(),
  campaignNo: Code.optional(),
  campaignTarget: z.boolean().optional(),
  campaignResponse: z.boolean().optional(),
  evaluation: Evaluation.optional(),
  unitCost: Money.optional(),
  unitDuration: Minutes.optional(),
  note: text(2000).optional().meta({ description: "A personal note for this contact's letter." }),
  attachment: LineAttachment.default({ kind: "inherited" }),
});
export type SegmentLineFields = z.infer<typeof SegmentLineFields>;

/**
 * The fields a client writes; the attachment comes from an upload, never from a body.
 * allowExistingContacts is Add Contacts' option of the same name: a contact already on the
 * segment is added again only when asked.
 */
export const SegmentLineCreate = SegmentLineFields.omit({ attachment: true }).extend({
  allowExistingContacts: z.boolean().default(false).meta({
    description: "Add the contact even when it is on the segment already (a second line).",
  }),
});
export type SegmentLineCreate = z.infer<typeof SegmentLineCreate>;

export const SegmentLinePatch = patchOf(
  SegmentLineFields.omit({ contactNo: true, attachment: true }),
);
export type SegmentLinePatch = z.infer<typeof SegmentLinePatch>;

export const SegmentLine = SegmentLineFields.extend({
  segmentNo: Code,
  lineNo: z.number().int().min(1),
  contactName: text(100),
  contactCompanyNo: Code.optional(),
  contactCompanyName: text(100).optional(),
  contactEmailOptOut: z.boolean().optional().meta({
    description:
      "The contact's E-mail Opt-out, read with the line (read-only); absent where the server does not say.",
  }),
  campaignTarget: z.boolean().default(false),
  campaignResponse: z.boolean().default(false),
  actionNo: z.number().int().min(0).optional().meta({
    description:
      "The criteria action that put the line here; absent for lines added before criteria existed.",
  }),
}).extend(ServerStamp.shape);
export type SegmentLine = z.infer<typeof SegmentLine>;

export const SegmentLineParams = z.object({ no: Code, lineNo: z.coerce.number().int().min(1) });

export const SegmentLineListQuery = PageQuery.extend({
  search: z
    .string()
    .max(100)
    .optional()
    .meta({ description: "Part of the contact's No. or name." }),
  contactNo: Code.optional(),
});
export type SegmentLineListQuery = z.infer<typeof SegmentLineListQuery>;
