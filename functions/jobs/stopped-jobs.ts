import type { AppDeps } from "../app-deps";
import { currentImportJob } from "../contacts/import/import-job";
import { NotFoundError } from "../errors/app-errors";
import { currentJob as currentMergeJob } from "../merge/merge-job-run";
import { currentApplyJob } from "../segments/apply-template-job";
import type { Page, PageRequest } from "../store/document-store";
import type { TenantJob } from "../store/ended-jobs";
import type { TenantId } from "../store/tenant";
import { sweepPages } from "./sweep-pages";

/** The three kinds of job run under a lease, which the sweep ends and later deletes. */
export type LeasedJobKind = "mergeJobs" | "applyTemplateJobs" | "contactImportJobs";

export interface StoppedJobsOptions {
  /** Jobs read per page. */
  readonly pageSize?: number;
  /** Called with each job as its ending left it (tests compare it with what is stored). */
  readonly onEnded?: (
    kind: LeasedJobKind,
    tenant: TenantId,
    job: { readonly jobId: string; readonly status: string; readonly finishedAt?: string },
  ) => void;
}

interface Lapsable<T> {
  lapsedAt(now: Date, request: PageRequest): Promise<Page<TenantJob<T>>>;
}

/**
 * Ends every job of the three kinds whose process stopped renewing its lease (killed, its
 * machine gone), in every tenant, exactly as the job's next read would: through the same
 * function (failed, failure "server_stopped", how far it got), which writes with the ETag it
 * read, in the job's own tenant partition, so a read, a cancel or another sweep at the same
 * moment ends it once. A job whose lease still runs is not touched. Per kind: the jobs found
 * lapsed that are ended now (by this sweep, or by whoever raced it).
 */
export const endStoppedJobs = async (
  deps: AppDeps,
  options: StoppedJobsOptions = {},
): Promise<Record<LeasedJobKind, number>> => {
  const now = deps.now();
  const top = options.pageSize ?? 100;
  const end = async <T extends { readonly jobId: string; readonly status: string }>(
    kind: LeasedJobKind,
    jobs: Lapsable<T>,
    current: (deps: AppDeps, tenant: TenantId, job: T) => Promise<T>,
  ) => {
    let ended = 0;
    await sweepPages(
      (request) => jobs.lapsedAt(now, request),
      top,
      async ({ tenant, job }) => {
        try {
          const after = await current(deps, tenant, job);
          if (after.status === "running") return false;
          ended++;
          options.onEnded?.(kind, tenant, after);
          return true;
        } catch (error) {
          // Deleted since the query (a merge refused before it began is taken back): nothing to end.
          if (error instanceof NotFoundError) return true;
          throw error;
        }
      },
    );
    return ended;
  };
  return {
    mergeJobs: await end("mergeJobs", deps.store.mergeJobs, currentMergeJob),
    applyTemplateJobs: await end(
      "applyTemplateJobs",
      deps.store.applyTemplateJobs,
      currentApplyJob,
    ),
    contactImportJobs: await end(
      "contactImportJobs",
      deps.store.contactImportJobs,
      currentImportJob,
    ),
  };
};
