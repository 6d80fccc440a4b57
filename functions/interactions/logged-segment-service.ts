import type { OperationInput } from "@azure/cosmos";
import type { LoggedSegment } from "@shared/model/logged-segment";
import type { Segment } from "@shared/model/segment";
import type { AppDeps } from "../app-deps";
import { ConflictError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { succeeded } from "../store/bulk";
import type { Page } from "../store/document-store";
import { formatNo, series } from "../store/number-series";
import { getSegment } from "../segments/segment-service";
import { followUpSegment } from "./log-service";

const key = (entryNo: number) => String(entryNo);

export const listLoggedSegments = (
  deps: AppDeps,
  identity: Identity,
  q: {
    segmentNo?: string | undefined;
    canceled?: boolean | undefined;
    top: number;
    continuationToken?: string | undefined;
  },
): Promise<Page<LoggedSegment>> => {
  const where: string[] = [];
  const parameters: { name: string; value: string | boolean }[] = [];
  if (q.segmentNo) {
    where.push("c.segmentNo = @segmentNo");
    parameters.push({ name: "@segmentNo", value: q.segmentNo });
  }
  if (q.canceled !== undefined) {
    where.push("c.canceled = @canceled");
    parameters.push({ name: "@canceled", value: q.canceled });
  }
  const store = deps.store.interactions;
  return store.loggedSegments.page(
    identity.tenantId,
    {
      where,
      parameters,
      orderBy: ["c.entryNo DESC"],
      partitionKey: store.loggedPartitionKey(identity.tenantId),
    },
    { top: q.top, continuationToken: q.continuationToken },
  );
};

/**
 * Cancel and undo cancel: the logged segment and every one of its entries change together, so
 * canceled interactions drop out of (and come back into) statistics. Retrying finishes a change
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
  const entries = await store.entriesOfLogged(tenant, entryNo);
  const operations: OperationInput[] = entries
    .filter((e) => e.canceled !== canceled)
    .map(({ _etag, ...entry }) => ({
      operationType: "Replace",
      id: entry.id,
      partitionKey: entry.pk,
      resourceBody: { ...entry, canceled },
      ifMatch: _etag,
    }));
  const failed = (await store.bulk(operations)).filter((r) => !succeeded(r));
  if (failed.length) {
    throw new ConflictError(
      `${failed.length} entries changed while ${canceled ? "canceling" : "restoring"}; try again.`,
    );
  }
  if (logged.canceled === canceled) return logged;
  const { etag, ...rest } = logged;
  return store.loggedSegments.replace(tenant, key(entryNo), { ...rest, canceled }, etag);
};

/** Only a canceled logged segment may be deleted, with its entries. */
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
  const entries = await store.entriesOfLogged(tenant, entryNo);
  const failed = (
    await store.bulk(
      entries.map((e) => ({ operationType: "Delete" as const, id: e.id, partitionKey: e.pk })),
    )
  ).filter((r) => !succeeded(r) && r.status !== 404);
  if (failed.length)
    throw new ConflictError(`${failed.length} entries could not be deleted; try again.`);
  await store.loggedSegments.delete(tenant, key(entryNo));
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
