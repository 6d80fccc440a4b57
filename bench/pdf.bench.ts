/**
 * PDF per contact (issue 15): 1,000 letters merged into one document with a mark per letter,
 * converted by LibreOffice once and split into a PDF per letter (pdf-lib), zipped, against the
 * floor it cannot beat: one LibreOffice conversion of the plain one-document merge of the same
 * letters. Both include the merge; the pool's LibreOffice profile is warmed before timing.
 * Second row: milliseconds per letter against Carbone's published ~50 ms per report with PDF
 * on 3 LibreOffice workers (a published figure, not measured here).
 */
import { zipSync } from "fflate";
import { letterFileNames, mergeDocument, readTemplate, type MergeRecord } from "@shared/merge";
import { createPdfConverter } from "../functions/convert/pdf-converter";
import { splitLetters } from "../functions/convert/split-letters";
import { buildDocx, mergeField, p, t } from "../test/unit/shared/merge/docx-builder";
import type { BenchRow } from "./bench-row";
import { sideBySide } from "./measure";

const LETTERS = 1_000;
const CARBONE_MS_PER_REPORT = 50;

const LETTER = buildDocx({
  body:
    p(mergeField("Name")) +
    p(mergeField("Address")) +
    p(t("Kære "), mergeField("Name"), t(",")) +
    p(t("Tak for et godt samarbejde i år. ".repeat(12))) +
    p(t("Med venlig hilsen")) +
    p(t("Jonas Olsen")),
});

const records: MergeRecord[] = Array.from({ length: LETTERS }, (_, i) => ({
  fileName: `KT${i} Kontakt ${i}`,
  values: { Name: `Kontakt ${i}`, Address: `Vestergade ${1 + (i % 200)}, 8000 Aarhus C` },
}));

export const benchPdf = async (): Promise<BenchRow[]> => {
  const converter = createPdfConverter({ size: 1, maxQueue: 1, timeoutMs: 600_000 });
  try {
    const template = readTemplate(LETTER);
    const names = letterFileNames(records).map((n) => n.replace(/\.docx$/, ".pdf"));
    let files = 0;
    const perContactPdf = async () => {
      const pdf = await converter.convert(
        mergeDocument(template, records, { letterBookmarks: true }),
      );
      const letters = await splitLetters(pdf, LETTERS);
      const zip = zipSync(
        Object.fromEntries(letters.map((l, i) => [names[i] as string, [l, { level: 0 }]])),
      );
      files = letters.length;
      return zip;
    };
    const oneConversion = async () => converter.convert(mergeDocument(template, records));
    // Warm up: the pool's profile is created by its first conversion.
    await converter.convert(mergeDocument(template, records.slice(0, 2)));
    const { ours, peer } = await sideBySide(3, perContactPdf, oneConversion);
    if (files !== LETTERS) throw new Error(`split into ${files} PDFs, not ${LETTERS}`);
    const perLetter = ours / LETTERS;
    return [
      {
        name: `PDF per contact: ${LETTERS.toLocaleString("en-US")} letters, converted once and split`,
        ours,
        peer,
        peerName: "one LibreOffice conversion of the one-document merge",
        unit: "ms",
        ratio: ours / peer,
        target: "<= 1.5x",
      },
      {
        name: "PDF per contact: milliseconds per letter",
        ours: perLetter,
        peer: CARBONE_MS_PER_REPORT,
        peerName: "Carbone's published ~50 ms per report (3 LibreOffice workers)",
        unit: "ms/letter",
        ratio: perLetter / CARBONE_MS_PER_REPORT,
        target: "<= 10 ms/letter (<= 0.2x)",
      },
    ];
  } finally {
    await converter.close();
  }
};
