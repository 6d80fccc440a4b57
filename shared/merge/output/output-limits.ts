import { MergeError } from "../merge-error";
import type { MergeRecord } from "../merge-record";
import type { CompiledTemplate } from "../compile/compile-template";
import { estimateMergeSize } from "./output-estimate";

/**
 * Bounds on what one merge writes, checked against an estimate before any letter is written,
 * so a small letter with a large text, merged for thousands of contacts, is refused at once
 * instead of after minutes of work. 10,000 two-page letters in one document are about 155 MB.
 */
export interface OutputLimits {
  /** One merged document: mergeDocument's, or each letter of mergeEach. */
  readonly maxDocumentBytes: number;
  /** All the letters of one mergeEach together. */
  readonly maxTotalBytes: number;
}

export const DEFAULT_OUTPUT_LIMITS: OutputLimits = {
  maxDocumentBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
};

const megabytes = (bytes: number): string =>
  (bytes / (1024 * 1024)).toLocaleString("en-US", { maximumFractionDigits: 1 });

const tooLarge = (message: string, limit: number, actual: number): MergeError =>
  new MergeError("output_too_large", message, { limit, actual: Math.round(actual) });

/** mergeDocument: every letter in one document. */
export const refuseLargeDocument = (
  template: CompiledTemplate,
  records: readonly MergeRecord[],
  limits: OutputLimits,
): void => {
  refuseLargeDocumentSize(estimateMergeSize(template, records).oneDocument, limits);
};

/** One document of the estimated size (a mixed document adds up its templates' letters). */
export const refuseLargeDocumentSize = (size: number, limits: OutputLimits): void => {
  if (size <= limits.maxDocumentBytes) return;
  throw tooLarge(
    `The merged document would be about ${megabytes(size)} MB (estimated before merging); one document holds at most ${megabytes(limits.maxDocumentBytes)} MB. Merge one document per contact instead, or fewer contacts at a time.`,
    limits.maxDocumentBytes,
    size,
  );
};

/** mergeEach and mergeOne: a document per letter. */
export const refuseLargeLetters = (
  template: CompiledTemplate,
  records: readonly MergeRecord[],
  limits: OutputLimits,
): void => {
  const { total, largest } = estimateMergeSize(template, records).perContact;
  if (largest > limits.maxDocumentBytes) {
    throw tooLarge(
      `One letter would be about ${megabytes(largest)} MB (estimated before merging); a document holds at most ${megabytes(limits.maxDocumentBytes)} MB. Make the letter or the contact's values smaller.`,
      limits.maxDocumentBytes,
      largest,
    );
  }
  if (total > limits.maxTotalBytes) {
    throw tooLarge(
      `The letters would be about ${megabytes(total)} MB together (estimated before merging); one merge writes at most ${megabytes(limits.maxTotalBytes)} MB. Merge fewer contacts at a time.`,
      limits.maxTotalBytes,
      total,
    );
  }
};
