import type { Page, PageRequest } from "./document-store";
import { deleteEndedJob, type EndedJob, type EndedJobDeletion, endedJobsPage } from "./ended-jobs";
import { SetupRepository } from "./setup-repository";
import type { StoredMergeJob } from "./stored-merge-job";
import type { TenantId } from "./tenant";

/** Merge jobs in the setup container (a setup kind), with the retention sweep's operations. */
export class MergeJobRepository extends SetupRepository<StoredMergeJob> {
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
}
