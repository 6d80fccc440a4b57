import type { Container } from "@azure/cosmos";
import type { ContactImportJob } from "@shared/model/contact-import-job";
import { ConflictError } from "../errors/app-errors";
import { partitionKey } from "./containers";
import { DocumentStore, type Page, type PageRequest } from "./document-store";
import { deleteEndedJob, type EndedJob, type EndedJobDeletion, endedJobsPage } from "./ended-jobs";
import { beginJob, changeJob, endIfAbandoned, serverStopped, lapsedJobsPage } from "./leased-job";
import type { TenantId } from "./tenant";

/**
 * A contact import job as stored: the API's ContactImportJob keyed by `jobId`, the fingerprint
 * of the file and options it imports, so that the same id posted with another file is refused
 * rather than answered with the first file's outcome, and the lease of the request that runs it
 * (functions/store/leased-job.ts): a job still "running" after it lost its process.
 */
export type StoredContactImportJob = Omit<ContactImportJob, "id"> & {
  readonly jobId: string;
  readonly fingerprint: string;
  readonly leaseUntil?: string | undefined;
  readonly etag: string;
};

/** What a page of the import changes: the counts and problems so far. */
export type ImportJobProgress = Pick<
  StoredContactImportJob,
  "progress" | "created" | "skipped" | "failed" | "problemGroups" | "problems" | "problemsOmitted"
>;

/** A job id that is already taken (the same id posted twice, maybe at once). */
export class ImportJobExistsError extends ConflictError {
  constructor(readonly existing: StoredContactImportJob) {
    super(`Import job ${existing.jobId} already exists.`);
  }
}

// The import's own writes come one at a time (functions/jobs/lease-keeper.ts); only a cancel or a
// reader ending a dead job races them, rarely, and one more read settles it.
const maxTries = 5;

/**
 * Contact import jobs in the setup container, one logical partition per job. The operations are
 * the job's life: begin it, record a page (renewing its lease), cancel it, end it, or end it as
 * failed once its lease ran out. A cancel is never overwritten by the import's own writes: those
 * keep whatever status the document has.
 */
export class ContactImportJobRepository {
  private readonly docs: DocumentStore<StoredContactImportJob>;

  constructor(container: Container) {
    this.docs = new DocumentStore<StoredContactImportJob>({
      container,
      docType: "contactImportJob",
      entityName: "Import job",
      keyField: "jobId",
      partitionKeyOf: (tenant, jobId) => partitionKey.contactImportJob(tenant, jobId),
    });
  }

  find(tenant: TenantId, jobId: string): Promise<StoredContactImportJob | undefined> {
    return this.docs.find(tenant, jobId);
  }

  get(tenant: TenantId, jobId: string): Promise<StoredContactImportJob> {
    return this.docs.get(tenant, jobId);
  }

  /** Writes the job; when the id is taken already, throws ImportJobExistsError with that job. */
  begin(
    tenant: TenantId,
    job: Omit<StoredContactImportJob, "etag">,
  ): Promise<StoredContactImportJob> {
    return beginJob(
      this.docs,
      tenant,
      job.jobId,
      job,
      (existing) => new ImportJobExistsError(existing),
    );
  }

  /**
   * Saves the counts after a page, keeping the status (a cancel stays a cancel), and renews the
   * lease while the job runs: the job as it is now, which the import stops on unless running.
   */
  recordProgress(
    tenant: TenantId,
    jobId: string,
    progress: ImportJobProgress,
    leaseUntil: string,
  ): Promise<StoredContactImportJob> {
    return this.change(tenant, jobId, (job) => ({
      ...job,
      ...progress,
      ...(job.status === "running" ? { leaseUntil } : {}),
    }));
  }

  /** Renews a running job's lease while a page is slow; an ended job stays as it is. */
  renewLease(tenant: TenantId, jobId: string, leaseUntil: string): Promise<StoredContactImportJob> {
    return this.change(tenant, jobId, (job) =>
      job.status === "running" ? { ...job, leaseUntil } : undefined,
    );
  }

  /** Marks a running job canceled; an ended job stays as it is. */
  cancel(tenant: TenantId, jobId: string, at: string): Promise<StoredContactImportJob> {
    return this.change(tenant, jobId, (job) =>
      job.status === "running" ? { ...job, status: "canceled", finishedAt: at } : undefined,
    );
  }

  /** Ends the job: done or failed, unless it ended meanwhile (canceled, or its lease ran out). */
  end(
    tenant: TenantId,
    jobId: string,
    outcome: { readonly status: "done" | "failed"; readonly error?: string; readonly at: string },
  ): Promise<StoredContactImportJob> {
    return this.change(tenant, jobId, (job) => ({
      ...job,
      ...(job.status === "running"
        ? { status: outcome.status, ...(outcome.status === "failed" ? { failure: "error" } : {}) }
        : {}),
      ...(outcome.error !== undefined && job.error === undefined ? { error: outcome.error } : {}),
      finishedAt: job.finishedAt ?? outcome.at,
    }));
  }

  /**
   * Ends a running job whose lease ran out before `now` (its process died) as failed, with
   * `error` saying how far it got; the counts stay as its last page wrote them.
   */
  endIfAbandoned(
    tenant: TenantId,
    job: StoredContactImportJob,
    now: Date,
    error: (job: StoredContactImportJob) => string,
  ): Promise<StoredContactImportJob> {
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
  ): Promise<Page<EndedJob<StoredContactImportJob>>> {
    return endedJobsPage(this.docs, window, request);
  }

  /** Deletes an ended job as it was read; one that changed since stays. */
  deleteEnded(tenant: TenantId, job: StoredContactImportJob): Promise<EndedJobDeletion> {
    return deleteEndedJob(this.docs, tenant, job.jobId, job.etag);
  }

  private change(
    tenant: TenantId,
    jobId: string,
    next: (job: StoredContactImportJob) => StoredContactImportJob | undefined,
  ): Promise<StoredContactImportJob> {
    return changeJob(this.docs, tenant, jobId, next, maxTries);
  }
}
