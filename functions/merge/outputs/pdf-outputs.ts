import { letterFileNames } from "@shared/merge/index";
import type { MergeFailedLine } from "@shared/model/merge-job";
import { toMergeRecord, type LetterRecord } from "../letter-records";
import { letterPdfs } from "./letter-pdfs";
import { resultFileName, type MergeOutput } from "./merge-output";
import { mergeOneDocument } from "./one-document";

const pdfType = "application/pdf";
const zipType = "application/zip";

/** The one-document merge as one PDF, converted by LibreOffice (deps.pdf). */
export const documentPdf: MergeOutput = {
  produce: async (run) => {
    const docx = await mergeOneDocument(run);
    const bytes = await run.deps.pdf.convert(docx, run.signal);
    await run.progress(run.records.length);
    return {
      bytes,
      fileName: resultFileName(run.letter, run.header.no, "pdf"),
      contentType: pdfType,
    };
  },
};

/**
 * One PDF per contact, zipped, each named as the per-contact .docx is. LibreOffice converts the
 * one-document merge once (starting it per letter would cost seconds each); the PDF is then
 * split at the bookmark the merge put in each letter's first paragraph, so letters of any page
 * count split where they begin. A letter LibreOffice cannot convert is left out of the zip and
 * named in the job's failedLines (letter-pdfs.ts finds it); the others are in the zip.
 */
export const perContactPdf: MergeOutput = {
  produce: async (run) => {
    const letters = await letterPdfs(run);
    await run.progress(Math.floor(run.records.length / 2));
    const names = letterFileNames(run.records.map(toMergeRecord));
    const files: { name: string; bytes: Uint8Array }[] = [];
    const failedLines: MergeFailedLine[] = [];
    letters.forEach((letter, i) => {
      const record = run.records[i] as LetterRecord;
      if ("pdf" in letter)
        files.push({ name: (names[i] as string).replace(/\.docx$/, ".pdf"), bytes: letter.pdf });
      else
        failedLines.push({
          lineNo: record.line.lineNo,
          contactNo: record.line.contactNo,
          contactName: record.name,
          reason: { code: "conversion_failed", message: letter.error.message },
        });
    });
    const bytes = await run.deps.workers.zip(files, { signal: run.signal, handOver: true });
    return {
      bytes,
      fileName: resultFileName(run.letter, run.header.no, "zip"),
      contentType: zipType,
      ...(failedLines.length > 0 ? { failedLines } : {}),
    };
  },
};
