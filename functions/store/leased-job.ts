import { ConflictError, PreconditionFailedError } from "../errors/app-errors";
import type { DocumentStore, Page, PageRequest } from "./document-store";
import { jobsAcrossTenants, type TenantJob } from "./ended-jobs";
import type { TenantId } from "./tenant";

/**
 * What every job run under a lease stores (apply-template, contact import): its status and
 * until when the process that runs it has promised to write again. A job still "running" after
 * that lost its process (a crash, a machine gone).
 */
export interface LeasedJobFields {
  readonly status: string;
  /** Missing only on jobs written before jobs had a lease: nothing renews those. */
  readonly leaseUntil?: string | undefined;
  readonly etag: string;
}

/** True for a job that says "running" although its process stopped renewing it before `now`. */
export const leaseRanOut = (job: Omit<LeasedJobFields, "etag">, now: Date): boolean =>
  job.status === "running" &&
  (job.leaseUntil === undefined || Date.parse(job.leaseUntil) < now.getTime());

/**
 * A page, across tenants, of one kind's jobs that leaseRanOut says lost their process at `now`
 * (running, the lease over or missing): what the sweep ends as a read would (endIfAbandoned),
 * each in its own tenant's partition. The query narrows on status first: few jobs run at once.
 */
export const lapsedJobsPage = <T extends LeasedJobFields>(
  docs: DocumentStore<T>,
  now: Date,
  request: PageRequest,
): Promise<Page<TenantJob<T>>> =>
  jobsAcrossTenants(
    docs,
    {
      where: ["c.status = @running", "(NOT IS_DEFINED(c.leaseUntil) OR c.leaseUntil < @now)"],
      parameters: [
        { name: "@running", value: "running" },
        { name: "@now", value: now.toISOString() },
      ],
    },
    request,
  );

/**
 * Writes a new job; when its key is taken already (the same id posted twice, maybe at once: the
 * store lets exactly one create win), throws what `taken` makes of the job that is there.
 */
export const beginJob = async <T extends LeasedJobFields>(
  docs: DocumentStore<T>,
  tenant: TenantId,
  key: string,
  job: Omit<T, "etag">,
  taken: (existing: T) => Error,
): Promise<T> => {
  try {
    return await docs.create(tenant, key, job);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    throw taken(await docs.get(tenant, key));
  }
};

/**
 * Read, change, write with the ETag read; again on a lost race, so the running process, a cancel
 * and a reader ending a dead job never overwrite one another. `next` undefined: no write.
 */
export const changeJob = async <T extends LeasedJobFields>(
  docs: DocumentStore<T>,
  tenant: TenantId,
  key: string,
  next: (job: T) => T | undefined,
  maxTries = Number.POSITIVE_INFINITY,
): Promise<T> => {
  for (let tries = 1; ; tries++) {
    const job = await docs.get(tenant, key);
    const changed = next(job);
    if (!changed) return job;
    const { etag: _etag, ...body } = changed;
    try {
      return await docs.replace(tenant, key, body, job.etag);
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || tries >= maxTries) throw error;
    }
  }
};

/**
 * Ends a running job whose lease ran out before `now` with `ending` (failed, saying why); the
 * first of the readers to see it writes, and a job that ended meanwhile stays as it ended.
 */
export const endIfAbandoned = <T extends LeasedJobFields>(
  docs: DocumentStore<T>,
  tenant: TenantId,
  key: string,
  job: T,
  now: Date,
  ending: (job: T) => T,
): Promise<T> => {
  if (!leaseRanOut(job, now)) return Promise.resolve(job);
  return changeJob(docs, tenant, key, (j) => (leaseRanOut(j, now) ? ending(j) : undefined));
};

/**
 * How a job whose lease ran out ends (a contact import, a merge, an apply-template): failed, failure
 * "server_stopped", `error` saying how far it got, at `now`.
 */
export const serverStopped =
  <T extends LeasedJobFields>(now: Date, error: (job: T) => string) =>
  (job: T): T => ({
    ...job,
    status: "failed",
    failure: "server_stopped",
    error: error(job),
    finishedAt: now.toISOString(),
  });
