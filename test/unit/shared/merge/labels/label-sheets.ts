import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { paragraphs, part } from "../docx-text";

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

const soffice = (() => {
  for (const candidate of ["soffice", "libreoffice"]) {
    try {
      execFileSync("which", [candidate], { stdio: "pipe" });
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(
    "The label tests need LibreOffice to print the sheets: apt-get install libreoffice-writer-nogui.",
  );
})();

/** LibreOffice prints each document to PDF; the pages it printed, by document name. */
export const printedPages = (documents: Record<string, Uint8Array>): Record<string, number> => {
  const dir = mkdtempSync(join(tmpdir(), "labels-lo-"));
  try {
    const files = Object.entries(documents).map(([name, docx]) => {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, docx);
      return file;
    });
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...files,
      ],
      { stdio: "pipe", timeout: 150_000 },
    );
    return Object.fromEntries(
      Object.keys(documents).map((name) => [
        name,
        (
          readFileSync(join(dir, `${name}.pdf`))
            .toString("latin1")
            .match(/\/Type\s*\/Page[^s]/g) ?? []
        ).length,
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
