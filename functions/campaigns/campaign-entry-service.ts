import type { CampaignEntry, CampaignStatistics } from "@shared/model/campaign-entry";
import type { AppDeps } from "../app-deps";
import type { Identity } from "../auth/identity";
import type { Page } from "../store/document-store";

/** BC rounds the rate to 0.1 and the averages to the currency's precision (here cents). */
const round = (value: number, decimals: number) =>
  Math.round(value * 10 ** decimals) / 10 ** decimals;

/** A campaign's entries; an unknown campaign answers 404 rather than an empty list. */
export const listCampaignEntries = async (
  deps: AppDeps,
  identity: Identity,
  campaignNo: string,
  q: { canceled?: boolean | undefined; top: number; continuationToken?: string | undefined },
): Promise<Page<CampaignEntry>> => {
  const tenant = identity.tenantId;
  await deps.store.campaigns.store.get(tenant, campaignNo);
  return deps.store.campaignEntries.listForCampaign(
    tenant,
    campaignNo,
    q.canceled,
    q.top,
    q.continuationToken,
  );
};

/** Business Central's Campaign Statistics, over the campaign's entries that are not canceled. */
export const campaignStatistics = async (
  deps: AppDeps,
  identity: Identity,
  campaignNo: string,
): Promise<CampaignStatistics> => {
  const tenant = identity.tenantId;
  await deps.store.campaigns.store.get(tenant, campaignNo);
  const totals = await deps.store.campaignEntries.totalsOf(tenant, campaignNo);
  const responded = totals.noOfResponses;
  return {
    campaignNo,
    noOfEntries: totals.noOfEntries,
    noOfInteractions: totals.noOfInteractions,
    targetContactsContacted: totals.noOfTargets,
    contactsResponded: responded,
    responseRate: totals.noOfTargets ? round((responded / totals.noOfTargets) * 100, 1) : 0,
    cost: totals.cost,
    duration: totals.duration,
    avgCostPerResponse: responded ? round(totals.cost / responded, 2) : 0,
    avgDurationPerResponse: responded ? round(totals.duration / responded, 2) : 0,
  };
};
