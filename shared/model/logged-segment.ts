import { z } from "zod";
import { Code, IsoDateTime, text } from "./common";

export const LoggedSegment = z.object({
  entryNo: z.number().int().min(1),
  segmentNo: Code,
  description: text(100),
  createdAt: IsoDateTime,
  userId: z.string(),
  noOfInteractions: z.number().int().min(0),
  noOfCampaignEntries: z.number().int().min(0),
  canceled: z.boolean().default(false),
  etag: z.string(),
});
export type LoggedSegment = z.infer<typeof LoggedSegment>;
