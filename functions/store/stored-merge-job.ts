import type { MergeJob } from "@shared/model/merge-job";

/**
 * A merge job as kept in the setup container: the API's MergeJob keyed by `jobId` (a document's
 * own `id` is the store's, never part of the entity), with the blob of its result beside it and
 * the lease of the request that runs it (functions/store/leased-job.ts): a job still "running"
 * after its lease lost its process.
 */
export type StoredMergeJob = Omit<MergeJob, "id"> & {
  readonly jobId: string;
  readonly etag: string;
  /**
   * Checked against the job's own document name before use (storedDocumentId). Written before
   * the blob, so whoever deletes the job finds the blob a crash may have left; offered for
   * download only once the job is done.
   */
  readonly resultDocumentId?: string;
  /** Missing only on jobs written before merge jobs had a lease: nothing renews those. */
  readonly leaseUntil?: string | undefined;
};
