import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { paragraphs, part } from "../docx-text";
import { convertWithLibreOffice, printedPageCount } from "../libreoffice-convert";

/** Reading a labels document back: its sheets (tables) and each label's text, in order. */

const TABLE = /<w:tbl>[\s\S]*?<\/w:tbl>/g;
const CELL = /<w:tc>[\s\S]*?<\/w:tc>/g;

export interface Sheet {
  readonly gridColumns: readonly number[];
  readonly rowHeights: readonly { readonly height: number; readonly rule: string }[];
  /** Each label cell's lines joined by "\n" ("" for a label left blank). */
  readonly labels: readonly string[];
  /** Cells without text that stand between labels. */
  readonly gapCells: number;
}

export const sheetsOf = (docx: Uint8Array): Sheet[] => {
  const xml = part(docx, "word/document.xml");
  return (xml.match(TABLE) ?? []).map((table) => {
    const cells = table.match(CELL) ?? [];
    const labelCells = cells.filter((c) => c.includes('<w:vAlign w:val="center"/>'));
    return {
      gridColumns: [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
      rowHeights: [...table.matchAll(/<w:trHeight w:val="(\d+)" w:hRule="(\w+)"\/>/g)].map((m) => ({
        height: Number(m[1]),
        rule: m[2] as string,
      })),
      labels: labelCells.map((c) =>
        paragraphs(`<cell>${c}</cell>`)
          .map((p) => p.text)
          .filter((t) => t !== "")
          .join("\n"),
      ),
      gapCells: cells.length - labelCells.length,
    };
  });
};

export const validateDocx = (docx: Uint8Array): string => {
  const dir = mkdtempSync(join(tmpdir(), "labels-valid-"));
  try {
    const file = join(dir, "labels.docx");
    writeFileSync(file, docx);
    return execFileSync("/work/shared/schemas/ooxml/validate-docx", [file], {
      stdio: "pipe",
    }).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** LibreOffice prints each document to PDF; the pages it printed, by document name. */
export const printedPages = (documents: Record<string, Uint8Array>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(convertWithLibreOffice(documents, "pdf")).map(([name, pdf]) => [
      name,
      printedPageCount(pdf),
    ]),
  );
