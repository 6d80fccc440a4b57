import { z } from "zod";
import { Code, IsoDate, IsoDateTime, text } from "./common";

export const LoggedSegment = z.object({
  entryNo: z.number().int().min(1),
  segmentNo: Code,
  description: text(100),
  createdAt: IsoDateTime,
  date: IsoDate.optional().meta({
    description: "The segment's date, which every entry takes (absent on segments logged before).",
  }),
  userId: z.string(),
  noOfInteractions: z.number().int().min(0),
  noOfCampaignEntries: z.number().int().min(0),
  canceled: z.boolean().default(false),
  campaignNo: Code.optional(),
  interactionTemplateCode: Code.optional(),
  followUpSegmentNo: Code.optional().meta({
    description: "The segment created to follow up, if any.",
  }),
  etag: z.string(),
});
export type LoggedSegment = z.infer<typeof LoggedSegment>;
