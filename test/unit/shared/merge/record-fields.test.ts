import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  MergeError,
  TemplateError,
  estimateMergedSize,
  mergeDocument,
  mergeEach,
  readTemplate,
  type MergeRecord,
} from "@shared/merge";
import { unzipSync } from "fflate";
import { buildDocx, field, mergeField, p, simpleField, t } from "./docx-builder";
import { letters, part } from "./docx-text";
import { inspectDocx } from "./ooxml-assertions";
import { convertWithLibreOffice, printedPageCount } from "./libreoffice-convert";

/**
 * Word's record fields: NEXT takes the next record, NEXTIF only when its comparison holds,
 * SKIPIF drops the whole letter and starts the next with the following record; MERGEREC is the
 * record's place in the data, MERGESEQ its place among the records merged. Letters are written
 * with Word's quirks: simple and complex fields, codes split over runs, NEXT in table cells as
 * Word's Labels writes them.
 */

const validate = (docx: Uint8Array): void => {
  const dir = mkdtempSync(join(tmpdir(), "record-fields-"));
  try {
    const file = join(dir, "letter.docx");
    writeFileSync(file, docx);
    expect(() =>
      execFileSync("/work/shared/schemas/ooxml/validate-docx", [file], { stdio: "pipe" }),
    ).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const merge = (body: string, records: readonly MergeRecord[], section?: string): Uint8Array => {
  const docx = mergeDocument(
    readTemplate(buildDocx({ body, ...(section && { section }) })),
    records,
  );
  expect(inspectDocx(docx).problems).toEqual([]);
  validate(docx);
  return docx;
};

const lettersOf = (body: string, records: readonly MergeRecord[]): string[] =>
  letters(part(merge(body, records), "word/document.xml"));

const people = (n: number, extra: (i: number) => Record<string, string> = () => ({})) =>
  Array.from({ length: n }, (_, i): MergeRecord => ({
    values: { Name: `Contact ${i + 1}`, ...extra(i) },
  }));

const NEXT = field(" NEXT ", "");

const instr = (code: string): string =>
  `<w:r><w:instrText xml:space="preserve">${code.replace(/</g, "&lt;").replace(/>/g, "&gt;")}</w:instrText></w:r>`;

/** A complex field whose code is instruction text and nested fields (raw XML), without a result. */
const complex = (...code: readonly string[]): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  code.map((piece) => (piece.startsWith("<") ? piece : instr(piece))).join("") +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

describe("NEXT: the fields after it take the next record", () => {
  it("puts as many records in one letter as it has NEXTs + 1; the last letter's extra fields are empty", () => {
    const body = p(mergeField("Name")) + p(NEXT, mergeField("Name")) + p(NEXT, mergeField("Name"));
    expect(lettersOf(body, people(7))).toEqual([
      "Contact 1\nContact 2\nContact 3",
      "Contact 4\nContact 5\nContact 6",
      "Contact 7\n\n",
    ]);
  });

  it("reads NEXT alike as a simple field and as a complex field split over runs", () => {
    const forms = [
      simpleField(" NEXT ", ""),
      field([" NE", "XT ", " "], ""),
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:proofErr w:type="spellStart"/><w:r><w:instrText>NEXT</w:instrText></w:r><w:proofErr w:type="spellEnd"/><w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ];
    for (const next of forms) {
      const body = p(mergeField("Name"), t(", "), next, mergeField("Name"));
      expect(lettersOf(body, people(3))).toEqual(["Contact 1, Contact 2", "Contact 3, "]);
    }
  });

  it("leaves no field characters behind", () => {
    const xml = part(
      merge(p(mergeField("Name"), NEXT, mergeField("Name")), people(2)),
      "word/document.xml",
    );
    expect(xml).not.toMatch(/fldChar|instrText|fldSimple/);
  });

  it("gives every record its own MERGEREC and MERGESEQ, not the letter's", () => {
    const body = p(
      field(" MERGEREC ", "1"),
      t(":"),
      mergeField("Name"),
      NEXT,
      t(" "),
      field(" MERGESEQ ", "1"),
      t(":"),
      mergeField("Name"),
    );
    expect(lettersOf(body, people(4))).toEqual([
      "1:Contact 1 2:Contact 2",
      "3:Contact 3 4:Contact 4",
    ]);
  });
});

describe("NEXT in table cells: a sheet of labels as Word's Labels writes it", () => {
  const cell = (content: string): string =>
    `<w:tc><w:tcPr><w:tcW w:w="3740" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
  /** The first cell's fields, then in every other cell { NEXT } and the same fields. */
  const labels = (columns: number, rows: number, height = 1440): string => {
    const label = (first: boolean): string =>
      cell(p(...(first ? [] : [NEXT]), mergeField("Name")) + p(mergeField("City")));
    const row = (r: number): string =>
      `<w:tr><w:trPr><w:trHeight w:val="${height}" w:hRule="exact"/></w:trPr>${Array.from(
        { length: columns },
        (_, c) => label(r === 0 && c === 0),
      ).join("")}</w:tr>`;
    return (
      `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="3740"/>'.repeat(columns)}</w:tblGrid>` +
      Array.from({ length: rows }, (_, r) => row(r)).join("") +
      "</w:tbl>"
    );
  };
  const withCity = (n: number): MergeRecord[] => people(n, (i) => ({ City: `City ${i + 1}` }));
  const cellsOf = (docx: Uint8Array): string[][] =>
    (part(docx, "word/document.xml").match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((table) =>
      (table.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) =>
        (tc.match(/<w:t[ >][^<]*/g) ?? []).map((x) => x.replace(/<w:t[^>]*>/, "")).join("|"),
      ),
    );

  it("fills each cell with the next record, a sheet per letter, the last sheet's spare labels empty", () => {
    const docx = merge(labels(3, 2), withCity(8));
    expect(cellsOf(docx)).toEqual([
      [
        "Contact 1|City 1",
        "Contact 2|City 2",
        "Contact 3|City 3",
        "Contact 4|City 4",
        "Contact 5|City 5",
        "Contact 6|City 6",
      ],
      ["Contact 7|City 7", "Contact 8|City 8", "", "", "", ""],
    ]);
  });

  it("shows a label row once even when the records carry one-to-many lists", () => {
    const records = withCity(3).map((r) => ({
      ...r,
      rows: { lines: [{ Name: "x" }, { Name: "y" }] },
    }));
    expect(cellsOf(merge(labels(3, 1), records))).toEqual([
      ["Contact 1|City 1", "Contact 2|City 2", "Contact 3|City 3"],
    ]);
  });

  it("estimates the merged size of a label sheet by sheets, not by records", () => {
    const template = readTemplate(buildDocx({ body: labels(3, 10) }));
    const records = withCity(300);
    const written = Object.values(unzipSync(mergeDocument(template, records))).reduce(
      (sum, bytes) => sum + bytes.length,
      0,
    );
    const estimate = estimateMergedSize(template, records).oneDocument;
    expect(estimate).toBeGreaterThanOrEqual(0.9 * written);
    expect(estimate).toBeLessThanOrEqual(2 * written);
  });

  it("prints 30 contacts on a 3x10 US Letter sheet as one page, and 31 as two", () => {
    // US Letter, half-inch margins: ten rows of an inch fill the page exactly, as Avery 5160 does.
    const section =
      '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="720" w:right="720" w:bottom="0" w:left="720" w:header="0" w:footer="0" w:gutter="0"/>';
    const sheets = { thirty: 30, thirtyOne: 31 };
    const documents = Object.fromEntries(
      Object.entries(sheets).map(([name, n]) => {
        const docx = merge(labels(3, 10, 1400), withCity(n), section);
        expect(cellsOf(docx)).toHaveLength(n > 30 ? 2 : 1);
        return [name, docx];
      }),
    );
    const pdfs = convertWithLibreOffice(documents, "pdf");
    expect(printedPageCount(pdfs["thirty"] as Buffer)).toBe(1);
    expect(printedPageCount(pdfs["thirtyOne"] as Buffer)).toBe(2);
  }, 180_000);
});

describe("NEXTIF: the next record only when the comparison holds", () => {
  it("keeps the record when it does not hold, with simple and complex nested fields", () => {
    const cities = ["Aarhus", "Aarhus", "Odense", "Aarhus"];
    const records = people(4, (i) => ({ City: cities[i] as string }));
    for (const nextIf of [
      complex(" NEXTIF ", mergeField("City"), ' = "Aarhus" '),
      complex(" NEXTIF ", simpleField(" MERGEFIELD City ", "«City»"), ' = "Aarhus" '),
    ]) {
      const body = p(mergeField("Name"), nextIf, t(" / "), mergeField("Name"));
      // 1 (Aarhus) -> 2; 3 (Odense) stays 3; 4 (Aarhus) -> past the end.
      expect(lettersOf(body, records)).toEqual([
        "Contact 1 / Contact 2",
        "Contact 3 / Contact 3",
        "Contact 4 / ",
      ]);
    }
  });
});

describe("SKIPIF: the letter is dropped and the next one starts with the following record", () => {
  const status = ["Active", "Inactive", "Active", "Active"];
  const records = people(4, (i) => ({ Status: status[i] as string }));
  const skipIf = complex(" SKIPIF ", mergeField("Status"), " = Inactive ");

  it("skips the record; MERGEREC counts it, MERGESEQ does not", () => {
    const body = p(
      skipIf,
      mergeField("Name"),
      t(" "),
      field(" MERGEREC ", "1"),
      t("/"),
      simpleField(" MERGESEQ ", "1"),
    );
    expect(lettersOf(body, records)).toEqual(["Contact 1 1/1", "Contact 3 3/2", "Contact 4 4/3"]);
  });

  it("drops every record the letter had taken when it comes after a NEXT", () => {
    const body = p(mergeField("Name"), NEXT, skipIf, t(" + "), mergeField("Name"));
    // Letter 1 takes 1 and 2, 2 is inactive: both go, the next letter starts with 3.
    expect(lettersOf(body, records)).toEqual(["Contact 3 + Contact 4"]);
  });

  it("refuses a merge whose every record is skipped, writing nothing", () => {
    const template = readTemplate(buildDocx({ body: p(skipIf, mergeField("Name")) }));
    const inactive = people(2, () => ({ Status: "Inactive" }));
    expect(() => mergeDocument(template, inactive)).toThrow(MergeError);
  });
});

describe("one document per contact with record fields", () => {
  it("gives each contact its own document: NEXT finds no next record, SKIPIF drops no contact", () => {
    const skipIf = field([" SKIPIF ", " 1 = 1 "], "");
    const template = readTemplate(
      buildDocx({
        body: p(
          skipIf,
          mergeField("Name"),
          t(" "),
          simpleField(" MERGEREC "),
          t("/"),
          simpleField(" MERGESEQ "),
          t(" &amp; "),
          NEXT,
          mergeField("Name"),
        ),
      }),
    );
    const files = mergeEach(template, people(3));
    expect(files.map((f) => f.name)).toEqual(["Letter 1.docx", "Letter 2.docx", "Letter 3.docx"]);
    expect(files.map((f) => letters(part(f.bytes, "word/document.xml")))).toEqual([
      ["Contact 1 1/1 & "],
      ["Contact 2 2/2 & "],
      ["Contact 3 3/3 & "],
    ]);
    for (const f of files) validate(f.bytes);
  });
});

describe("headers and footers of a letter with NEXT", () => {
  it("show the letter's first record, and a NEXT there is removed with a warning", () => {
    const template = readTemplate(
      buildDocx({
        body: p(mergeField("Name"), NEXT, mergeField("Name")),
        stories: [{ kind: "header", content: p(t("Sheet of "), mergeField("Name"), NEXT) }],
      }),
    );
    expect(template.warnings.map((w) => w.code)).toEqual(["record_field_outside_body"]);
    const docx = mergeDocument(template, people(4));
    validate(docx);
    const headers = Object.entries(unzipSync(docx))
      .filter(([name]) => /^word\/header.*\.xml$/.test(name))
      .map(([, bytes]) => letters(Buffer.from(bytes).toString("utf8"))[0])
      .sort();
    expect(headers).toEqual(["Sheet of Contact 1", "Sheet of Contact 3"]);
  });
});

describe("the template reports record fields", () => {
  it("lists the fields NEXTIF and SKIPIF compare, and warns about none of them", () => {
    const nextIf = complex(" NEXTIF ", mergeField("City"), ' <> "" ');
    const template = readTemplate(
      buildDocx({ body: p(nextIf, simpleField(" SKIPIF 1 = 2 "), mergeField("Name")) }),
    );
    expect(template.warnings).toEqual([]);
    expect(template.fieldNames).toEqual(["City", "Name"]);
  });
});

describe("malformed record fields refuse the letter, naming the rule", () => {
  const refusal = (body: string): string => {
    try {
      readTemplate(buildDocx({ body }));
    } catch (error) {
      if (error instanceof TemplateError) return error.code;
      throw error;
    }
    return "accepted";
  };

  it.each([
    ["NEXT inside an IF's text", p(complex(' IF 1 = 1 "', NEXT, '" "" '))],
    [
      "NEXT inside an IF, simple form",
      p(complex(' IF 1 = 1 "', simpleField(" NEXT ", ""), '" "" ')),
    ],
    [
      "SKIPIF inside an IF's operand",
      p(complex(" IF ", complex(" SKIPIF 1 = 1 "), ' = "" "a" "b" ')),
    ],
    ["NEXT inside a HYPERLINK's code", p(complex(' HYPERLINK "x', NEXT, '" '))],
  ])("%s: record_field_nested", (_name, body) => {
    expect(refusal(body)).toBe("record_field_nested");
  });

  it.each([
    ["NEXTIF without an operator", p(field(' NEXTIF Name "Jens" ', ""))],
    ["SKIPIF without a right-hand side", p(simpleField(" SKIPIF 1 = "))],
    ["an empty NEXTIF", p(field(" NEXTIF ", ""))],
  ])("%s: record_field_syntax", (_name, body) => {
    expect(refusal(body)).toBe("record_field_syntax");
  });

  it("an IF that begins and never ends: field_not_closed", () => {
    const open =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF 1 = 1 "</w:instrText></w:r>';
    expect(refusal(p(open, NEXT, mergeField("Name")) + p(t("Regards")))).toBe("field_not_closed");
  });

  it("a NEXT whose code runs over two paragraphs: record_field_spans_paragraphs", () => {
    const body =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>NE</w:instrText></w:r></w:p>' +
      '<w:p><w:r><w:instrText>XT</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    expect(refusal(body)).toBe("record_field_spans_paragraphs");
  });
});
