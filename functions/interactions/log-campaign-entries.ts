import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import type { AppDeps } from "../app-deps";
import { distinctCodes } from "./log-checks";
import type { CampaignEntryFields } from "../store/campaign-entry-repository";
import { series } from "../store/number-series";
import type { LogRun, SegmentHeader } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";

type Entry = Omit<InteractionLogEntry, "etag">;

/** The campaigns a Log's entries name, in campaign No. order (Business Central's key order). */
export const campaignsOf = (campaignNos: readonly (string | undefined)[]): string[] =>
  distinctCodes(campaignNos).sort();

/** The campaign entry No. the run numbered for a campaign; none for a run that numbered none. */
export const campaignEntryNoOf = (run: LogRun, campaignNo: string | undefined) => {
  if (!campaignNo || run.firstCampaignEntryNo === undefined) return undefined;
  const index = run.campaignNos?.indexOf(campaignNo) ?? -1;
  return index < 0 ? undefined : run.firstCampaignEntryNo + index;
};

/**
 * Numbers the campaign entries of a run that was started before they were kept (it has none):
 * reserved and written to the run once, under the Log's hold, before any is written.
 */
export const withCampaignNumbers = async (
  deps: AppDeps,
  tenant: TenantId,
  run: LogRun,
  campaignNos: readonly (string | undefined)[],
): Promise<LogRun> => {
  if (run.firstCampaignEntryNo !== undefined) return run;
  const campaigns = campaignsOf(campaignNos);
  if (campaigns.length === 0) return run;
  const first = await deps.store.numberSeries.reserve(
    tenant,
    series.campaignEntry,
    campaigns.length,
  );
  const { etag: _etag, ...rest } = run;
  return deps.store.segments.logRuns.upsert(tenant, run.segmentNo, {
    ...rest,
    campaignNos: campaigns,
    firstCampaignEntryNo: first,
  });
};

/**
 * One campaign entry per campaign of the Log, as Business Central's Log Segment makes them: the
 * segment's description and date, the salesperson of the campaign's first line, and the totals of
 * its entries (BC's flow fields), among them how many were targets and how many responses.
 */
export const campaignEntriesFor = (
  run: LogRun,
  header: SegmentHeader,
  entries: readonly Entry[],
): CampaignEntryFields[] =>
  (run.campaignNos ?? []).flatMap((campaignNo) => {
    const entryNo = campaignEntryNoOf(run, campaignNo);
    const own = entries.filter((e) => e.campaignNo === campaignNo);
    const first = own[0];
    if (entryNo === undefined || !first) return [];
    return [
      {
        entryNo,
        campaignNo,
        description: header.description,
        date: first.date,
        segmentNo: header.no,
        loggedSegmentEntryNo: run.loggedSegmentEntryNo,
        ...(first.salespersonCode ? { salespersonCode: first.salespersonCode } : {}),
        userId: run.userId,
        noOfInteractions: own.length,
        cost: own.reduce((sum, e) => sum + e.cost, 0),
        duration: own.reduce((sum, e) => sum + e.duration, 0),
        noOfTargets: own.filter((e) => e.campaignTarget).length,
        noOfResponses: own.filter((e) => e.campaignResponse).length,
        canceled: false,
      },
    ];
  });
