import { ConflictError, PreconditionFailedError } from "../errors/app-errors";
import type { DocumentStore } from "./document-store";
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
 * How a job whose lease ran out ends (a contact import, a merge): failed, failure
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
