import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { defineHandler } from "../http/endpoint-handler";
import { campaignStatistics, listCampaignEntries } from "./campaign-entry-service";

export const listCampaignEntriesHandler = defineHandler(
  api.listCampaignEntries,
  async ({ identity, params, query }, deps: AppDeps) => ({
    json: await listCampaignEntries(deps, identity, params.no, query),
  }),
);

export const getCampaignStatisticsHandler = defineHandler(
  api.getCampaignStatistics,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await campaignStatistics(deps, identity, params.no),
  }),
);
