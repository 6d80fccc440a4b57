import type { LabelOptions } from "@shared/model/label-sheet";
import type { FieldMatches } from "@shared/model/field-match";
import type { MergeJob, MergeOutputKind } from "@shared/model/merge-job";
import { bytesToBase64 } from "@shared/merge/package/base64";
import type { ApiClient } from "../../api/client";
import { ApiError } from "../../api/errors";
import { followAfterLostServer, lostServer } from "../../api/follow-lost-job";
import { newJobId } from "../../api/new-job-id";
import type { NamedFile } from "../../host/host";

/** The job ended without a result: failed on the server, or canceled. */
export class MergeJobError extends Error {
  override readonly name = "MergeJobError";
  constructor(readonly job: MergeJob) {
    super(job.error ?? `The merge job ended as ${job.status}`);
  }
}

const POLL_MS = 1000;

/** The result's extension when the job names no file (it always does today). */
const FALLBACK_EXTENSIONS: Record<MergeOutputKind, string> = {
  document: ".docx",
  perContact: ".zip",
  labels: ".docx",
  documentPdf: ".pdf",
  perContactPdf: ".zip",
};

const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new DOMException("The operation was aborted.", "AbortError"));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason ?? new DOMException("The operation was aborted.", "AbortError"));
      },
      { once: true },
    );
  });

export interface ServerMergeOptions {
  /** Match Fields for the letter: sent with it. */
  readonly fieldMatches?: FieldMatches;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: MergeJob["progress"]) => void;
  readonly pollMs?: number;
  /** With output "labels": the sheet to print on. */
  readonly labels?: LabelOptions;
  /**
   * The merge's request lost its server: the pane now reads the job until it ends (a job whose
   * server died ends failed, "server_stopped", once its lease runs out).
   */
  readonly onServerLost?: () => void;
}

export interface ServerMergeResult {
  readonly file: Blob;
  readonly fileName: string;
  readonly job: MergeJob;
}

/**
 * The server's merge: the pane chooses the job's id, so it polls /merge-jobs/{id} for progress
 * while the request that runs the job is still open (the server answers it only when the job
 * has ended), and downloads the result. Aborting asks the server to cancel the job as well.
 * When the request loses its server, the job tells how the merge ended: the pane says so
 * (`onServerLost`) and reads it on until it ends.
 */
export const runServerMerge = async (
  client: ApiClient,
  segmentNo: string,
  letter: NamedFile,
  output: MergeOutputKind,
  options: ServerMergeOptions = {},
): Promise<ServerMergeResult> => {
  const { signal, onProgress, pollMs = POLL_MS } = options;
  const id = newJobId();
  const request = client("startMerge", {
    params: { no: segmentNo },
    body: {
      jobId: id,
      template: {
        documentBase64: bytesToBase64(letter.bytes),
        fileName: letter.fileName,
        ...(options.fieldMatches && Object.keys(options.fieldMatches).length > 0
          ? { fieldMatches: options.fieldMatches }
          : {}),
      },
      output,
      ...(output === "labels" && options.labels ? { labels: options.labels } : {}),
    },
    signal,
  });
  const cancel = () => void cancelWhenWritten(client, id, pollMs);
  signal?.addEventListener("abort", cancel, { once: true });
  let answered = false;
  let job: MergeJob;
  try {
    const watching = watchProgress(client, id, pollMs, () => answered, onProgress, signal);
    try {
      job = await request.finally(() => {
        answered = true;
      });
    } catch (error) {
      if (!lostServer(error) || signal?.aborted) throw error;
      await watching;
      options.onServerLost?.();
      job = await followAfterLostServer(
        () => client("getMergeJob", { params: { id }, signal }),
        (read) => onProgress?.(read.progress),
        () => pause(pollMs, signal),
        pollMs,
        error,
      );
    }
    await watching;
  } finally {
    // From here on followMergeJob cancels the job on an abort.
    signal?.removeEventListener("abort", cancel);
  }
  return followMergeJob(client, job, `${segmentNo}${FALLBACK_EXTENSIONS[output]}`, options);
};

/** Polls the job's progress until the request that runs it has answered (or is aborted). */
const watchProgress = async (
  client: ApiClient,
  id: string,
  pollMs: number,
  answered: () => boolean,
  onProgress: ServerMergeOptions["onProgress"],
  signal: AbortSignal | undefined,
): Promise<void> => {
  while (!answered() && !signal?.aborted) {
    await pause(pollMs, signal).catch(() => undefined);
    if (answered() || signal?.aborted) return;
    try {
      const job = await client("getMergeJob", { params: { id }, signal });
      if (!answered() && (job.status === "running" || job.status === "queued"))
        onProgress?.(job.progress);
    } catch (error) {
      // 404: the server is still reading the letter and the lines; the job is written next.
      if (!(error instanceof ApiError && error.status === 404)) return;
    }
  }
};

/** Tries to cancel for this long while the server has not written the job yet (404). */
const CANCEL_TRIES = 30;

/**
 * Cancels the job, also when the abort came before the server wrote it: dropping the request
 * does not stop the server, so the cancel is asked again until the job exists.
 */
const cancelWhenWritten = async (client: ApiClient, id: string, pollMs: number) => {
  for (let tries = 0; tries < CANCEL_TRIES; tries++) {
    try {
      await client("cancelMergeJob", { params: { id } });
      return;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) return;
      await pause(pollMs);
    }
  }
};

/**
 * A started job to its end: poll its progress, download the result (a merge's, or a Resend's
 * letters). Aborting asks the server to cancel the job (POST /merge-jobs/{id}/cancel) as well.
 */
export const followMergeJob = async (
  client: ApiClient,
  started: MergeJob,
  fallbackName: string,
  { signal, onProgress, pollMs = POLL_MS }: ServerMergeOptions = {},
): Promise<ServerMergeResult> => {
  let job = started;
  const id = job.id;
  const cancel = () => {
    // Not awaited: the pane stops now; the server stops when the call arrives.
    client("cancelMergeJob", { params: { id } }).catch(() => undefined);
  };
  signal?.addEventListener("abort", cancel, { once: true });
  try {
    while (job.status === "queued" || job.status === "running") {
      onProgress?.(job.progress);
      await pause(pollMs, signal);
      job = await client("getMergeJob", { params: { id }, signal });
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
  onProgress?.(job.progress);
  if (job.status !== "done") throw new MergeJobError(job);
  const result = await client("downloadMergeResult", { params: { id }, signal });
  const file = typeof result === "string" ? new Blob([result]) : result;
  return { file, fileName: job.result?.fileName || fallbackName, job };
};
