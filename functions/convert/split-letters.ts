import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from "pdf-lib";
import { letterOfBookmark } from "@shared/merge/index";
import { ConversionFailedError } from "../errors/app-errors";

/**
 * Each letter's first page (0-based) from the bookmarks the merge put before each letter
 * (MergeOptions.letterBookmarks), which LibreOffice exports as named destinations (the
 * catalog's /Dests). A letter's pages are its first page up to the next letter's.
 */
const firstPages = (pdf: PDFDocument, letters: number): number[] => {
  const pageIndex = new Map<PDFRef, number>(pdf.getPages().map((page, i) => [page.ref, i]));
  const dests = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const first = new Array<number | undefined>(letters).fill(undefined);
  for (const [key, value] of dests?.entries() ?? []) {
    const letter = letterOfBookmark(key.decodeText());
    if (letter === undefined || letter > letters) continue;
    const resolved = pdf.context.lookup(value);
    const array =
      resolved instanceof PDFArray
        ? resolved
        : resolved instanceof PDFDict
          ? resolved.lookupMaybe(PDFName.of("D"), PDFArray)
          : undefined;
    const page = array?.get(0);
    if (page instanceof PDFRef && pageIndex.has(page)) first[letter - 1] = pageIndex.get(page);
  }
  const found = first.filter((p) => p !== undefined).length;
  if (found !== letters)
    throw new ConversionFailedError(
      `the PDF marks where ${found} of ${letters} letters begin, so it cannot be split per contact.`,
    );
  const pages = first as number[];
  if (pages[0] !== 0 || pages.some((p, i) => i > 0 && p <= (pages[i - 1] as number)))
    throw new ConversionFailedError("the letters' first pages in the PDF are out of order.");
  return pages;
};

/**
 * The one-document PDF split into a PDF per letter, in letter order. CPU work: it runs in a
 * merge thread (MergeWorkers.splitPdf), which a cancel ends.
 */
export const splitLetters = async (bytes: Uint8Array, letters: number): Promise<Uint8Array[]> => {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  const starts = firstPages(source, letters);
  const total = source.getPageCount();
  const out: Uint8Array[] = [];
  for (let i = 0; i < letters; i++) {
    const from = starts[i] as number;
    const to = i + 1 < letters ? (starts[i + 1] as number) : total;
    const letter = await PDFDocument.create({ updateMetadata: false });
    const pages = await letter.copyPages(
      source,
      Array.from({ length: to - from }, (_, k) => from + k),
    );
    for (const page of pages) letter.addPage(page);
    out.push(await letter.save({ useObjectStreams: true }));
  }
  return out;
};
