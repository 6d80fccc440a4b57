import { MergeError } from "./merge-error";
import type { MergeOptions } from "./merge-options";
import type { MergeRecord } from "./merge-record";
import { mergedPackage } from "./output/merged-package";
import { DEFAULT_OUTPUT_LIMITS, refuseLargeDocument } from "./output/output-limits";
import { planOutput } from "./output/output-plan";
import { sessionOptions } from "./output/session-options";
import { planLetters, type LetterPlan } from "./render/record-flow";
import { recordContext } from "./render/record-context";
import { writeFlatOpc } from "./package/flat-opc-writer";
import { writeZip, type OutputFile } from "./package/zip-writer";
import type { Template } from "./template";

const files = (
  template: Template,
  records: readonly MergeRecord[],
  options: MergeOptions,
): Iterable<OutputFile> => {
  if (records.length === 0) throw new MergeError("no_records", "there is no record to merge");
  refuseLargeDocument(template.compiled, records, { ...DEFAULT_OUTPUT_LIMITS, ...options.limits });
  const letters = lettersOf(template, records, options);
  if (letters?.length === 0)
    throw new MergeError("no_records", "SKIPIF skipped every record: there is no letter to write");
  const mode = (letters ?? records).length > 1 ? "multi" : "single";
  return mergedPackage(
    template.compiled,
    records,
    1,
    sessionOptions(options, mode, false),
    planOutput(template.compiled),
    letters,
  );
};

/** With NEXT, NEXTIF or SKIPIF: which records each letter shows, decided before any is written. */
const lettersOf = (
  template: Template,
  records: readonly MergeRecord[],
  options: MergeOptions,
): LetterPlan[] | undefined => {
  const flow = template.compiled.document.flow;
  if (!flow) return undefined;
  const context = recordContext(template.compiled, sessionOptions(options, "multi", false));
  return [
    ...planLetters(flow.steps, records, (at, sequence) =>
      context(records[at] as MergeRecord, at + 1, sequence),
    ),
  ];
};

/**
 * One .docx with every record's letter, as Word's "Edit individual documents" makes it: each
 * letter a copy of the template's body ending in a next-page section break that carries the
 * template's section properties, so page setup, headers and footers hold per letter.
 */
export const mergeDocument = (
  template: Template,
  records: readonly MergeRecord[],
  options: MergeOptions = {},
): Uint8Array => writeZip(files(template, records, options), options.compressionLevel ?? 6);

/** The same document as flat-OPC XML, for Word's insertOoxml where a new document cannot be opened. */
export const mergeDocumentFlatOpc = (
  template: Template,
  records: readonly MergeRecord[],
  options: MergeOptions = {},
): string => writeFlatOpc(files(template, records, options));
