import type { Worker } from "node:worker_threads";
import type {
  LabelGrid,
  LabelLines,
  MergedFile,
  MergeIssue,
  MergeRecord,
} from "@shared/merge/index";
import type {
  CheckNotes,
  MergeTask,
  MergeTaskKind,
  MergeTaskResult,
  ResultOf,
  ZipEntry,
} from "./merge-task";
import type { LetterHtml } from "../../delivery/compose/letter-html";
import { reviveMergeError } from "./merge-task-errors";
import { startMergeWorker } from "./merge-worker-thread";
import { createWorkerPool, type WorkerPoolStats } from "./worker-pool";
import { transferablesOf } from "./worker-protocol";

export interface MergeWorkerSettings {
  readonly size: number;
  readonly maxQueue: number;
}

export interface LetterSummary {
  readonly fieldNames: readonly string[];
}

/**
 * The merge engine's CPU-heavy calls, each run in a worker thread so that the event loop goes
 * on answering requests meanwhile. Letters go in as bytes and stay the caller's (copied);
 * results come back handed over, not copied. Every call takes an AbortSignal that stops the
 * thread working on it.
 */
export interface MergeWorkers {
  /**
   * Reads and checks a letter: a Word document the merge engine can read (the same checks: no
   * DTDs, size and zip-bomb limits), or a TemplateError that the edge answers with a 4xx. How
   * an upload (a template's or a line's own letter) is accepted before anything is stored.
   */
  readLetter(letter: Uint8Array, signal?: AbortSignal): Promise<LetterSummary>;
  check(
    letter: Uint8Array,
    records: readonly MergeRecord[],
    notes: CheckNotes,
    signal?: AbortSignal,
  ): Promise<{ readonly fieldNames: readonly string[]; readonly issues: MergeIssue[] }>;
  mergeDocument(
    letter: Uint8Array,
    records: readonly MergeRecord[],
    signal?: AbortSignal,
    letterBookmarks?: boolean,
  ): Promise<Uint8Array>;
  /**
   * One .docx with each record's letter from its own template (`letterOf[i]` indexes
   * `letters`), spliced into `letters[destination]`'s package.
   */
  mergeMixedDocument(
    letters: readonly Uint8Array[],
    letterOf: readonly number[],
    destination: number,
    records: readonly MergeRecord[],
    signal?: AbortSignal,
    letterBookmarks?: boolean,
  ): Promise<Uint8Array>;
  mergeEach(
    letter: Uint8Array,
    records: readonly MergeRecord[],
    signal?: AbortSignal,
  ): Promise<readonly MergedFile[]>;
  /** Sheets of labels (mergeLabels): the grid is checked already, so it only writes. */
  labels(
    labels: readonly LabelLines[],
    grid: LabelGrid,
    options?: { readonly language?: string | undefined; readonly signal?: AbortSignal },
  ): Promise<Uint8Array>;
  /**
   * Zips the files. With `handOver` their bytes go to the thread instead of being copied, and
   * are unusable afterwards: for a caller that has no more use for them.
   */
  zip(
    files: readonly ZipEntry[],
    options?: { readonly signal?: AbortSignal; readonly handOver?: boolean },
  ): Promise<Uint8Array>;
  /**
   * A one-document merge's PDF split into a PDF per letter (functions/convert/split-letters.ts),
   * in a merge thread: pdf-lib parses and writes on the CPU. The PDF's bytes are handed over.
   */
  splitPdf(pdf: Uint8Array, letters: number, signal?: AbortSignal): Promise<readonly Uint8Array[]>;
  /**
   * A merged letter as an e-mail's HTML body (pictures inline) and plain-text alternative
   * (functions/delivery/compose/letter-html.ts): mammoth reads the whole package on the CPU.
   */
  letterHtml(letter: Uint8Array, signal?: AbortSignal): Promise<LetterHtml>;
  stats(): WorkerPoolStats;
  close(): Promise<void>;
}

export const createMergeWorkers = (
  settings: MergeWorkerSettings,
  start: () => Worker = startMergeWorker,
): MergeWorkers => {
  const pool = createWorkerPool<MergeTask, MergeTaskResult>({
    ...settings,
    start,
    revive: reviveMergeError,
  });
  const run = async <K extends MergeTaskKind>(
    task: Extract<MergeTask, { readonly kind: K }>,
    signal: AbortSignal | undefined,
    transfer: readonly ArrayBuffer[] = [],
  ): Promise<ResultOf<K>> => {
    const result = await pool.run(task, { signal, transfer });
    if (result.kind !== task.kind)
      throw new Error(`A merge thread answered ${result.kind} to ${task.kind}.`);
    return result as ResultOf<K>;
  };
  return {
    readLetter: async (letter, signal) => {
      const { fieldNames } = await run({ kind: "read", letter }, signal);
      return { fieldNames };
    },
    check: async (letter, records, notes, signal) => {
      const { fieldNames, issues } = await run({ kind: "check", letter, records, notes }, signal);
      return { fieldNames, issues };
    },
    mergeDocument: async (letter, records, signal, letterBookmarks = false) =>
      (await run({ kind: "mergeDocument", letter, records, letterBookmarks }, signal)).bytes,
    mergeMixedDocument: async (letters, letterOf, destination, records, signal, letterBookmarks) =>
      (
        await run(
          {
            kind: "mergeMixedDocument",
            letters,
            letterOf,
            destination,
            records,
            letterBookmarks: letterBookmarks ?? false,
          },
          signal,
        )
      ).bytes,
    mergeEach: async (letter, records, signal) =>
      (await run({ kind: "mergeEach", letter, records }, signal)).files,
    labels: async (labels, grid, { language, signal } = {}) =>
      (await run({ kind: "labels", labels, grid, language }, signal)).bytes,
    zip: async (files, { signal, handOver = false } = {}) => {
      if (!handOver) return (await run({ kind: "zip", files }, signal)).bytes;
      // Only whole buffers can be handed over; a view into a larger one is copied out first.
      const owned = files.map((f) =>
        transferablesOf([f.bytes]).length ? f : { name: f.name, bytes: f.bytes.slice() },
      );
      const transfer = transferablesOf(owned.map((f) => f.bytes));
      return (await run({ kind: "zip", files: owned }, signal, transfer)).bytes;
    },
    splitPdf: async (pdf, letters, signal) =>
      (await run({ kind: "splitPdf", pdf, letters }, signal, transferablesOf([pdf]))).files,
    letterHtml: async (letter, signal) => {
      const { body, text } = await run({ kind: "letterHtml", letter }, signal);
      return { body, text };
    },
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
};
