import { CampaignParams } from "../campaign";
import { CampaignEntry, CampaignEntryListQuery, CampaignStatistics } from "../campaign-entry";
import { page } from "../common";
import { endpoint } from "../endpoint";

/** What a campaign has done: its entries (one per logged segment) and its statistics. */
export const campaignEndpoints = {
  listCampaignEntries: endpoint({
    method: "GET",
    path: "/campaigns/{no}/entries",
    tag: "Campaigns",
    summary: "The campaign's entries, one per logged segment, oldest first.",
    params: CampaignParams,
    query: CampaignEntryListQuery,
    response: page(CampaignEntry),
    status: 200,
  }),
  getCampaignStatistics: endpoint({
    method: "GET",
    path: "/campaigns/{no}/statistics",
    tag: "Campaigns",
    summary: "Targets contacted, responses, cost and duration; canceled entries excluded.",
    params: CampaignParams,
    response: CampaignStatistics,
    status: 200,
  }),
} as const;
