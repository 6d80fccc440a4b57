import { mergeDocument, mergeOne, readTemplate, type MergeRecord } from "@shared/merge";
import { compact, letters, part, text } from "./docx-text";
import { storyTextsBySection, wordTemplate } from "./fixture-files";
import { inspectDocx } from "./ooxml-assertions";

/**
 * The Word-authored templates of test/fixtures/word-templates, each merged for several records:
 * the merged text of every letter, and a package Word opens without repair.
 */

const mergeAndCheck = (
  name: string,
  records: readonly MergeRecord[],
): { docx: Uint8Array; letters: string[] } => {
  const docx = mergeDocument(readTemplate(wordTemplate(name)), records);
  const report = inspectDocx(docx);
  expect(report.problems).toEqual([]);
  expect(report.sections).toBe(records.length);
  return { docx, letters: letters(part(docx, "word/document.xml")).map(compact) };
};

describe("test_macword2011 (Word 2011 for Mac: complex fields, one simple field, MERGEFORMAT)", () => {
  const records: MergeRecord[] = [
    {
      values: {
        first_name: "Jens",
        last_name: "Hansen",
        address_line: "Nørregade 1",
        postal_code: "1165",
        city: "København K",
        state: "Hovedstaden",
        country: "Danmark",
        date: "2026-11-22",
      },
      language: "da-DK",
    },
    {
      values: {
        first_name: "Mary",
        last_name: "O'Brien & Co <Ltd>",
        address_line: "1 Main St",
        postal_code: "10001",
        city: "New York",
        state: "NY",
        country: "USA",
        date: new Date(Date.UTC(2026, 10, 22)),
      },
      language: "en-US",
    },
  ];

  it("finds every field, including the simple one", () => {
    const template = readTemplate(wordTemplate("test_macword2011"));
    expect(template.fieldNames).toEqual([
      "first_name",
      "last_name",
      "address_line",
      "postal_code",
      "city",
      "state",
      "country",
      "date",
    ]);
    expect(template.fields.find((f) => f.name === "city")).toMatchObject({
      form: "mergeField",
      switches: ["\\* MERGEFORMAT"],
    });
    expect(template.warnings).toEqual([]);
  });

  it("writes each record's letter, dates in the record's language", () => {
    const { letters: texts } = mergeAndCheck("test_macword2011", records);
    expect(texts).toEqual([
      [
        "Jens Hansen",
        "Nørregade 1",
        "1165 København K Hovedstaden Danmark",
        "Groningen, 22-11-2026,",
        "Dear Jens,",
        "I hope this message finds you well.",
        "Kind regards,",
        "docx-mailmerge.",
      ].join("\n"),
      [
        "Mary O'Brien & Co <Ltd>",
        "1 Main St",
        "10001 New York NY USA",
        "Groningen, 11/22/2026,",
        "Dear Mary,",
        "I hope this message finds you well.",
        "Kind regards,",
        "docx-mailmerge.",
      ].join("\n"),
    ]);
  });

  it("removes the template's mail-merge data source settings", () => {
    const { docx } = mergeAndCheck("test_macword2011", records);
    expect(part(docx, "word/settings.xml")).not.toContain("w:mailMerge");
  });
});

describe("test_winword2010 (Word 2010: quoted names, Access data source)", () => {
  it("matches quoted names and Adresregel_1 against the data source's 'Adresregel 1'", () => {
    const template = readTemplate(wordTemplate("test_winword2010"));
    expect(template.fieldNames).toEqual([
      "Titel",
      "Voornaam",
      "Achternaam",
      "Adresregel_1",
      "Postcode",
      "Plaats",
      "Provincie",
      "Land_of_regio",
    ]);
    const record = (first: string): MergeRecord => ({
      values: {
        Titel: "Dhr.",
        Voornaam: first,
        Achternaam: "de Vries",
        "Adresregel 1": "Herestraat 1",
        Postcode: "9711 LA",
        Plaats: "Groningen",
        Provincie: "Groningen",
        "Land of regio": "Nederland",
      },
    });
    const { letters: texts, docx } = mergeAndCheck("test_winword2010", [
      record("Bouke"),
      record("Frida"),
    ]);
    expect(texts[0]).toBe(
      [
        "Dhr. Bouke de Vries",
        "Herestraat 1",
        "9711 LA Groningen Groningen Nederland",
        "Groningen,",
        "Dear Bouke,",
        "I hope this document from WinWord 2010 finds you well.",
        "Kind regards,",
        "docx-mailmerge.",
      ].join("\n"),
    );
    expect(texts[1]).toContain("Dear Frida,");
    // The Access data source goes with w:mailMerge: its relationships and the recipient data part.
    expect(part(docx, "word/settings.xml")).not.toContain("w:mailMerge");
    expect(part(docx, "word/_rels/settings.xml.rels")).not.toContain("mailMergeSource");
    expect(() => part(docx, "word/recipientData.xml")).toThrow();
    expect(part(docx, "[Content_Types].xml")).not.toContain("recipientData");
  });
});

describe("test_merge_templates_simple (continuous section, header and footer without fields)", () => {
  it("starts every letter on a new page even though the template's section is continuous", () => {
    const { letters: texts, docx } = mergeAndCheck("test_merge_templates_simple", [
      { values: { fieldname: "one" } },
      { values: { fieldname: "two" } },
      { values: { fieldname: "three" } },
    ]);
    expect(texts).toEqual(["Merge : one", "Merge : two", "Merge : three"]);
    const document = part(docx, "word/document.xml");
    expect(document).not.toContain('w:val="continuous"');
    expect(document.match(/<w:type w:val="nextPage"\/>/g)).toHaveLength(3);
    // Headers without fields are shared by all letters.
    expect(storyTextsBySection(docx, "header")).toEqual([
      "Header on every page",
      "Header on every page",
      "Header on every page",
    ]);
    expect(storyTextsBySection(docx, "footer")).toEqual([
      "Footer on every page",
      "Footer on every page",
      "Footer on every page",
    ]);
  });
});

describe("test_one_simple_field (w:fldSimple)", () => {
  it("merges the simple field", () => {
    const { letters: texts } = mergeAndCheck("test_one_simple_field", [
      { values: { fieldname: "Hello" } },
      { values: { FieldName: "World" } },
    ]);
    expect(texts).toEqual(["Hello", "World"]);
  });

  it("gives the preview in place", () => {
    const docx = mergeOne(readTemplate(wordTemplate("test_one_simple_field")), {
      values: { fieldname: "Preview" },
    });
    expect(compact(text(part(docx, "word/document.xml")))).toBe("Preview");
    expect(inspectDocx(docx).problems).toEqual([]);
  });
});

describe("test_footer (a MERGEFIELD in the header, without a separate mark)", () => {
  it("finds the header field", () => {
    const template = readTemplate(wordTemplate("test_footer"));
    expect(template.fields).toEqual([
      {
        name: "footer",
        form: "mergeField",
        part: "word/header1.xml",
        switches: [],
        insideIf: false,
        inTableRow: false,
      },
    ]);
  });

  it("gives each letter its own header", () => {
    const { docx } = mergeAndCheck("test_footer", [
      { values: { footer: "first" } },
      { values: { footer: "second" } },
      { values: { footer: "third" } },
    ]);
    expect(storyTextsBySection(docx, "header")).toEqual([
      "Footer first",
      "Footer second",
      "Footer third",
    ]);
    // The footer (a tab, no field) stays shared.
    expect(new Set(storyTextsBySection(docx, "footer")).size).toBe(1);
  });
});

describe("test_merge_table_multipart (a table row of one-to-many data)", () => {
  const template = () => readTemplate(wordTemplate("test_merge_table_multipart"));
  const base = { student_name: "Bouke", study_name: "Python", thesis_grade: "A" };

  it("repeats the row for each item of the record's rows", () => {
    const { letters: texts, docx } = mergeAndCheck("test_merge_table_multipart", [
      {
        values: base,
        rows: {
          classes: [
            { class_code: "ECON101", class_name: "Economics 101", class_grade: "B" },
            { class_code: "ECONADV", class_name: "Economics Advanced", class_grade: "D" },
            { class_code: "OPRES", class_name: "Operations Research", class_grade: "A" },
          ],
        },
      },
      {
        values: { ...base, student_name: "Frida" },
        rows: { classes: [{ class_code: "PY1", class_name: "Python 1", class_grade: "C" }] },
      },
    ]);
    expect(texts[0]).toBe(
      [
        "Grades",
        "Bouke received the grades for Python in the table below.",
        "Class Code",
        "Class Name",
        "Grade",
        "ECON101",
        "Economics 101",
        "B",
        "ECONADV",
        "Economics Advanced",
        "D",
        "OPRES",
        "Operations Research",
        "A",
        "THESIS",
        "Final thesis",
        "A",
      ].join("\n"),
    );
    expect(texts[1]).toContain("Frida received the grades for Python");
    expect(texts[1]).toContain("PY1\nPython 1\nC\nTHESIS");
    expect(storyTextsBySection(docx, "header")[1]).toBe(
      "Python University\n(just a new document part)",
    );
  });

  it("shows the row once, from the record's own values, when the record has no rows", () => {
    const docx = mergeOne(template(), {
      values: { ...base, class_code: "X1", class_name: "Only", class_grade: "B" },
    });
    expect(compact(text(part(docx, "word/document.xml")))).toContain("X1\nOnly\nB\nTHESIS");
  });

  it("drops the row for an empty list, as Word does, though its fields carry no prefix", () => {
    const rowsOf = (docx: Uint8Array): number =>
      (part(docx, "word/document.xml").match(/<w:tr[ >]/g) ?? []).length;
    const full = mergeOne(template(), { values: base, rows: { classes: [{ class_code: "A" }] } });
    const docx = mergeOne(template(), { values: base, rows: { classes: [] } });
    expect(rowsOf(docx)).toBe(rowsOf(full) - 1);
    expect(compact(text(part(docx, "word/document.xml")))).toContain("Grade\nTHESIS");
  });
});
