import { readFileSync } from "fs";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import {
  mergeDocument,
  mergeDocumentFlatOpc,
  mergeEach,
  mergeOne,
  mergeOneFlatOpc,
  readTemplate,
  sanitizeFileName,
  toFlatOpc,
  MergeError,
  type MergeRecord,
} from "@shared/merge";
import { buildDocx, control, mergeField, p, t } from "./docx-builder";
import { compact, letters, part, text } from "./docx-text";
import { wordTemplate } from "./fixture-files";
import { inspectDocx, parseStrict } from "./ooxml-assertions";

const flatFixture = (): string =>
  readFileSync(join(__dirname, "../../../fixtures/merge/body-getooxml.xml"), "utf8");

/** The main document's XML inside a flat-OPC package. */
const flatDocument = (flat: string): string => {
  const match = /pkg:name="\/word\/document\.xml"[^>]*><pkg:xmlData>([\s\S]*?)<\/pkg:xmlData>/.exec(
    flat,
  );
  if (!match?.[1]) throw new Error("no document part");
  return match[1];
};

const people: MergeRecord[] = [
  { values: { Name: "Jens Hansen" }, fileName: "Jens Hansen" },
  { values: { Name: "Anne Berg" }, fileName: "Anne/Berg: A*S?" },
  { values: { Name: "J. Hansen" }, fileName: "jens hansen" },
  { values: { Name: "Nobody" } },
  { values: { Name: "Con" }, fileName: "CON" },
];

describe("output forms", () => {
  const template = () => readTemplate(buildDocx({ body: p(t("Dear "), control("Name")) }));

  it("one document: N letters, N section breaks", () => {
    const docx = mergeDocument(template(), people);
    const report = inspectDocx(docx);
    expect(report.problems).toEqual([]);
    expect(report.sections).toBe(5);
    expect(letters(part(docx, "word/document.xml"))).toEqual(
      people.map((r) => `Dear ${String(r.values.Name)}`),
    );
  });

  it("refuses to merge no records", () => {
    expect(() => mergeDocument(template(), [])).toThrow(MergeError);
    expect(() => mergeDocument(template(), [])).toThrow(
      expect.objectContaining({ name: "MergeError", code: "no_records" }),
    );
  });

  it("one .docx per contact, named after the contact, sanitized and unique", () => {
    const files = mergeEach(template(), people);
    expect(files.map((f) => f.name)).toEqual([
      "Jens Hansen.docx",
      "Anne Berg A S.docx",
      "jens hansen (2).docx",
      "Letter 4.docx",
      "CON_.docx",
    ]);
    for (const [index, file] of files.entries()) {
      expect(inspectDocx(file.bytes).problems).toEqual([]);
      expect(text(part(file.bytes, "word/document.xml"))).toBe(
        `Dear ${String(people[index]?.values.Name)}`,
      );
      // Each letter is a plain document: no content controls, one section.
      expect(part(file.bytes, "word/document.xml")).not.toContain("w:sdt");
    }
  });

  it("sanitizes names for every file system", () => {
    expect(sanitizeFileName(' a<b>c:d"e/f\\g|h?i*j\u0001 ')).toBe("a b c d e f g h i j");
    expect(sanitizeFileName("...")).toBe("");
    expect(sanitizeFileName("Ærø Æbler ApS.")).toBe("Ærø Æbler ApS");
    expect(sanitizeFileName("x".repeat(300))).toHaveLength(100);
  });

  it("the preview keeps content controls, so the pane can go back to fields; merged letters unwrap them", () => {
    const preview = mergeOne(template(), { values: { Name: "Jens" } });
    expect(part(preview, "word/document.xml")).toContain('<w:tag w:val="Name"/>');
    expect(text(part(preview, "word/document.xml"))).toBe("Dear Jens");
    const plain = mergeOne(
      template(),
      { values: { Name: "Jens" } },
      { keepContentControls: false },
    );
    expect(part(plain, "word/document.xml")).not.toContain("w:sdt");
  });

  it("writes the same output deterministically (no timestamps in the zip)", () => {
    const a = mergeDocument(template(), people);
    const b = mergeDocument(template(), people);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("flat OPC (Word's body.getOoxml() and insertOoxml)", () => {
  const record: MergeRecord = {
    values: { Fornavn: "Mette", Mødedato: "2026-11-22", Beløb: 12500 },
    language: "da-DK",
  };

  it("reads the flat-OPC package Word's getOoxml returns", () => {
    const template = readTemplate(flatFixture());
    expect(template.format).toBe("flatOpc");
    expect(template.fields.map((f) => [f.name, f.form, f.switches])).toEqual([
      ["Fornavn", "contentControl", []],
      ["Mødedato", "mergeField", ['\\@ "d. MMMM yyyy"', "\\* MERGEFORMAT"]],
      ["Beløb", "contentControl", ['\\# "#.##0,00 kr."']],
    ]);
  });

  it("round trip: flat OPC in, merged flat OPC out for insertOoxml, with the values", () => {
    const template = readTemplate(flatFixture());
    const flat = mergeOneFlatOpc(template, record);
    expect(() => parseStrict(flat)).not.toThrow();
    expect(flat.startsWith('<?xml version="1.0" standalone="yes"?>')).toBe(true);
    expect(flat).toContain('<?mso-application progid="Word.Document"?>');
    expect(flat).not.toContain("[Content_Types]");
    expect(text(flatDocument(flat))).toBe(
      "Kære Mette,\nTak for mødet den 22. november 2026.\nTilbud: 12.500,00 kr.\nLevering inden jul",
    );
    // Read back: the merged flat OPC is itself a valid package.
    const again = readTemplate(flat);
    expect(again.fieldNames).toEqual(["Fornavn", "Beløb"]);
  });

  it("writes a flat OPC of several letters, and turns any .docx into flat OPC", () => {
    const template = readTemplate(flatFixture());
    const flat = mergeDocumentFlatOpc(template, [
      record,
      { ...record, values: { ...record.values, Fornavn: "Ole" } },
    ]);
    expect(letters(flatDocument(flat)).map(compact)).toEqual([
      "Kære Mette,\nTak for mødet den 22. november 2026.\nTilbud: 12.500,00 kr.\nLevering inden jul",
      "Kære Ole,\nTak for mødet den 22. november 2026.\nTilbud: 12.500,00 kr.\nLevering inden jul",
    ]);
    // The second letter's list restarts: numbering.xml in the flat package holds a new w:num.
    expect(flat.match(/<w:num w:numId=/g)).toHaveLength(2);

    const docx = mergeDocument(readTemplate(wordTemplate("test_macword2011")), [
      { values: { first_name: "Jens" } },
    ]);
    const converted = toFlatOpc(docx);
    expect(() => parseStrict(converted)).not.toThrow();
    expect(converted).toContain(
      'pkg:name="/docProps/thumbnail.jpeg" pkg:contentType="image/jpeg" pkg:compression="store"><pkg:binaryData>',
    );
    const back = readTemplate(converted);
    expect(back.format).toBe("flatOpc");
    expect(compact(text(part(mergeOne(back, { values: {} }), "word/document.xml")))).toContain(
      "Dear Jens,",
    );
  });

  it("merges flat OPC into a .docx as well", () => {
    const docx = mergeDocument(readTemplate(flatFixture()), [record]);
    expect(inspectDocx(docx).problems).toEqual([]);
    expect(strFromU8(unzipSync(docx)["[Content_Types].xml"] as Uint8Array)).toContain(
      "/word/document.xml",
    );
  });
});

describe("a record merged again from the bytes of a merged document", () => {
  it("is plain text: merged letters hold no fields", () => {
    const docx = mergeOne(readTemplate(buildDocx({ body: p(mergeField("Name")) })), {
      values: { Name: "Jens" },
    });
    expect(readTemplate(docx).fields).toEqual([]);
  });
});
