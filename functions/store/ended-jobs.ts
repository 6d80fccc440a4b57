import { NotFoundError, PreconditionFailedError } from "../errors/app-errors";
import type { DocumentStore, Page, PageRequest, QuerySpec } from "./document-store";
import type { TenantId } from "./tenant";

/** A job as the sweep finds it across tenants: its tenant, its key and its ETag. */
export interface TenantJob<T> {
  readonly tenant: TenantId;
  readonly job: T;
}

/** A job that ended, as the retention sweep finds it. */
export type EndedJob<T> = TenantJob<T>;

/** What became of one delete: gone now, changed since it was read (kept), or gone already. */
export type EndedJobDeletion = "deleted" | "changed" | "gone";

const endedStatuses = ["done", "failed", "canceled"];

/**
 * A page of one kind's jobs matching `where`, across tenants: a sweep's query, each job with
 * the tenant whose partition it lives in (and is written back to).
 */
export const jobsAcrossTenants = async <T extends { etag: string }>(
  docs: DocumentStore<T>,
  spec: Pick<QuerySpec, "where" | "parameters">,
  request: PageRequest,
): Promise<Page<TenantJob<T>>> => {
  const page = await docs.pageAcrossTenants(spec, request);
  return {
    items: page.items.map(({ tenant, entity }) => ({ tenant, job: entity })),
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
  };
};

/**
 * A page of jobs of one kind, across tenants, that ended before `cutoff` (by finishedAt, else
 * createdAt) and whose lease, if any, is over at `now`: a job still leased may have a process
 * that writes to it again, so it stays until that lease runs out.
 */
export const endedJobsPage = <T extends { etag: string }>(
  docs: DocumentStore<T>,
  window: { readonly cutoff: Date; readonly now: Date },
  request: PageRequest,
): Promise<Page<EndedJob<T>>> =>
  jobsAcrossTenants(
    docs,
    {
      where: [
        "ARRAY_CONTAINS(@endedStatuses, c.status)",
        "((IS_DEFINED(c.finishedAt) AND c.finishedAt < @cutoff) OR (NOT IS_DEFINED(c.finishedAt) AND c.createdAt < @cutoff))",
        "(NOT IS_DEFINED(c.leaseUntil) OR c.leaseUntil < @now)",
      ],
      parameters: [
        { name: "@endedStatuses", value: endedStatuses },
        { name: "@cutoff", value: window.cutoff.toISOString() },
        { name: "@now", value: window.now.toISOString() },
      ],
    },
    request,
  );

/** Deletes the job only if it is still as it was read (its ETag): one that changed stays. */
export const deleteEndedJob = async <T extends { etag: string }>(
  docs: DocumentStore<T>,
  tenant: TenantId,
  key: string,
  etag: string,
): Promise<EndedJobDeletion> => {
  try {
    await docs.delete(tenant, key, etag);
    return "deleted";
  } catch (error) {
    if (error instanceof PreconditionFailedError) return "changed";
    if (error instanceof NotFoundError) return "gone";
    throw error;
  }
};
