import { LabelGridError, MergeError, TemplateError } from "@shared/merge/index";
import type { MergeJob, MergeOutputKind } from "@shared/model/merge-job";
import type { AppDeps } from "../app-deps";
import {
  ConflictError,
  ConverterBusyError,
  ValidationError,
  WorkerPoolFullError,
} from "../errors/app-errors";
import { keepLease } from "../jobs/lease-keeper";
import { type DocumentId, newDocumentId } from "../store/document-names";
import { MergeJobExistsError } from "../store/merge-job-repository";
import type { StoredMergeJob } from "../store/stored-merge-job";
import type { TenantId } from "../store/tenant";
import type { MergeOutputFile } from "./outputs/merge-output";
import { serialReports } from "./serial-reports";

export const publicJob = ({
  etag: _e,
  resultDocumentId: _r,
  leaseUntil: _l,
  jobId,
  ...job
}: StoredMergeJob): MergeJob => ({
  id: jobId,
  ...job,
});

const abandonedError = (job: StoredMergeJob) =>
  `The server stopped while merging ${
    job.loggedSegmentEntryNo !== undefined
      ? `logged segment ${job.loggedSegmentEntryNo}`
      : `segment ${job.segmentNo}`
  }: progress was ${job.progress.done} of ${job.progress.total}. No result was kept; merge again to make the whole file.`;

/**
 * The job as it stands; one still running whose lease ran out (its process died) ends failed
 * with failure "server_stopped" and how far it got. Every read, cancel, retry and the sweep
 * (functions/jobs/stopped-jobs.ts) go through it.
 */
export const currentJob = (
  deps: AppDeps,
  tenant: TenantId,
  job: StoredMergeJob,
): Promise<StoredMergeJob> =>
  deps.store.mergeJobs.endIfAbandoned(tenant, job, deps.now(), abandonedError);

/** What a job is about: its id, the segment (and the logged segment a resend reads), its size. */
export interface JobSpec {
  readonly id: string;
  readonly segmentNo: string;
  readonly loggedSegmentEntryNo?: number | undefined;
  readonly output: MergeOutputKind;
  readonly total: number;
}

/** What the work of a job sees of it. */
export interface JobContext {
  /** Aborts when the job is canceled: hand it to every merge thread call. */
  readonly signal: AbortSignal;
  /** Saves progress unless the job was canceled meanwhile, and then says so (true). */
  checkpoint(done: number): Promise<boolean>;
  /** Progress reported from letters done side by side, saved one at a time; rejects once canceled. */
  report(done: number): Promise<void>;
}

/** The job's file and what Check for Errors found; undefined when the work saw a cancel. */
export type JobWork = (
  context: JobContext,
) => Promise<{ readonly file: MergeOutputFile; readonly issues: MergeJob["issues"] } | undefined>;

const sameSubject = (
  existing: StoredMergeJob,
  spec: Pick<JobSpec, "id" | "segmentNo" | "loggedSegmentEntryNo">,
) => {
  if (
    existing.segmentNo !== spec.segmentNo ||
    existing.loggedSegmentEntryNo !== spec.loggedSegmentEntryNo
  )
    throw new ConflictError(
      `Merge job ${spec.id} belongs to ${
        existing.loggedSegmentEntryNo !== undefined
          ? `logged segment ${existing.loggedSegmentEntryNo}`
          : `segment ${existing.segmentNo}`
      }.`,
    );
};

/**
 * A job asked for again with the same id: the same job, when it is about the same thing (ended
 * failed if its server died: a retry never starts a second run); undefined when there is none.
 */
export const repeatedJob = async (
  deps: AppDeps,
  tenant: TenantId,
  spec: Pick<JobSpec, "id" | "segmentNo" | "loggedSegmentEntryNo">,
): Promise<MergeJob | undefined> => {
  const existing = await deps.store.mergeJobs.find(tenant, spec.id);
  if (!existing) return undefined;
  sameSubject(existing, spec);
  return publicJob(await currentJob(deps, tenant, existing));
};

/**
 * Runs a job to its end (so it lives exactly as long as the function invocation), while the
 * job document shows its progress to anyone polling /merge-jobs/{id}; a cancel stops the
 * thread at work (runningMerges). The job is held by a lease (functions/jobs/lease-keeper.ts)
 * renewed with each save and by a timer while a step is slow: if this process dies, the first
 * read, cancel or retry after the lease ends the job failed. The result goes to Blob Storage
 * under a name the job records first, and the job says done only once the blob is whole. Work
 * refused before anything but the job was written (no thread free, a letter the engine
 * refuses) takes the job with it, so a retry with the same id starts afresh.
 */
export const runJob = async (
  deps: AppDeps,
  tenant: TenantId,
  spec: JobSpec,
  work: JobWork,
): Promise<MergeJob> => {
  const jobs = deps.store.mergeJobs;
  const { id, total } = spec;
  let begun = false;
  // Renewed only once this request has written the job: never another request's job.
  const lease = keepLease(deps.config.mergeLeaseMs, deps.now, (leaseUntil) =>
    begun ? jobs.renewLease(tenant, id, leaseUntil) : Promise.resolve(),
  );
  let job: StoredMergeJob;
  try {
    job = await lease.write((leaseUntil) =>
      jobs.begin(tenant, {
        jobId: id,
        segmentNo: spec.segmentNo,
        ...(spec.loggedSegmentEntryNo !== undefined
          ? { loggedSegmentEntryNo: spec.loggedSegmentEntryNo }
          : {}),
        status: "running",
        output: spec.output,
        progress: { done: 0, total },
        issues: [],
        createdAt: deps.now().toISOString(),
        leaseUntil,
      }),
    );
    begun = true;
  } catch (error) {
    await lease.stop();
    // Posted twice at once: the other request runs the job; this one answers it.
    if (error instanceof MergeJobExistsError) {
      sameSubject(error.existing, spec);
      return publicJob(await currentJob(deps, tenant, error.existing));
    }
    throw error;
  }
  const running = deps.runningMerges.start(tenant, id, async () => {
    // Canceled, or ended by a reader because this process stopped renewing its lease.
    const current = await jobs.find(tenant, id);
    return current?.status !== "running";
  });
  const signal = running.signal;
  const checkpoint = async (done: number): Promise<boolean> => {
    job = await lease.write((leaseUntil) => jobs.recordProgress(tenant, id, done, leaseUntil));
    return job.status !== "running";
  };
  const reports = serialReports(async (done) => {
    if (await checkpoint(done)) {
      // Canceled: the work's threads stop, and it sees the abort here.
      deps.runningMerges.cancel(tenant, id);
      signal.throwIfAborted();
    }
  });
  let resultDocumentId: DocumentId | undefined;
  try {
    const result = await work({ signal, checkpoint, report: reports.report });
    await reports.close();
    if (!result) {
      await lease.stop();
      return publicJob(await jobs.get(tenant, id));
    }
    const { bytes, failedLines, ...file } = result.file;
    const named = newDocumentId(tenant, { kind: "mergeResult", jobId: id });
    job = await lease.write((leaseUntil) => jobs.nameResult(tenant, id, named, leaseUntil));
    if (job.status !== "running") {
      await lease.stop();
      return publicJob(job);
    }
    resultDocumentId = named;
    await deps.store.documents.put(named, bytes, { contentType: file.contentType });
    job = await lease.end(() =>
      jobs.end(tenant, id, {
        status: "done",
        progress: { done: total, total },
        issues: result.issues,
        result: { ...file, size: bytes.byteLength },
        ...(failedLines && failedLines.length > 0 ? { failedLines: [...failedLines] } : {}),
        at: deps.now().toISOString(),
      }),
    );
    // Canceled, or ended by a reader while the blob was written: the blob is nobody's result.
    if (job.status !== "done") await deps.store.documents.delete(named);
    return publicJob(job);
  } catch (error) {
    await reports.close();
    await lease.stop();
    const current = await jobs.get(tenant, id);
    // A cancel that raced with the work stays a cancel (its threads' tasks end canceled), and
    // a job a reader ended meanwhile stays as it ended.
    if (current.status !== "running") return publicJob(current);
    if (
      error instanceof WorkerPoolFullError ||
      error instanceof ConverterBusyError ||
      error instanceof TemplateError ||
      error instanceof MergeError ||
      error instanceof LabelGridError ||
      error instanceof ValidationError
    ) {
      await jobs.withdraw(tenant, id);
      throw error;
    }
    await jobs.end(tenant, id, {
      status: "failed",
      error: error instanceof Error ? error.message : String(error),
      at: deps.now().toISOString(),
    });
    if (resultDocumentId)
      await deps.store.documents.delete(resultDocumentId).catch(() => undefined);
    throw error;
  } finally {
    // Whatever of the work still runs (a check beside a merge that failed) stops here.
    running.end();
  }
};
