import type { AppDeps } from "../app-deps";
import { storedDocumentId } from "../store/document-names";
import type { Page, PageRequest } from "../store/document-store";
import type { EndedJob, EndedJobDeletion } from "../store/ended-jobs";
import type { TenantId } from "../store/tenant";

/** Azure's NCRONTAB for the timer trigger and the local host's interval: every hour. */
export const jobRetentionSchedule = "0 0 * * * *";
export const jobRetentionIntervalMs = 60 * 60 * 1000;

export type RetainedJobKind = "mergeJobs" | "applyTemplateJobs" | "contactImportJobs";

/** What one sweep did, by kind: jobs deleted, and jobs kept because they changed since read. */
export type JobRetentionOutcome = Record<
  RetainedJobKind,
  { readonly deleted: number; readonly changed: number }
>;

export interface JobRetentionOptions {
  /** Jobs read per page. */
  readonly pageSize?: number;
  /** Called between reading a page and deleting its jobs (tests change a job there). */
  readonly beforeDelete?: (kind: RetainedJobKind, tenant: TenantId, jobId: string) => Promise<void>;
}

interface Sweepable<T> {
  endedBefore(
    window: { readonly cutoff: Date; readonly now: Date },
    request: PageRequest,
  ): Promise<Page<EndedJob<T>>>;
  deleteEnded(tenant: TenantId, job: T): Promise<EndedJobDeletion>;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Deletes jobs that ended (done, failed, canceled) more than the retention period ago, in every
 * tenant, with what only they own: a merge job's result blob. Each job is deleted with the ETag
 * it was read with, so one that changed meanwhile stays; two sweeps at once delete each job once.
 * Logged segments, interaction log entries, letters and send jobs are business records: they are
 * never touched here.
 */
export const sweepEndedJobs = async (
  deps: Pick<AppDeps, "store" | "now" | "config">,
  options: JobRetentionOptions = {},
): Promise<JobRetentionOutcome> => {
  const now = deps.now();
  const window = { cutoff: new Date(now.getTime() - deps.config.jobRetentionDays * dayMs), now };
  const top = options.pageSize ?? 100;
  const sweep = async <T extends { jobId: string }>(
    kind: RetainedJobKind,
    jobs: Sweepable<T>,
    afterDelete: (tenant: TenantId, job: T) => Promise<void> = async () => undefined,
  ) => {
    let deleted = 0;
    let changed = 0;
    // Deleting shifts what the next page holds: query again from the start until a page
    // deletes nothing, then follow the continuation past jobs that stayed.
    let continuationToken: string | undefined;
    for (;;) {
      const page = await jobs.endedBefore(window, { top, continuationToken });
      let removed = 0;
      for (const { tenant, job } of page.items) {
        await options.beforeDelete?.(kind, tenant, job.jobId);
        const outcome = await jobs.deleteEnded(tenant, job);
        if (outcome === "changed") changed++;
        if (outcome !== "deleted") continue;
        deleted++;
        removed++;
        await afterDelete(tenant, job);
      }
      if (removed > 0) continuationToken = undefined;
      else if (page.continuationToken) continuationToken = page.continuationToken;
      else break;
    }
    return { deleted, changed };
  };
  return {
    mergeJobs: await sweep("mergeJobs", deps.store.mergeJobs, async (tenant, job) => {
      // Only the sweep that deleted the job deletes its result, and only under the job's own name.
      const blob = storedDocumentId(tenant, job.resultDocumentId, {
        kind: "mergeResult",
        jobId: job.jobId,
      });
      if (blob) await deps.store.documents.delete(blob);
    }),
    applyTemplateJobs: await sweep("applyTemplateJobs", deps.store.applyTemplateJobs),
    contactImportJobs: await sweep("contactImportJobs", deps.store.contactImportJobs),
  };
};
