import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  letterBookmarkName,
  letterOfBookmark,
  mergeDocument,
  mergeMixedDocument,
  readTemplate,
  type MergeRecord,
} from "@shared/merge";
import { buildDocx, mergeField, p, t } from "./docx-builder";
import { letters, part } from "./docx-text";

/**
 * MergeOptions.letterBookmarks: the mark each letter of a one-document merge carries for the
 * PDF split (functions/convert/split-letters.ts). It sits inside the letter's first paragraph,
 * after the paragraph's properties (between paragraphs LibreOffice puts it on the previous
 * letter's page), and the document stays valid.
 */
const expectValid = (docx: Uint8Array): void => {
  const dir = mkdtempSync(join(tmpdir(), "letter-marks-"));
  try {
    writeFileSync(join(dir, "marked.docx"), docx);
    expect(() =>
      execFileSync("/work/shared/schemas/ooxml/validate-docx", [join(dir, "marked.docx")], {
        stdio: "pipe",
      }),
    ).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const records: MergeRecord[] = ["Anna", "Bo", "Cai"].map((Name) => ({ values: { Name } }));
/** A first paragraph with properties, as most Word letters have. */
const letter = buildDocx({
  body:
    `<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${t("Kære ")}${mergeField("Name")}</w:p>` +
    p(t("Tak.")),
});
const marks = (xml: string) =>
  [...xml.matchAll(/<w:bookmarkStart w:id="\d+" w:name="([^"]+)"\/>/g)].map((m) => m[1]);

describe("letter bookmarks", () => {
  it("marks each letter once, in order, inside its first paragraph after its properties", () => {
    const docx = mergeDocument(readTemplate(letter), records, { letterBookmarks: true });
    const xml = part(docx, "word/document.xml");
    expect(marks(xml)).toEqual([1, 2, 3].map((n) => `MergelineLetter00000${n}`));
    expect(xml).toMatch(
      /<w:p><w:pPr><w:jc w:val="right"\/><\/w:pPr><w:bookmarkStart w:id="\d+" w:name="MergelineLetter000002"\/><w:bookmarkEnd w:id="\d+"\/><w:r>/,
    );
    expect(letters(xml)).toHaveLength(3);
    expectValid(docx);
  });

  it("marks each letter of a mixed document, whichever template it comes from", () => {
    const other = readTemplate(buildDocx({ body: p(t("Tilbud til "), mergeField("Name")) }));
    const first = readTemplate(letter);
    const docx = mergeMixedDocument(
      records.map((record, i) => ({ template: i === 1 ? other : first, record })),
      { letterBookmarks: true },
    );
    expect(marks(part(docx, "word/document.xml"))).toEqual(
      [0, 1, 2].map((i) => letterBookmarkName(i)),
    );
    expectValid(docx);
  });

  it("leaves letters unmarked by default: Word users see no bookmarks they did not make", () => {
    const xml = part(mergeDocument(readTemplate(letter), records), "word/document.xml");
    expect(marks(xml)).toEqual([]);
  });

  it("reads a letter's number back from its mark's name, and nothing from other bookmarks", () => {
    expect(letterOfBookmark(letterBookmarkName(0))).toBe(1);
    expect(letterOfBookmark(letterBookmarkName(999))).toBe(1000);
    expect(letterOfBookmark("_GoBack")).toBeUndefined();
    expect(letterOfBookmark("MergelineLetter")).toBeUndefined();
  });
});
