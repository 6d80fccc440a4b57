import { z } from "zod";
import {
  Code,
  CorrespondenceType,
  InformationFlow,
  InitiatedBy,
  IsoDateTime,
  LanguageTag,
  Minutes,
  Money,
  PageQuery,
  ServerStamp,
  text,
} from "./common";
import { FieldMatches } from "./field-match";
import { patchOf } from "./patch";

/** A Word letter attached to a template for one language; the bytes live in Blob Storage. */
export const TemplateAttachment = z.object({
  languageCode: LanguageTag,
  fileName: text(200).min(1),
  size: z.number().int().min(0),
  uploadedAt: IsoDateTime,
  fieldMatches: FieldMatches.optional().meta({
    description:
      "Match Fields: the letter's fields that are not Mergeline's, to a Mergeline field or null (leave empty).",
  }),
});
export type TemplateAttachment = z.infer<typeof TemplateAttachment>;

export const InteractionTemplateFields = z.object({
  code: Code,
  description: text(100).default(""),
  interactionGroupCode: Code.optional(),
  unitCost: Money.default(0),
  unitDuration: Minutes.default(0),
  informationFlow: InformationFlow.optional(),
  initiatedBy: InitiatedBy.optional(),
  correspondenceType: CorrespondenceType.optional().meta({
    description: "Correspondence Type (Default).",
  }),
  ignoreContactCorrespondenceType: z.boolean().default(false),
  languageCode: LanguageTag.optional().meta({ description: "Language Code (Default)." }),
  campaignNo: Code.optional(),
  campaignTarget: z.boolean().default(false),
  campaignResponse: z.boolean().default(false),
});
export type InteractionTemplateFields = z.infer<typeof InteractionTemplateFields>;

export const InteractionTemplateCreate = InteractionTemplateFields;
export const InteractionTemplatePatch = patchOf(InteractionTemplateFields.omit({ code: true }));

export const InteractionTemplate = InteractionTemplateFields.extend({
  attachments: z.array(TemplateAttachment).default([]),
}).extend(ServerStamp.shape);
export type InteractionTemplate = z.infer<typeof InteractionTemplate>;

export const InteractionTemplateParams = z.object({ code: Code });
export const InteractionTemplateListQuery = PageQuery.extend({
  search: z.string().max(100).optional(),
  interactionGroupCode: Code.optional(),
  campaignNo: Code.optional(),
});
