import type { Container } from "@azure/cosmos";
import type { ContactImportJob } from "@shared/model/contact-import-job";
import { ConflictError, PreconditionFailedError } from "../errors/app-errors";
import { partitionKey } from "./containers";
import { DocumentStore } from "./document-store";
import type { TenantId } from "./tenant";

/**
 * A contact import job as stored: the API's ContactImportJob keyed by `jobId`, and the
 * fingerprint of the file and options it imports, so that the same id posted with another file
 * is refused rather than answered with the first file's outcome.
 */
export type StoredContactImportJob = Omit<ContactImportJob, "id"> & {
  readonly jobId: string;
  readonly fingerprint: string;
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

// Only the import writes progress and only a cancel writes the status, so a lost race is rare
// and one more read settles it.
const maxTries = 5;

/**
 * Contact import jobs in the setup container, one logical partition per job. The operations are
 * the job's life: begin it, record a page, cancel it, end it. A cancel is never overwritten by
 * the import's own writes: those keep whatever status the document has.
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
  async begin(
    tenant: TenantId,
    job: Omit<StoredContactImportJob, "etag">,
  ): Promise<StoredContactImportJob> {
    try {
      return await this.docs.create(tenant, job.jobId, job);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      throw new ImportJobExistsError(await this.docs.get(tenant, job.jobId));
    }
  }

  /** Saves the counts after a page, keeping the status (a cancel stays a cancel). */
  recordProgress(
    tenant: TenantId,
    jobId: string,
    progress: ImportJobProgress,
  ): Promise<StoredContactImportJob> {
    return this.change(tenant, jobId, (job) => ({ ...job, ...progress }));
  }

  /** Marks a running job canceled; an ended job stays as it is. */
  cancel(tenant: TenantId, jobId: string, at: string): Promise<StoredContactImportJob> {
    return this.change(tenant, jobId, (job) =>
      job.status === "running" ? { ...job, status: "canceled", finishedAt: at } : undefined,
    );
  }

  /** Ends the job: done or failed, unless it was canceled meanwhile (then it stays canceled). */
  end(
    tenant: TenantId,
    jobId: string,
    outcome: { readonly status: "done" | "failed"; readonly error?: string; readonly at: string },
  ): Promise<StoredContactImportJob> {
    return this.change(tenant, jobId, (job) => ({
      ...job,
      ...(job.status === "running" ? { status: outcome.status } : {}),
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      finishedAt: job.finishedAt ?? outcome.at,
    }));
  }

  /** Read, change, write with the ETag read; again on a lost race. undefined: no change. */
  private async change(
    tenant: TenantId,
    jobId: string,
    next: (job: StoredContactImportJob) => StoredContactImportJob | undefined,
  ): Promise<StoredContactImportJob> {
    for (let tries = 1; ; tries++) {
      const job = await this.docs.get(tenant, jobId);
      const changed = next(job);
      if (!changed) return job;
      const { etag, ...data } = changed;
      try {
        return await this.docs.replace(tenant, jobId, data, etag);
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || tries >= maxTries) throw error;
      }
    }
  }
}
