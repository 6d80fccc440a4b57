import type { Container } from "@azure/cosmos";
import type { ApplyTemplateJob } from "@shared/model/apply-template-job";
import { ConflictError } from "../errors/app-errors";
import { partitionKey } from "./containers";
import { DocumentStore, type Page, type PageRequest } from "./document-store";
import { deleteEndedJob, type EndedJob, type EndedJobDeletion, endedJobsPage } from "./ended-jobs";
import { changeJob, endIfAbandoned, lapsedJobsPage, serverStopped } from "./leased-job";
import type { TenantId } from "./tenant";

/**
 * An apply-template job as stored: the API's job keyed by `jobId`, with the lease of the request
 * that runs it. A job still "running" after its lease is over lost its process (a crash, a
 * machine gone): readers end it as failed rather than leave it running forever.
 */
export type StoredApplyTemplateJob = Omit<ApplyTemplateJob, "id"> & {
  readonly jobId: string;
  readonly leaseUntil: string;
  readonly etag: string;
};

export type NewApplyTemplateJob = Omit<StoredApplyTemplateJob, "etag">;

/** What the work reports at the end of a page of lines. */
export interface ApplyTemplateProgress {
  readonly done: number;
  readonly total: number;
  readonly changed: number;
  readonly leaseUntil: string;
}

const docType = "applyTemplateJob";

/**
 * Apply-template jobs in the setup container, one partition per tenant and kind (a job is read
 * by its id alone). Every change is a domain operation that re-reads and retries on a lost
 * ETag race, so the running request, a cancel and a reader ending a dead job never overwrite
 * one another: the first of them to end the job decides how it ended.
 */
export class ApplyTemplateJobRepository {
  private readonly docs: DocumentStore<StoredApplyTemplateJob>;

  constructor(container: Container) {
    this.docs = new DocumentStore<StoredApplyTemplateJob>({
      container,
      docType,
      entityName: "Apply-template job",
      keyField: "jobId",
      partitionKeyOf: (tenant) => partitionKey.setup(tenant, docType),
    });
  }

  find(tenant: TenantId, jobId: string): Promise<StoredApplyTemplateJob | undefined> {
    return this.docs.find(tenant, jobId);
  }

  get(tenant: TenantId, jobId: string): Promise<StoredApplyTemplateJob> {
    return this.docs.get(tenant, jobId);
  }

  /**
   * Writes a new job; undefined when one with this id exists already (a repeat, or the same id
   * sent twice at once: the store lets exactly one create win).
   */
  async start(
    tenant: TenantId,
    job: NewApplyTemplateJob,
  ): Promise<StoredApplyTemplateJob | undefined> {
    try {
      return await this.docs.create(tenant, job.jobId, job);
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  /** Takes back a job whose request was refused before it changed anything. */
  async withdraw(tenant: TenantId, jobId: string): Promise<void> {
    await this.docs.delete(tenant, jobId).catch(() => undefined);
  }

  /**
   * Saves a page's progress and, while the job runs, renews its lease: the job as it is now,
   * which the work stops on if it is no longer running. The page a cancel found in hand is
   * written whole, so its lines are counted even after the cancel: the counts stay true.
   */
  advance(
    tenant: TenantId,
    jobId: string,
    progress: ApplyTemplateProgress,
  ): Promise<StoredApplyTemplateJob> {
    return this.change(tenant, jobId, (job) =>
      job.progress.done === progress.done &&
      job.progress.total === progress.total &&
      job.changed === progress.changed &&
      job.status !== "running"
        ? undefined
        : {
            ...job,
            progress: { done: progress.done, total: progress.total },
            changed: progress.changed,
            ...(job.status === "running" ? { leaseUntil: progress.leaseUntil } : {}),
          },
    );
  }

  /** Ends a running job (done, failed or canceled); a job that already ended stays as it ended. */
  end(
    tenant: TenantId,
    jobId: string,
    ending: Pick<StoredApplyTemplateJob, "status" | "finishedAt"> &
      Partial<Pick<StoredApplyTemplateJob, "error" | "failure" | "progress" | "changed">>,
  ): Promise<StoredApplyTemplateJob> {
    return this.change(tenant, jobId, (job) =>
      job.status !== "running" ? undefined : { ...job, ...ending },
    );
  }

  /**
   * Ends a running job whose lease ran out before `now` (its process died) as failed, with
   * failure "server_stopped" and `error` saying how far it got, as a merge or an import ends.
   */
  endIfAbandoned(
    tenant: TenantId,
    job: StoredApplyTemplateJob,
    now: Date,
    error: (job: StoredApplyTemplateJob) => string,
  ): Promise<StoredApplyTemplateJob> {
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
  ): Promise<Page<EndedJob<StoredApplyTemplateJob>>> {
    return endedJobsPage(this.docs, window, request);
  }

  /** Deletes an ended job as it was read; one that changed since stays. */
  deleteEnded(tenant: TenantId, job: StoredApplyTemplateJob): Promise<EndedJobDeletion> {
    return deleteEndedJob(this.docs, tenant, job.jobId, job.etag);
  }

  private change(
    tenant: TenantId,
    jobId: string,
    next: (job: StoredApplyTemplateJob) => StoredApplyTemplateJob | undefined,
  ): Promise<StoredApplyTemplateJob> {
    return changeJob(this.docs, tenant, jobId, next);
  }
}
