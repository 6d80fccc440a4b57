import { LabelGridError, MergeError, TemplateError } from "@shared/merge/index";
import type { MergeJob, MergeOutputKind } from "@shared/model/merge-job";
import type { AppDeps } from "../app-deps";
import {
  ConflictError,
  ConverterBusyError,
  ValidationError,
  WorkerPoolFullError,
} from "../errors/app-errors";
import { newDocumentId } from "../store/document-names";
import type { StoredMergeJob } from "../store/stored-merge-job";
import type { TenantId } from "../store/tenant";
import type { MergeOutputFile } from "./outputs/merge-output";
import { serialReports } from "./serial-reports";

export const publicJob = ({
  etag: _e,
  resultDocumentId: _r,
  jobId,
  ...job
}: StoredMergeJob): MergeJob => ({
  id: jobId,
  ...job,
});

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

/**
 * A job asked for again with the same id: the same job, when it is about the same thing;
 * undefined when there is none yet.
 */
export const repeatedJob = async (
  deps: AppDeps,
  tenant: TenantId,
  spec: Pick<JobSpec, "id" | "segmentNo" | "loggedSegmentEntryNo">,
): Promise<MergeJob | undefined> => {
  const existing = await deps.store.mergeJobs.store.find(tenant, spec.id);
  if (!existing) return undefined;
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
  return publicJob(existing);
};

/**
 * Runs a job to its end (so it lives exactly as long as the function invocation), while the
 * job document shows its progress to anyone polling /merge-jobs/{id}; a cancel stops the
 * thread at work (runningMerges). The result goes to Blob Storage under the job's name. Work
 * refused before anything but the job was written (no thread free, a letter the engine
 * refuses) takes the job with it, so a retry with the same id starts afresh.
 */
export const runJob = async (
  deps: AppDeps,
  tenant: TenantId,
  spec: JobSpec,
  work: JobWork,
): Promise<MergeJob> => {
  const jobs = deps.store.mergeJobs.store;
  const { id, total } = spec;
  let job = await jobs.create(tenant, id, {
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
  });
  const save = async (changes: Partial<StoredMergeJob>) => {
    const { etag, ...rest } = job;
    job = await jobs.replace(tenant, id, { ...rest, ...changes }, etag);
    return job;
  };
  const running = deps.runningMerges.start(tenant, id, async () => {
    const current = await jobs.find(tenant, id);
    return current?.status === "canceled";
  });
  const signal = running.signal;
  const checkpoint = async (done: number): Promise<boolean> => {
    job = await jobs.get(tenant, id);
    if (job.status === "canceled") return true;
    await save({ progress: { done, total } });
    return false;
  };
  const reports = serialReports(async (done) => {
    if (await checkpoint(done)) {
      // Canceled: the work's threads stop, and it sees the abort here.
      deps.runningMerges.cancel(tenant, id);
      signal.throwIfAborted();
    }
  });
  try {
    const result = await work({ signal, checkpoint, report: reports.report });
    await reports.close();
    if (!result) return publicJob(job);
    const { bytes, failedLines, ...file } = result.file;
    const resultDocumentId = newDocumentId(tenant, { kind: "mergeResult", jobId: id });
    await deps.store.documents.put(resultDocumentId, bytes, { contentType: file.contentType });
    const current = await jobs.get(tenant, id);
    job = current;
    if (current.status === "canceled") return publicJob(current);
    return publicJob(
      await save({
        status: "done",
        progress: { done: total, total },
        issues: result.issues,
        result: { ...file, size: bytes.byteLength },
        ...(failedLines && failedLines.length > 0 ? { failedLines: [...failedLines] } : {}),
        resultDocumentId,
        finishedAt: deps.now().toISOString(),
      }),
    );
  } catch (error) {
    await reports.close();
    job = await jobs.get(tenant, id);
    // A cancel that raced with the work stays a cancel (its threads' tasks end canceled).
    if (job.status === "canceled") return publicJob(job);
    if (
      error instanceof WorkerPoolFullError ||
      error instanceof ConverterBusyError ||
      error instanceof TemplateError ||
      error instanceof MergeError ||
      error instanceof LabelGridError ||
      error instanceof ValidationError
    ) {
      await jobs.delete(tenant, id, job.etag);
      throw error;
    }
    await save({
      status: "failed",
      error: error instanceof Error ? error.message : String(error),
      finishedAt: deps.now().toISOString(),
    });
    throw error;
  } finally {
    // Whatever of the work still runs (a check beside a merge that failed) stops here.
    running.end();
  }
};
