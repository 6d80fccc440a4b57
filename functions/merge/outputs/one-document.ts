import { docxType } from "@shared/model/api/docx-type";
import { toMergeRecord } from "../letter-records";
import { recordsForEachLetter } from "../line-letters";
import { resultFileName, type MergeOutput, type MergeRun } from "./merge-output";

/**
 * The one document's bytes, in one merge thread. Lines whose letter is not the segment's (their
 * own template, another language, their own upload) have theirs spliced in, each in its own
 * section with its own headers and footers. With `letterBookmarks` each letter begins with a
 * bookmark (letterBookmarkName), by which the PDF outputs split the converted document.
 */
export const mergeOneDocument = async (
  { deps, letter, lineLetters, records, signal }: MergeRun,
  letterBookmarks = false,
): Promise<Uint8Array> =>
  lineLetters && lineLetters.letters.length > 1
    ? await deps.workers.mergeMixedDocument(
        lineLetters.letters.map((l) => l.bytes),
        lineLetters.letterOf,
        lineLetters.destination,
        recordsForEachLetter(lineLetters, records).map(toMergeRecord),
        signal,
        letterBookmarks,
      )
    : await deps.workers.mergeDocument(
        letter.bytes,
        records.map(toMergeRecord),
        signal,
        letterBookmarks,
      );

/** Word's "Edit Individual Documents": one .docx, a section per letter. */
export const oneDocument: MergeOutput = {
  produce: async (run) => ({
    bytes: await mergeOneDocument(run),
    fileName: resultFileName(run.letter, run.header.no, "docx"),
    contentType: docxType,
  }),
};
