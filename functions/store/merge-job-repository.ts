import { ConflictError, NotFoundError, PreconditionFailedError } from "../errors/app-errors";
import type { Page, PageRequest } from "./document-store";
import { deleteEndedJob, type EndedJob, type EndedJobDeletion, endedJobsPage } from "./ended-jobs";
import { beginJob, changeJob, endIfAbandoned, serverStopped, lapsedJobsPage } from "./leased-job";
import { SetupRepository } from "./setup-repository";
import type { StoredMergeJob } from "./stored-merge-job";
import type { TenantId } from "./tenant";

/** A job id that is already taken (the same id posted twice, maybe at once). */
export class MergeJobExistsError extends ConflictError {
  constructor(readonly existing: StoredMergeJob) {
    super(`Merge job ${existing.jobId} already exists.`);
  }
}

/** How a merge ends by its own request: done with its result, or failed by an error. */
export type MergeJobEnding =
  | (Pick<StoredMergeJob, "progress" | "issues" | "result" | "failedLines"> & {
      readonly status: "done";
      readonly at: string;
    })
  | { readonly status: "failed"; readonly error: string; readonly at: string };

const isRunning = (job: StoredMergeJob) => job.status === "running" || job.status === "queued";

/**
 * Merge jobs in the setup container (a setup kind). The operations are the job's life: begin
 * it, record progress (renewing its lease), name its result, cancel it, end it, or end it as
 * failed once its lease ran out (functions/store/leased-job.ts). Each re-reads and retries on a
 * lost ETag race, so the running request, a cancel and a reader ending a dead job never
 * overwrite one another: the first of them to end the job decides how it ended.
 */
export class MergeJobRepository extends SetupRepository<StoredMergeJob> {
  find(tenant: TenantId, jobId: string): Promise<StoredMergeJob | undefined> {
    return this.docs.find(tenant, jobId);
  }

  get(tenant: TenantId, jobId: string): Promise<StoredMergeJob> {
    return this.docs.get(tenant, jobId);
  }

  /** Writes the job; when the id is taken already, throws MergeJobExistsError with that job. */
  begin(tenant: TenantId, job: Omit<StoredMergeJob, "etag">): Promise<StoredMergeJob> {
    return beginJob(
      this.docs,
      tenant,
      job.jobId,
      job,
      (existing) => new MergeJobExistsError(existing),
    );
  }

  /**
   * Saves progress and renews the lease while the job runs: the job as it is now, which the
   * merge stops on unless running. An ended job (canceled, or ended by a reader) stays so.
   */
  recordProgress(
    tenant: TenantId,
    jobId: string,
    done: number,
    leaseUntil: string,
  ): Promise<StoredMergeJob> {
    return this.whileRunning(tenant, jobId, (job) => ({
      ...job,
      progress: { done, total: job.progress.total },
      leaseUntil,
    }));
  }

  /** Renews a running job's lease while a step is slow; an ended job stays as it is. */
  renewLease(tenant: TenantId, jobId: string, leaseUntil: string): Promise<StoredMergeJob> {
    return this.whileRunning(tenant, jobId, (job) => ({ ...job, leaseUntil }));
  }

  /**
   * Names the blob the result goes to before it is written, so that whoever deletes the job
   * (the retention sweep) deletes a blob a crash left behind too. Only while the job runs: the
   * job as it is now, which the merge writes no result for unless running.
   */
  nameResult(
    tenant: TenantId,
    jobId: string,
    resultDocumentId: string,
    leaseUntil: string,
  ): Promise<StoredMergeJob> {
    return this.whileRunning(tenant, jobId, (job) => ({ ...job, resultDocumentId, leaseUntil }));
  }

  /** Ends a running job as its request ends it; one that ended meanwhile stays as it ended. */
  end(tenant: TenantId, jobId: string, ending: MergeJobEnding): Promise<StoredMergeJob> {
    return this.whileRunning(tenant, jobId, (job) => {
      const { at, ...rest } = ending;
      return rest.status === "done"
        ? { ...job, ...rest, finishedAt: at }
        : { ...job, status: "failed", failure: "error", error: rest.error, finishedAt: at };
    });
  }

  /** Marks a running job canceled; an ended job stays as it is. */
  cancel(tenant: TenantId, jobId: string, at: string): Promise<StoredMergeJob> {
    return this.whileRunning(tenant, jobId, (job) => ({
      ...job,
      status: "canceled",
      finishedAt: at,
    }));
  }

  /**
   * Takes back a running job whose work was refused before it wrote anything but the job, so a
   * retry with the same id starts afresh; a job that ended meanwhile (canceled) stays.
   */
  async withdraw(tenant: TenantId, jobId: string): Promise<void> {
    for (;;) {
      const job = await this.docs.find(tenant, jobId);
      if (!job || !isRunning(job)) return;
      try {
        await this.docs.delete(tenant, jobId, job.etag);
        return;
      } catch (error) {
        if (error instanceof NotFoundError) return;
        if (!(error instanceof PreconditionFailedError)) throw error;
      }
    }
  }

  /**
   * Ends a running job whose lease ran out before `now` (its process died) as failed, with
   * `error` saying how far it got. It offers no result: only a done job has one.
   */
  endIfAbandoned(
    tenant: TenantId,
    job: StoredMergeJob,
    now: Date,
    error: (job: StoredMergeJob) => string,
  ): Promise<StoredMergeJob> {
    return endIfAbandoned(this.docs, tenant, job.jobId, job, now, serverStopped(now, error));
  }

  /** A page, across tenants, of running jobs whose lease ran out before `now` (leased-job.ts). */
  lapsedAt(now: Date, request: PageRequest) {
    return lapsedJobsPage(this.docs, now, request);
  }

  /** A page, across tenants, of ended jobs past retention (see ended-jobs.ts). */
  endedBefore(
    window: { readonly cutoff: Date; readonly now: Date },
    request: PageRequest,
  ): Promise<Page<EndedJob<StoredMergeJob>>> {
    return endedJobsPage(this.docs, window, request);
  }

  /** Deletes an ended job as it was read; one that changed since stays. */
  deleteEnded(tenant: TenantId, job: StoredMergeJob): Promise<EndedJobDeletion> {
    return deleteEndedJob(this.docs, tenant, job.jobId, job.etag);
  }

  private whileRunning(
    tenant: TenantId,
    jobId: string,
    next: (job: StoredMergeJob) => StoredMergeJob,
  ): Promise<StoredMergeJob> {
    return changeJob(this.docs, tenant, jobId, (job) => (isRunning(job) ? next(job) : undefined));
  }
}
