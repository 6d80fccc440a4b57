import type { ApplyTemplateJob } from "@shared/model/apply-template-job";
import type { AppDeps } from "../app-deps";
import type { Identity } from "../auth/identity";
import { ConflictError } from "../errors/app-errors";
import { keepLease } from "../jobs/lease-keeper";
import type { StoredApplyTemplateJob } from "../store/apply-template-job-repository";
import type { SegmentHeader } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import { headerChangePropagation } from "./header-propagation";
import type { SegmentHold } from "./segment-lock";

/**
 * Lines per page: a cancel is seen, and progress saved, after each. Small enough that a
 * 3,000-line segment shows a dozen steps; large enough that the job's own writes stay a few
 * per cent of the lines' writes.
 */
export const applyPageSize = 250;

export const publicApplyJob = ({
  etag: _e,
  leaseUntil: _l,
  jobId,
  ...job
}: StoredApplyTemplateJob): ApplyTemplateJob => ({ id: jobId, ...job });

const leaseEnd = (deps: AppDeps) =>
  new Date(deps.now().getTime() + deps.config.segmentLeaseMs).toISOString();

const abandonedError = (job: StoredApplyTemplateJob) =>
  `The server stopped while applying interaction template ${job.interactionTemplateCode}: ${job.progress.done} of ${job.progress.total} lines were gone through, ${job.changed} changed. Lines already changed stay so; apply the same template again to finish the others.`;

/**
 * The job as it stands; one still running whose lease ran out (its process died) ends failed
 * with failure "server_stopped" and how far it got. Every read, cancel and the sweep
 * (functions/jobs/stopped-jobs.ts) go through it.
 */
export const currentApplyJob = (deps: AppDeps, tenant: TenantId, job: StoredApplyTemplateJob) =>
  deps.store.applyTemplateJobs.endIfAbandoned(tenant, job, deps.now(), abandonedError);

const currentJob = async (deps: AppDeps, tenant: TenantId, id: string) =>
  currentApplyJob(deps, tenant, await deps.store.applyTemplateJobs.get(tenant, id));

export const getApplyTemplateJob = async (
  deps: AppDeps,
  identity: Identity,
  id: string,
): Promise<ApplyTemplateJob> => publicApplyJob(await currentJob(deps, identity.tenantId, id));

/**
 * Cancels between pages: the page in hand is written, then the work stops. Lines already
 * changed stay changed (the job counts them); applying the same template again does the rest.
 */
export const cancelApplyTemplateJob = async (
  deps: AppDeps,
  identity: Identity,
  id: string,
): Promise<ApplyTemplateJob> => {
  const tenant = identity.tenantId;
  const job = await currentJob(deps, tenant, id);
  if (job.status !== "running") return publicApplyJob(job);
  return publicApplyJob(
    await deps.store.applyTemplateJobs.end(tenant, id, {
      status: "canceled",
      finishedAt: deps.now().toISOString(),
    }),
  );
};

/**
 * A repeat of a job id already used: the job, when it is this segment's (the caller applies
 * nothing again); a 409 when the id belongs to another segment; undefined when it is new.
 */
export const repeatedApplyJob = async (
  deps: AppDeps,
  tenant: TenantId,
  id: string,
  segmentNo: string,
): Promise<StoredApplyTemplateJob | undefined> => {
  const job = await deps.store.applyTemplateJobs.find(tenant, id);
  if (job && job.segmentNo !== segmentNo) {
    const message = `Apply-template job ${id} belongs to segment ${job.segmentNo}.`;
    throw new ConflictError(message, [{ in: "body", field: "jobId", rule: "unique", message }]);
  }
  return job;
};

/** Writes the job before any work, so a second request with the same id finds it. */
export const startApplyJob = (
  deps: AppDeps,
  identity: Identity,
  spec: { id: string; segmentNo: string; interactionTemplateCode: string; updateLines: boolean },
): Promise<StoredApplyTemplateJob | undefined> =>
  deps.store.applyTemplateJobs.start(identity.tenantId, {
    jobId: spec.id,
    segmentNo: spec.segmentNo,
    interactionTemplateCode: spec.interactionTemplateCode,
    updateLines: spec.updateLines,
    status: "running",
    progress: { done: 0, total: 0 },
    changed: 0,
    startedBy: identity.userName || identity.userId,
    createdAt: deps.now().toISOString(),
    leaseUntil: leaseEnd(deps),
  });

/** The job's writes under its lease (functions/jobs/lease-keeper.ts): progress, then its end. */
const jobWriter = (deps: AppDeps, tenant: TenantId, id: string) => {
  const jobs = deps.store.applyTemplateJobs;
  let last = { done: 0, changed: 0, total: 0 };
  const lease = keepLease(deps.config.segmentLeaseMs, deps.now, (leaseUntil) =>
    jobs.advance(tenant, id, { ...last, leaseUntil }),
  );
  return {
    save: (progress: typeof last) => {
      last = progress;
      return lease.write((leaseUntil) => jobs.advance(tenant, id, { ...last, leaseUntil }));
    },
    end: (ending: Parameters<typeof jobs.end>[2]) => lease.end(() => jobs.end(tenant, id, ending)),
    stop: () => lease.stop(),
  };
};

/**
 * Runs a started job while the segment is held: the template's fields go on to the lines a
 * page at a time, in line No. order; progress is saved and a cancel looked for after each page.
 * Every page is written whole before the next is read, so what a cancel or a crash leaves is a
 * prefix of the lines updated and the rest as they were.
 */
export const runApplyJob = async (
  deps: AppDeps,
  tenant: TenantId,
  id: string,
  before: SegmentHeader,
  after: SegmentHeader,
  updateLines: boolean,
  hold: SegmentHold,
): Promise<StoredApplyTemplateJob> => {
  const writer = jobWriter(deps, tenant, id);
  try {
    let done = 0;
    let changed = 0;
    if (updateLines) {
      const segments = deps.store.segments;
      const total = await segments.countLines(tenant, after.no);
      const propagate = await headerChangePropagation(deps, tenant, before, after, "template");
      let job = await writer.save({ done, changed, total });
      let lastLineNo = 0;
      while (job.status === "running") {
        const page = await segments.storedLinesAfter(tenant, after.no, lastLineNo, applyPageSize);
        if (page.length === 0) break;
        changed += await propagate(page);
        done += page.length;
        lastLineNo = page[page.length - 1]?.lineNo ?? lastLineNo;
        hold.assertHeld();
        job = await writer.save({ done, changed, total });
      }
      if (job.status !== "running") {
        await writer.stop();
        return job;
      }
    }
    return await writer.end({
      status: "done",
      progress: { done, total: done },
      changed,
      finishedAt: deps.now().toISOString(),
    });
  } catch (error) {
    await writer
      .end({
        status: "failed",
        failure: "error",
        error: error instanceof Error ? error.message : String(error),
        finishedAt: deps.now().toISOString(),
      })
      .catch(() => undefined);
    throw error;
  }
};
