import type { z } from "zod";
import type { LabelOptions } from "@shared/model/label-sheet";
import type { MergeFailedLine, MergeTemplateSource } from "@shared/model/merge-job";
import type { AppDeps } from "../../app-deps";
import type { SegmentHeader } from "../../store/segment-repository";
import type { TenantId } from "../../store/tenant";
import type { LetterRecord } from "../letter-records";
import type { LineLetters } from "../line-letters";
import type { LetterBytes } from "../merge-template";

/**
 * One merge job's letters, as its output receives them: read, checked and with their values,
 * once the job exists. The job (merge-service.ts runMerge) owns the job document, the cancel
 * and the result's blob; an output only turns letters into a file.
 */
export interface MergeRun {
  readonly deps: AppDeps;
  readonly tenant: TenantId;
  readonly header: SegmentHeader;
  /** The letter as the request named it: a template may have a letter per language. */
  readonly source: z.infer<typeof MergeTemplateSource> | undefined;
  /** The request's label sheet and content: read by the labels output only. */
  readonly labels: LabelOptions | undefined;
  /** The segment's letter, read by the engine before the job began. */
  readonly letter: LetterBytes;
  /**
   * For one document: each line's letter (its own template's, its language's, its own upload),
   * read before the job began. Absent for the outputs that choose their letters themselves.
   */
  readonly lineLetters?: LineLetters | undefined;
  /** One per segment line, in line order. */
  readonly records: readonly LetterRecord[];
  /** Aborts when the job is canceled: hand it to every merge thread call. */
  readonly signal: AbortSignal;
  /**
   * Letters done so far (merged, converted, sent), for the job's progress. Rejects once the job
   * is canceled, so an output that reports between steps stops there.
   */
  readonly progress: (lettersDone: number) => Promise<void>;
  /**
   * Present when the request asks to keep each contact's letter for the record: an output that
   * writes one letter per contact hands them here, in the records' order, and Log refers to them.
   */
  readonly keep: ((letters: readonly Uint8Array[]) => Promise<void>) | undefined;
}

/** What a merge produces: the job's result, downloaded from /merge-jobs/{id}/result. */
export interface MergeOutputFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly contentType: string;
  /** Lines whose letter the file leaves out, with why (a letter LibreOffice could not convert). */
  readonly failedLines?: readonly MergeFailedLine[];
}

/**
 * One kind of merge output (MergeOutputKind in shared/model/merge-job.ts). CPU work (merging,
 * zipping, converting) goes to `deps.workers`, never the event loop; anything the output
 * refuses before writing (a MergeError, a busy pool) leaves no job behind.
 */
export interface MergeOutput {
  produce(run: MergeRun): Promise<MergeOutputFile>;
}

/** "Forårsbrev - S00012.docx": the letter's name, then the segment's number. */
export const resultFileName = (letter: LetterBytes, segmentNo: string, extension: string) =>
  `${letter.fileName.replace(/\.docx$/i, "")} - ${segmentNo}.${extension}`;
