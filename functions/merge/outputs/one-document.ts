import { docxType } from "@shared/model/api/docx-type";
import { toMergeRecord } from "../letter-records";
import { recordsForEachLetter } from "../line-letters";
import { resultFileName, type MergeOutput } from "./merge-output";

/**
 * Word's "Edit Individual Documents": one .docx, a section per letter, in one merge thread.
 * Lines whose letter is not the segment's (their own template, another language, their own
 * upload) have theirs spliced in, each in its own section with its own headers and footers.
 */
export const oneDocument: MergeOutput = {
  produce: async ({ deps, header, letter, lineLetters, records, signal }) => {
    const bytes =
      lineLetters && lineLetters.letters.length > 1
        ? await deps.workers.mergeMixedDocument(
            lineLetters.letters.map((l) => l.bytes),
            lineLetters.letterOf,
            lineLetters.destination,
            recordsForEachLetter(lineLetters, records).map(toMergeRecord),
            signal,
          )
        : await deps.workers.mergeDocument(letter.bytes, records.map(toMergeRecord), signal);
    return {
      bytes,
      fileName: resultFileName(letter, header.no, "docx"),
      contentType: docxType,
    };
  },
};
