import { PDFDocument } from "pdf-lib";
import type { DeliveryReason, SendJob } from "@shared/model/delivery";
import type { AppDeps } from "../../app-deps";
import { ConversionFailedError, ConversionTimeoutError } from "../../errors/app-errors";
import { hasLetter, lettersOfEntries, safeFileName } from "../../interactions/entry-letters";
import { fixedDocumentId, type DocumentId } from "../../store/document-names";
import type { StoredEntry } from "../../store/interaction-repository";
import type { StoredDelivery, StoredSendJob } from "../../store/send-job-repository";
import type { TenantId } from "../../store/tenant";

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

const isConversionError = (error: unknown) =>
  error instanceof ConversionFailedError || error instanceof ConversionTimeoutError;

/**
 * Builds the job's print file from its hard-copy lines (skipped as `hard_copy`), in entry order,
 * each the letter its entry kept: "pdf" converts each letter with the LibreOffice pool and joins
 * the pages (a letter LibreOffice cannot convert is left out, its line failed, not the file);
 * "document" zips the .docx letters (different letters make no one valid .docx). Written to the
 * job's fixed blob; `progress` is called between conversions (the worker renews its lease there).
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
  const letters = await lettersOfEntries(
    deps,
    tenant,
    pairs.map((p) => p.entry),
  );
  const logged = await deps.store.interactions.loggedSegments.get(
    tenant,
    String(job.loggedSegmentEntryNo),
  );
  const base = safeFileName(`${logged.description || logged.segmentNo} - print`);
  const id = printDocumentIdOf(tenant, job.id);

  if (job.options.hardCopy === "document") {
    const bytes = await deps.workers.zip(
      letters.map((l) => ({ name: l.fileName, bytes: l.bytes })),
    );
    const fileName = `${base}.zip`;
    await deps.store.documents.put(id, bytes, { fileName, contentType: zipType });
    return { printFile: { fileName, contentType: zipType, bytes: bytes.length }, failed: [] };
  }

  const failed: { line: StoredDelivery; reason: DeliveryReason }[] = [];
  const pdfs = new Array<Uint8Array | undefined>(letters.length);
  // As many at once as the pool converts: more would wait in (or be refused by) its queue.
  const width = Math.max(1, deps.config.pdf.size);
  for (let k = 0; k < letters.length; k += width) {
    await Promise.all(
      letters.slice(k, k + width).map(async (letter, j) => {
        const i = k + j;
        try {
          pdfs[i] = await deps.pdf.convert(letter.bytes);
        } catch (error) {
          if (!isConversionError(error)) throw error;
          failed.push({
            line: (pairs[i] as { line: StoredDelivery }).line,
            reason: {
              code: "conversion_failed",
              message: `The letter could not be made into a PDF for the print file: ${(error as Error).message}`,
            },
          });
        }
      }),
    );
    await progress();
  }
  const converted = pdfs.filter((p): p is Uint8Array => p !== undefined);
  if (converted.length === 0) return { failed };
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const pdf of converted) {
    const source = await PDFDocument.load(pdf, { updateMetadata: false });
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  }
  const bytes = await out.save({ useObjectStreams: true });
  const fileName = `${base}.pdf`;
  await deps.store.documents.put(id, bytes, { fileName, contentType: pdfType });
  return { printFile: { fileName, contentType: pdfType, bytes: bytes.length }, failed };
};
