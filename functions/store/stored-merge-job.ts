import type { MergeJob } from "@shared/model/merge-job";

/**
 * A merge job as kept in the setup container: the API's MergeJob keyed by `jobId` (a document's
 * own `id` is the store's, never part of the entity), with the blob of its result beside it.
 */
export type StoredMergeJob = Omit<MergeJob, "id"> & {
  readonly jobId: string;
  readonly etag: string;
  /** Checked against the job's own document name before use (storedDocumentId). */
  readonly resultDocumentId?: string;
};
