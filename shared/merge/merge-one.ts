import type { MergeOptions } from "./merge-options";
import type { MergeRecord } from "./merge-record";
import { mergedPackage } from "./output/merged-package";
import { DEFAULT_OUTPUT_LIMITS, refuseLargeLetters } from "./output/output-limits";
import { planOutput } from "./output/output-plan";
import { sessionOptions } from "./output/session-options";
import { writeFlatOpc } from "./package/flat-opc-writer";
import { writeZip, type OutputFile } from "./package/zip-writer";
import type { Template } from "./template";

export interface MergeOneOptions extends MergeOptions {
  /** The record's number for MERGEREC/MERGESEQ; 1 by default. */
  readonly recordNumber?: number;
}

const files = (
  template: Template,
  record: MergeRecord,
  options: MergeOneOptions,
): Iterable<OutputFile> => {
  refuseLargeLetters(template.compiled, [record], { ...DEFAULT_OUTPUT_LIMITS, ...options.limits });
  return mergedPackage(
    template.compiled,
    [record],
    options.recordNumber ?? 1,
    sessionOptions(options, "single", true),
    planOutput(template.compiled),
  );
};

/** One record's values in place: the preview. Content controls are kept unless told otherwise. */
export const mergeOne = (
  template: Template,
  record: MergeRecord,
  options: MergeOneOptions = {},
): Uint8Array => writeZip(files(template, record, options), options.compressionLevel ?? 6);

/** The preview as flat-OPC XML, for Word's insertOoxml (Word on the web has no getFileAsync). */
export const mergeOneFlatOpc = (
  template: Template,
  record: MergeRecord,
  options: MergeOneOptions = {},
): string => writeFlatOpc(files(template, record, options));
