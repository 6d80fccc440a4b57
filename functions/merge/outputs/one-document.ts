import { docxType } from "@shared/model/api/docx-type";
import { toMergeRecord } from "../letter-records";
import { resultFileName, type MergeOutput } from "./merge-output";

/** Word's "Edit Individual Documents": one .docx, a section per letter, in one merge thread. */
export const oneDocument: MergeOutput = {
  produce: async ({ deps, header, letter, records, signal }) => ({
    bytes: await deps.workers.mergeDocument(letter.bytes, records.map(toMergeRecord), signal),
    fileName: resultFileName(letter, header.no, "docx"),
    contentType: docxType,
  }),
};
