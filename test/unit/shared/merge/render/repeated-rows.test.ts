import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mergeDocument, mergeOne, readTemplate, type MergeRecord } from "@shared/merge";
import { buildDocx, mergeField, p, t } from "../docx-builder";
import { compact, part, text } from "../docx-text";

/**
 * One-to-many table rows: a row repeats per item; an empty list removes the row (Word's and
 * docx-mailmerge's behaviour), and a table left with no row at all is removed whole, since Word
 * repairs a w:tbl without w:tr ([MS-OI29500] 2.1.1424).
 */

const cell = (content: string): string =>
  `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
const row = (...cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
const table = (...rows: string[]): string =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>${rows.join("")}</w:tbl>`;

const lineRow = row(cell(p(mergeField("Description"))), cell(p(mergeField("Amount"))));
const headed = table(row(cell(p(t("What"))), cell(p(t("Amount")))), lineRow);
const onlyRepeating = table(lineRow);

const letter = (body: string): Uint8Array =>
  buildDocx({ body: p(t("Dear "), mergeField("Name")) + body + p(t("Regards")) });

const validate = (docx: Uint8Array): void => {
  const file = join(mkdtempSync(join(tmpdir(), "repeated-rows-")), "letter.docx");
  writeFileSync(file, docx);
  expect(() =>
    execFileSync("/work/shared/schemas/ooxml/validate-docx", [file], { stdio: "pipe" }),
  ).not.toThrow();
};

const documentXml = (docx: Uint8Array): string => part(docx, "word/document.xml");
const tables = (xml: string): string[] => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
const count = (xml: string, tag: string): number =>
  (xml.match(new RegExp(`<${tag}[ >/]`, "g")) ?? []).length;

const lines: MergeRecord = {
  values: { Name: "Anna" },
  rows: {
    lines: [
      { Description: "Chairs", Amount: 120 },
      { Description: "Tables", Amount: 80 },
    ],
  },
};
const noLines: MergeRecord = { values: { Name: "Bo" }, rows: { lines: [] } };

describe("repeated table rows", () => {
  it("repeats the row for each item of the list", () => {
    const docx = mergeOne(readTemplate(letter(headed)), lines);
    expect(compact(text(documentXml(docx)))).toContain("What\nAmount\nChairs\n120\nTables\n80");
    expect(count(documentXml(docx), "w:tr")).toBe(3);
    validate(docx);
  });

  it("removes the row for an empty list, though the fields' names carry no prefix", () => {
    const docx = mergeOne(readTemplate(letter(headed)), noLines);
    const xml = documentXml(docx);
    expect(count(xml, "w:tr")).toBe(1);
    expect(compact(text(xml))).toContain("What\nAmount\nRegards");
    validate(docx);
  });

  it("still shows the row once, from the record's own values, when the record has no lists", () => {
    const docx = mergeOne(readTemplate(letter(headed)), {
      values: { Name: "Cai", Description: "Own", Amount: 1 },
    });
    expect(compact(text(documentXml(docx)))).toContain("Own\n1\nRegards");
  });

  it("removes a table whose only row repeats for an empty list, and the file stays valid", () => {
    const docx = mergeDocument(readTemplate(letter(onlyRepeating)), [noLines, lines, noLines]);
    const xml = documentXml(docx);
    for (const tbl of tables(xml)) expect(count(tbl, "w:tr")).toBeGreaterThan(0);
    expect(tables(xml)).toHaveLength(1);
    expect(compact(text(xml))).toContain("Dear Bo\nRegards");
    validate(docx);
  });

  it("removes a table whose only row shows a list named by the fields' prefix, when it is empty", () => {
    const prefixed = table(
      row(cell(p(mergeField("lines.Description"))), cell(p(mergeField("lines.Amount")))),
    );
    const docx = mergeOne(readTemplate(letter(prefixed)), noLines);
    const xml = documentXml(docx);
    expect(count(xml, "w:tbl")).toBe(0);
    expect(compact(text(xml))).toBe("Dear Bo\nRegards");
    validate(docx);
  });

  it("keeps the paragraph Word writes after a nested table that disappears, and adds none", () => {
    const nested = `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${onlyRepeating}${p(t("After"))}</w:tc>`;
    const outer = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr>${nested}</w:tr></w:tbl>`;
    const docx = mergeOne(readTemplate(letter(outer)), noLines);
    const xml = documentXml(docx);
    expect(count(xml, "w:tbl")).toBe(1);
    expect(xml).toMatch(/<w:tcPr>.*?<\/w:tcPr><w:p>.*?After.*?<\/w:p><\/w:tc>/);
    validate(docx);
  });

  it("keeps a paragraph in a cell whose nested table disappears", () => {
    const nestedLast = `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${p(t("Lines:"))}${onlyRepeating}</w:tc>`;
    const outer = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr>${nestedLast}</w:tr></w:tbl>`;
    const docx = mergeOne(readTemplate(letter(outer)), noLines);
    const xml = documentXml(docx);
    expect(count(xml, "w:tbl")).toBe(1);
    expect(xml).not.toMatch(/<\/w:tbl><\/w:tc>/);
    expect(xml).toMatch(/<w:p[ >/](?:(?!<w:p[ >/]).)*<\/w:tc>/);
    validate(docx);
  });
});
