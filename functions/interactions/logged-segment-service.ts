import type { LoggedSegment } from "@shared/model/logged-segment";
import type { Segment } from "@shared/model/segment";
import type { AppDeps } from "../app-deps";
import { ConflictError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import type { Page } from "../store/document-store";
import { formatNo, series } from "../store/number-series";
import { getSegment } from "../segments/segment-service";
import { followUpSegment } from "./log-service";
import { loggedLetterCopies } from "./logged-letters";

const key = (entryNo: number) => String(entryNo);

export const listLoggedSegments = (
  deps: AppDeps,
  identity: Identity,
  q: {
    search?: string | undefined;
    segmentNo?: string | undefined;
    canceled?: boolean | undefined;
    top: number;
    continuationToken?: string | undefined;
  },
): Promise<Page<LoggedSegment>> =>
  deps.store.interactions.listLogged(
    identity.tenantId,
    { search: q.search, segmentNo: q.segmentNo, canceled: q.canceled },
    q.top,
    q.continuationToken,
  );

/**
 * Cancel and undo cancel: the logged segment, every one of its entries and its campaign entries
 * change together, so canceled interactions drop out of (and come back into) statistics. Retrying finishes a change
 * a crash interrupted, because each entry is set to the target state, not toggled.
 */
export const setCanceled = async (
  deps: AppDeps,
  identity: Identity,
  entryNo: number,
  canceled: boolean,
): Promise<LoggedSegment> => {
  const tenant = identity.tenantId;
  const store = deps.store.interactions;
  const logged = await store.loggedSegments.get(tenant, key(entryNo));
  // Business Central's SetCanceledCheckmark: the campaign entries change with the interactions.
  const failed =
    (await store.setEntriesCanceled(tenant, entryNo, canceled)) +
    (await deps.store.campaignEntries.setCanceledOfLogged(tenant, entryNo, canceled));
  if (failed) {
    throw new ConflictError(
      `${failed} entries changed while ${canceled ? "canceling" : "restoring"}; try again.`,
    );
  }
  if (logged.canceled === canceled) return logged;
  const { etag, ...rest } = logged;
  return store.loggedSegments.replace(tenant, key(entryNo), { ...rest, canceled }, etag);
};

/** Only a canceled logged segment may be deleted, with its entries and campaign entries. */
export const deleteLoggedSegment = async (
  deps: AppDeps,
  identity: Identity,
  entryNo: number,
): Promise<void> => {
  const tenant = identity.tenantId;
  const store = deps.store.interactions;
  const logged = await store.loggedSegments.get(tenant, key(entryNo));
  if (!logged.canceled) {
    throw new ConflictError(
      `Logged segment ${entryNo} is not canceled. Cancel it first; only canceled logged segments can be deleted.`,
    );
  }
  // Read before the entries go; deleted after them, so no entry ever names a deleted letter.
  const copies = await loggedLetterCopies(deps, tenant, entryNo);
  // Our entries go with the logged segment, so its campaign entries (their totals) go too.
  const failed =
    (await store.deleteEntriesOfLogged(tenant, entryNo)) +
    (await deps.store.campaignEntries.deleteOfLogged(tenant, entryNo));
  if (failed) throw new ConflictError(`${failed} entries could not be deleted; try again.`);
  await store.loggedSegments.delete(tenant, key(entryNo));
  await Promise.all(copies.map((id) => deps.store.documents.delete(id)));
};

export const createFollowUp = async (
  deps: AppDeps,
  identity: Identity,
  entryNo: number,
): Promise<Segment> => {
  const tenant = identity.tenantId;
  const logged = await deps.store.interactions.loggedSegments.get(tenant, key(entryNo));
  const no = formatNo(
    series.segment,
    await deps.store.numberSeries.reserve(tenant, series.segment),
  );
  await followUpSegment(
    deps,
    identity,
    {
      no: logged.segmentNo,
      description: logged.description,
      campaignNo: logged.campaignNo,
      interactionTemplateCode: logged.interactionTemplateCode,
      salespersonCode: undefined,
    },
    no,
    entryNo,
  );
  return getSegment(deps, identity, no);
};
