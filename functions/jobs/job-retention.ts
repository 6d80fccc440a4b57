import type { AppDeps } from "../app-deps";
import { storedDocumentId } from "../store/document-names";
import type { Page, PageRequest } from "../store/document-store";
import type { EndedJob, EndedJobDeletion } from "../store/ended-jobs";
import type { TenantId } from "../store/tenant";
import { endStoppedJobs, type LeasedJobKind, type StoppedJobsOptions } from "./stopped-jobs";
import { sweepPages } from "./sweep-pages";

/** Azure's NCRONTAB for the timer trigger and the local host's interval: every hour. */
export const jobRetentionSchedule = "0 0 * * * *";
export const jobRetentionIntervalMs = 60 * 60 * 1000;

export type RetainedJobKind = LeasedJobKind;

/**
 * What one sweep did, by kind: jobs whose server stopped that it found and are ended now, jobs
 * deleted, and jobs kept because they changed since read.
 */
export type JobRetentionOutcome = Record<
  RetainedJobKind,
  { readonly ended: number; readonly deleted: number; readonly changed: number }
>;

export interface JobRetentionOptions extends StoppedJobsOptions {
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
 * First ends every job whose server stopped, as its next read would (stopped-jobs.ts), so that
 * a job nobody looks at again does not stay "running" forever; then deletes jobs that ended
 * (done, failed, canceled) more than the retention period ago, in every tenant, with what only
 * they own: a merge job's result blob. Each job is deleted with the ETag it was read with, so
 * one that changed meanwhile stays; two sweeps at once delete each job once.
 * Logged segments, interaction log entries, letters and send jobs are business records: they are
 * never touched here.
 */
export const sweepEndedJobs = async (
  deps: AppDeps,
  options: JobRetentionOptions = {},
): Promise<JobRetentionOutcome> => {
  // First what a read would end: a job whose server stopped, which retention then finds ended.
  const ended = await endStoppedJobs(deps, options);
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
    await sweepPages(
      (request) => jobs.endedBefore(window, request),
      top,
      async ({ tenant, job }) => {
        await options.beforeDelete?.(kind, tenant, job.jobId);
        const outcome = await jobs.deleteEnded(tenant, job);
        if (outcome === "changed") changed++;
        if (outcome !== "deleted") return false;
        deleted++;
        await afterDelete(tenant, job);
        return true;
      },
    );
    return { ended: ended[kind], deleted, changed };
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
