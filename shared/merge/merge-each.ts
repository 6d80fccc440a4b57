import type { MergeOptions } from "./merge-options";
import type { MergeRecord } from "./merge-record";
import { letterFileNames } from "./output/file-names";
import { mergedPackage } from "./output/merged-package";
import { DEFAULT_OUTPUT_LIMITS, refuseLargeLetters } from "./output/output-limits";
import { planOutput } from "./output/output-plan";
import { sessionOptions } from "./output/session-options";
import { writeZip } from "./package/zip-writer";
import type { Template } from "./template";

export interface MergedFile {
  /** A file name after the record's fileName (the contact), sanitized and unique. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** One .docx per record. */
export const mergeEach = (
  template: Template,
  records: readonly MergeRecord[],
  options: MergeOptions = {},
): MergedFile[] => {
  refuseLargeLetters(template.compiled, records, { ...DEFAULT_OUTPUT_LIMITS, ...options.limits });
  const plan = planOutput(template.compiled);
  const session = sessionOptions(options, "single", false);
  const names = letterFileNames(records);
  return records.map((record, index) => ({
    name: names[index] as string,
    bytes: writeZip(
      mergedPackage(template.compiled, [record], index + 1, session, plan),
      options.compressionLevel ?? 6,
    ),
  }));
};
