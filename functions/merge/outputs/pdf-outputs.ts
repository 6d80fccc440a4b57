import { letterFileNames } from "@shared/merge/index";
import { toMergeRecord } from "../letter-records";
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
 * count split where they begin.
 */
export const perContactPdf: MergeOutput = {
  produce: async (run) => {
    const docx = await mergeOneDocument(run, true);
    const pdf = await run.deps.pdf.convert(docx, run.signal);
    const half = Math.floor(run.records.length / 2);
    await run.progress(half);
    // Split in a merge thread: parsing a thousand pages is CPU work, off the event loop.
    const letters = await run.deps.workers.splitPdf(pdf, run.records.length, run.signal);
    const names = letterFileNames(run.records.map(toMergeRecord));
    const bytes = await run.deps.workers.zip(
      letters.map((letter, i) => ({
        name: (names[i] as string).replace(/\.docx$/, ".pdf"),
        bytes: letter,
      })),
      { signal: run.signal, handOver: true },
    );
    return {
      bytes,
      fileName: resultFileName(run.letter, run.header.no, "zip"),
      contentType: zipType,
    };
  },
};
