import type { LabelOptions } from "@shared/model/label-sheet";
import type { FieldMatches } from "@shared/model/field-match";
import type { MergeJob, MergeOutputKind } from "@shared/model/merge-job";
import { bytesToBase64 } from "@shared/merge/package/base64";
import type { ApiClient } from "../../api/client";
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
}

export interface ServerMergeResult {
  readonly file: Blob;
  readonly fileName: string;
  readonly job: MergeJob;
}

/**
 * The server's merge: start the job with the letter, poll its progress, download the result.
 * Aborting asks the server to cancel the job (POST /merge-jobs/{id}/cancel) as well.
 */
export const runServerMerge = async (
  client: ApiClient,
  segmentNo: string,
  letter: NamedFile,
  output: MergeOutputKind,
  options: ServerMergeOptions = {},
): Promise<ServerMergeResult> => {
  const job = await client("startMerge", {
    params: { no: segmentNo },
    body: {
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
    signal: options.signal,
  });
  const fallback = `${segmentNo}${FALLBACK_EXTENSIONS[output]}`;
  return followMergeJob(client, job, fallback, options);
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
