import { z } from "zod";
import { Code, IsoDate, Minutes, Money, PageQuery, queryBoolean, text } from "./common";

/**
 * Business Central's Campaign Entry: one per logged segment and campaign, written by Log with the
 * interaction log entries. The totals are those of its entries (BC's flow fields), kept with it.
 */
export const CampaignEntry = z.object({
  entryNo: z.number().int().min(1),
  campaignNo: Code,
  description: text(100).meta({ description: "The segment's description." }),
  date: IsoDate.meta({ description: "The segment's date, which its entries take." }),
  segmentNo: Code,
  loggedSegmentEntryNo: z.number().int().min(1).meta({
    description: "The logged segment that made it (Business Central's Register No.).",
  }),
  salespersonCode: Code.optional(),
  userId: z.string(),
  noOfInteractions: z.number().int().min(0),
  cost: Money.meta({ description: "The entries' cost (LCY) added up." }),
  duration: Minutes.meta({ description: "The entries' duration (minutes) added up." }),
  noOfTargets: z.number().int().min(0).meta({
    description: "Entries marked Campaign Target: contacts the campaign reached.",
  }),
  noOfResponses: z.number().int().min(0).meta({
    description: "Entries marked Campaign Response: contacts who answered the campaign.",
  }),
  canceled: z.boolean().default(false),
  etag: z.string(),
});
export type CampaignEntry = z.infer<typeof CampaignEntry>;

export const CampaignEntryListQuery = PageQuery.extend({
  canceled: queryBoolean.optional().meta({ description: "Only canceled (true) or not (false)." }),
});

/** The Campaign Statistics page of Business Central, from the campaign's entries not canceled. */
export const CampaignStatistics = z.object({
  campaignNo: Code,
  noOfEntries: z.number().int().min(0),
  noOfInteractions: z.number().int().min(0),
  targetContactsContacted: z.number().int().min(0),
  contactsResponded: z.number().int().min(0),
  responseRate: z.number().meta({
    description: "Contacts responded per target contact contacted, in percent (one decimal).",
  }),
  cost: z.number(),
  duration: z.number(),
  avgCostPerResponse: z.number(),
  avgDurationPerResponse: z.number(),
});
export type CampaignStatistics = z.infer<typeof CampaignStatistics>;
