import { PDFDocument } from "pdf-lib";
import { MergeError, TemplateError } from "@shared/merge/index";
import { docxType } from "@shared/model/api/docx-type";
import type { DeliveryReason, SendJob } from "@shared/model/delivery";
import type { AppDeps } from "../../app-deps";
import { ConversionFailedError, ConversionTimeoutError } from "../../errors/app-errors";
import { hasLetter, lettersOfEntries, safeFileName } from "../../interactions/entry-letters";
import { fixedDocumentId, type DocumentId } from "../../store/document-names";
import type { StoredEntry } from "../../store/interaction-repository";
import type { StoredDelivery, StoredSendJob } from "../../store/send-job-repository";
import type { TenantId } from "../../store/tenant";
import { isJoinable, joinLetters } from "./joined-letters";

const pdfType = "application/pdf";
const zipType = "application/zip";

/**
 * The one blob a job's print file is written to: the same on every build, so a worker that died
 * mid-build, or two that built at once, leave one file behind, not two.
 */
export const printDocumentIdOf = (tenant: TenantId, jobId: string): DocumentId =>
  fixedDocumentId(tenant, { kind: "printFile", jobId }, "print");

/** Whether a job of these lines makes a print file: hard-copy lines with letters, not "none". */
export const makesPrintFile = (
  tenant: TenantId,
  hardCopy: StoredSendJob["options"]["hardCopy"],
  entries: readonly StoredEntry[],
): boolean =>
  hardCopy !== "none" &&
  entries.some((e) => e.correspondenceType !== "email" && hasLetter(tenant, e));

export interface BuiltPrintFile {
  /** Absent when no letter could be made into the file (each such line is in `failed`). */
  readonly printFile?: NonNullable<SendJob["printFile"]>;
  /** Hard-copy lines left out of the file, with why. */
  readonly failed: readonly { readonly line: StoredDelivery; readonly reason: DeliveryReason }[];
}

const isConversionError = (error: unknown): error is Error =>
  error instanceof ConversionFailedError || error instanceof ConversionTimeoutError;

const isJoinRefused = (error: unknown) =>
  error instanceof MergeError || error instanceof TemplateError;

type Pair = { readonly line: StoredDelivery; readonly entry: StoredEntry };

/** The letters of one slice as PDF pages, in order, and the lines LibreOffice could not convert. */
interface SlicePdf {
  readonly pdfs: readonly Uint8Array[];
  readonly failed: readonly { readonly line: StoredDelivery; readonly reason: DeliveryReason }[];
}

const conversionFailed = (error: Error): DeliveryReason => ({
  code: "conversion_failed",
  message: `The letter could not be made into a PDF for the print file: ${error.message}`,
});

/**
 * One slice's letters as PDF: runs of letters that join (joined-letters.ts) are joined into one
 * document and converted once; a letter that does not join is converted alone. When a run's
 * conversion fails, its letters are converted one by one (as many at once as the pool converts),
 * so only the letters LibreOffice cannot convert are left out, each line failed with why.
 */
const sliceAsPdf = async (
  deps: AppDeps,
  pairs: readonly Pair[],
  letters: readonly Uint8Array[],
): Promise<SlicePdf> => {
  const joinable = await Promise.all(letters.map((l) => isJoinable(deps, l)));
  const runs: number[][] = [];
  letters.forEach((_, i) => {
    const last = runs[runs.length - 1];
    if (joinable[i] && last && joinable[last[0] as number]) last.push(i);
    else runs.push([i]);
  });
  const pdfs: Uint8Array[] = [];
  const failed: { line: StoredDelivery; reason: DeliveryReason }[] = [];
  for (const run of runs) {
    try {
      const docx =
        run.length === 1
          ? (letters[run[0] as number] as Uint8Array)
          : await joinLetters(
              deps,
              run.map((i) => letters[i] as Uint8Array),
            );
      pdfs.push(await deps.pdf.convert(docx));
      continue;
    } catch (error) {
      // Letters the engine will not join (too large together) are converted one by one too.
      if (!isConversionError(error) && !isJoinRefused(error)) throw error;
      if (run.length === 1 && isConversionError(error)) {
        failed.push({
          line: (pairs[run[0] as number] as Pair).line,
          reason: conversionFailed(error),
        });
        continue;
      }
    }
    const alone = new Array<Uint8Array | undefined>(run.length);
    // As many at once as the pool converts: more would wait in (or be refused by) its queue.
    const width = Math.max(1, deps.config.pdf.size);
    for (let k = 0; k < run.length; k += width)
      await Promise.all(
        run.slice(k, k + width).map(async (index, j) => {
          try {
            alone[k + j] = await deps.pdf.convert(letters[index] as Uint8Array);
          } catch (error) {
            if (!isConversionError(error)) throw error;
            failed.push({ line: (pairs[index] as Pair).line, reason: conversionFailed(error) });
          }
        }),
      );
    pdfs.push(...alone.filter((p): p is Uint8Array => p !== undefined));
  }
  return { pdfs, failed };
};

/**
 * Builds the job's print file from its hard-copy lines (skipped as `hard_copy`), in entry order,
 * each the letter its entry kept. "pdf" goes in slices of `config.pdf.printSliceLetters`
 * letters (500 by default): a slice's letters are read, joined into one document, converted
 * once and its pages added to the file, before the next slice is read, so memory holds one
 * slice's letters and the file, not every letter (a letter LibreOffice cannot convert is left
 * out, its line failed, not the file). "document" is one .docx, each letter its own section,
 * as Word's "Edit Individual Documents" makes (a zip of the letters only when some letter
 * cannot be joined as it is: see joined-letters.ts). Written to the job's fixed blob; `progress`
 * is called between slices (the worker renews its lease there).
 */
export const buildPrintFile = async (
  deps: AppDeps,
  tenant: TenantId,
  job: StoredSendJob,
  progress: () => Promise<void> = async () => undefined,
): Promise<BuiltPrintFile> => {
  const lines = (await deps.store.sendJobs.deliveriesIn(tenant, job.id, ["skipped"])).filter(
    (l) => l.reason?.code === "hard_copy",
  );
  const found = await deps.store.interactions.entriesByKeys(tenant, lines);
  const pairs = lines
    .map((line, i) => ({ line, entry: found[i] }))
    .filter(
      (p): p is { line: StoredDelivery; entry: StoredEntry } =>
        p.entry !== undefined && hasLetter(tenant, p.entry),
    );
  if (pairs.length === 0 || job.options.hardCopy === "none") return { failed: [] };
  const logged = await deps.store.interactions.loggedSegments.get(
    tenant,
    String(job.loggedSegmentEntryNo),
  );
  const base = safeFileName(`${logged.description || logged.segmentNo} - print`);
  const id = printDocumentIdOf(tenant, job.id);

  if (job.options.hardCopy === "document") {
    const letters = await lettersOfEntries(
      deps,
      tenant,
      pairs.map((p) => p.entry),
    );
    const joinable = await Promise.all(letters.map((l) => isJoinable(deps, l.bytes)));
    const joined = joinable.every(Boolean)
      ? await joinLetters(
          deps,
          letters.map((l) => l.bytes),
        ).catch((error: unknown) => {
          // Too large for one document: the letters go zipped, as when one cannot be joined.
          if (isJoinRefused(error)) return undefined;
          throw error;
        })
      : undefined;
    if (joined) {
      const fileName = `${base}.docx`;
      await deps.store.documents.put(id, joined, { fileName, contentType: docxType });
      return { printFile: { fileName, contentType: docxType, bytes: joined.length }, failed: [] };
    }
    const bytes = await deps.workers.zip(
      letters.map((l) => ({ name: l.fileName, bytes: l.bytes })),
    );
    const fileName = `${base}.zip`;
    await deps.store.documents.put(id, bytes, { fileName, contentType: zipType });
    return { printFile: { fileName, contentType: zipType, bytes: bytes.length }, failed: [] };
  }

  const failed: { line: StoredDelivery; reason: DeliveryReason }[] = [];
  const out = await PDFDocument.create({ updateMetadata: false });
  const size = Math.max(1, deps.config.pdf.printSliceLetters ?? 500);
  for (let k = 0; k < pairs.length; k += size) {
    const slice = pairs.slice(k, k + size);
    const letters = await lettersOfEntries(
      deps,
      tenant,
      slice.map((p) => p.entry),
    );
    const converted = await sliceAsPdf(
      deps,
      slice,
      letters.map((l) => l.bytes),
    );
    failed.push(...converted.failed);
    for (const pdf of converted.pdfs) {
      const source = await PDFDocument.load(pdf, { updateMetadata: false });
      for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
    }
    await progress();
  }
  if (out.getPageCount() === 0) return { failed };
  const bytes = await out.save({ useObjectStreams: true });
  const fileName = `${base}.pdf`;
  await deps.store.documents.put(id, bytes, { fileName, contentType: pdfType });
  return { printFile: { fileName, contentType: pdfType, bytes: bytes.length }, failed };
};
