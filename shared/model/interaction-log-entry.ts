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
  text,
} from "./common";

/** One thing that happened with one contact, as Business Central's Interaction Log Entry. */
export const InteractionLogEntry = z.object({
  entryNo: z.number().int().min(1),
  contactNo: Code,
  contactName: text(100),
  contactCompanyNo: Code.optional(),
  contactCompanyName: text(100).optional(),
  date: IsoDate,
  timeOfInteraction: IsoDateTime,
  interactionTemplateCode: Code.optional(),
  interactionGroupCode: Code.optional(),
  description: text(100),
  subject: text(100).optional(),
  informationFlow: InformationFlow.optional(),
  initiatedBy: InitiatedBy.optional(),
  cost: Money,
  duration: Minutes,
  correspondenceType: CorrespondenceType.optional(),
  languageCode: LanguageTag.optional(),
  campaignNo: Code.optional(),
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  campaignEntryNo: z.number().int().optional().meta({
    description: "The campaign entry the Log made for the entry's campaign.",
  }),
  segmentNo: Code.optional(),
  segmentLineNo: z.number().int().optional(),
  loggedSegmentEntryNo: z.number().int().optional(),
  salespersonCode: Code.optional(),
  userId: z.string(),
  deliveryStatus: z.enum(["none", "inProgress", "sent", "error"]).default("none").meta({
    description:
      "Business Central's Delivery Status (blank, In Progress, Error), with \"sent\" where BC goes back to blank: the entry's e-mail left the mailbox at sentAt.",
  }),
  sentAt: IsoDateTime.optional().meta({ description: "When the entry's e-mail was sent." }),
  keptLetter: z.enum(["own", "merged", "template"]).optional().meta({
    description:
      "The letter kept for the record with this entry: the contact's own letter, the merged copy a merge kept, or the interaction template's letter as the Log copied it (served merged for the contact). Absent: nothing was sent (GET .../letter answers 404).",
  }),
  evaluation: Evaluation.optional(),
  canceled: z.boolean().default(false),
  etag: z.string(),
});
export type InteractionLogEntry = z.infer<typeof InteractionLogEntry>;
