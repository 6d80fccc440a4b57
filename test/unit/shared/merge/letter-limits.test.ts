/**
 * What a letter may hold (DEFAULT_CONTENT_LIMITS): over a limit, readTemplate refuses with a
 * TemplateError naming the rule (`code`), the limit and the letter's own value, at the
 * defaults a real letter never comes near.
 */
import { strToU8, zipSync, type Zippable } from "fflate";
import {
  DEFAULT_CONTENT_LIMITS,
  readTemplate,
  TemplateError,
  type ContentLimits,
} from "@shared/merge";
import { buildDocx, mergeField, p, simpleField, t, type DocxSpec } from "./docx-builder";
import { wordTemplate } from "./fixture-files";

const refusal = (input: Uint8Array, limits: Partial<ContentLimits> = {}): TemplateError => {
  try {
    readTemplate(input, { limits });
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("the letter was accepted");
};

const docx = (spec: DocxSpec) => buildDocx(spec);
const repeat = (n: number, make: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => make(i)).join("");
/** Paragraphs that differ, so the part compresses like a real one (not refused as a bomb). */
const lines = (n: number): string => repeat(n, (i) => p(t(`Line ${i}`)));

describe("limits on what a letter holds", () => {
  it("states its defaults", () => {
    expect(DEFAULT_CONTENT_LIMITS).toEqual({
      maxElementsPerPart: 2_000_000,
      maxParagraphsPerPart: 100_000,
      maxFields: 10_000,
      maxTextChars: 100_000,
      maxDepth: 512,
      maxFieldDepth: 32,
    });
  });

  it("accepts Word's own letters, far below every limit", () => {
    for (const name of ["test_winword2010", "test_macword2011", "test_merge_table_multipart"]) {
      expect(
        readTemplate(wordTemplate(name), { limits: { maxFields: 40, maxDepth: 40 } }).fields.length,
      ).toBeGreaterThan(0);
    }
  });

  it("refuses more paragraphs in a part than the limit, and names the part", () => {
    const error = refusal(docx({ body: lines(100_001) }));
    expect(error).toMatchObject({
      name: "TemplateError",
      code: "too_many_paragraphs",
      part: "word/document.xml",
      limit: 100_000,
      actual: 100_001,
    });
    expect(error.message).toMatch(/100001 paragraphs; at most 100000/);
    expect(() =>
      readTemplate(docx({ body: lines(10) }), { limits: { maxParagraphsPerPart: 10 } }),
    ).not.toThrow();
    expect(refusal(docx({ body: lines(11) }), { maxParagraphsPerPart: 10 }).actual).toBe(11);
  });

  it("counts the paragraphs of headers, footers and notes each in their part", () => {
    const error = refusal(
      docx({ body: lines(3), stories: [{ kind: "footer", content: lines(6) }] }),
      { maxParagraphsPerPart: 5 },
    );
    expect(error).toMatchObject({
      code: "too_many_paragraphs",
      part: "word/footer1.xml",
      actual: 6,
    });
  });

  it("refuses more fields and content controls than the limit, all parts together", () => {
    const many = repeat(10_001, (i) => simpleField(` MERGEFIELD F${i} `));
    expect(refusal(docx({ body: p(many) }))).toMatchObject({
      code: "too_many_fields",
      limit: 10_000,
      actual: 10_001,
    });
    const spread = docx({
      body: p(mergeField("A"), simpleField(" PAGE ")),
      stories: [{ kind: "header", content: p(mergeField("B")) }],
    });
    expect(() => readTemplate(spread, { limits: { maxFields: 3 } })).not.toThrow();
    expect(refusal(spread, { maxFields: 2 })).toMatchObject({ code: "too_many_fields", actual: 3 });
  });

  it("refuses a run whose text is longer than the limit", () => {
    // Letters and spaces, as a pasted text would be (not a run of one repeated character).
    const words = Array.from({ length: 100_001 }, (_, i) =>
      i % 7 === 6 ? " " : "abcdefg"[i % 7],
    ).join("");
    expect(refusal(docx({ body: p(t(words)) }))).toMatchObject({
      code: "text_too_long",
      part: "word/document.xml",
      limit: 100_000,
      actual: 100_001,
    });
    expect(() => readTemplate(docx({ body: p(t(words.slice(1))) }))).not.toThrow();
  });

  it("refuses elements nested deeper than the limit", () => {
    const nested = (depth: number) =>
      `<w:p><w:r><w:t>${"<x:a>".repeat(depth)}${"</x:a>".repeat(depth)}</w:t></w:r></w:p>`;
    // w:document, w:body, w:p, w:r, w:t: five levels around the nest.
    expect(refusal(docx({ body: nested(600) }))).toMatchObject({
      code: "too_deep",
      limit: 512,
      actual: 605,
    });
    expect(() => readTemplate(docx({ body: nested(507) }))).not.toThrow();
  });

  it("refuses fields nested in fields deeper than the limit", () => {
    // Each IF holds the next in its code, as Word writes a field in a field.
    const nestedRuns = (depth: number): string =>
      repeat(
        depth,
        () =>
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF 1 = 1 "</w:instrText></w:r>',
      ) +
      mergeField("Name") +
      repeat(
        depth,
        () =>
          '<w:r><w:instrText xml:space="preserve">" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
      );
    expect(refusal(docx({ body: p(nestedRuns(40)) }))).toMatchObject({
      code: "fields_too_deep",
      limit: 32,
      actual: 41,
    });
    expect(readTemplate(docx({ body: p(nestedRuns(31)) })).fields).toHaveLength(1);
  });

  it("refuses a part with more XML elements than the limit, before parsing it", () => {
    expect(refusal(docx({ body: lines(500) }), { maxElementsPerPart: 1_000 })).toMatchObject({
      code: "too_many_elements",
      part: "word/document.xml",
      limit: 1_000,
    });
  });

  it("reads a paragraph of 200,000 list numbers without overflowing the stack", () => {
    const numbers = repeat(200_000, (i) => `<w:numPr><w:numId w:val="${i + 1}"/></w:numPr>`);
    const template = readTemplate(docx({ body: `<w:p><w:pPr>${numbers}</w:pPr>${t("x")}</w:p>` }));
    expect(template.compiled.used.maxNumId).toBe(200_000);
  });
});

describe("a zip bomb is refused however small the document", () => {
  const parts = (spec: DocxSpec): Zippable => {
    const { unzipSync } = jest.requireActual<typeof import("fflate")>("fflate");
    return unzipSync(buildDocx(spec));
  };

  it("refuses the 1.6 KB letter of 80,000 empty paragraphs: its body inflates hundreds of times", () => {
    const bomb = docx({ body: "<w:p/>".repeat(80_000) });
    expect(bomb.length).toBeLessThan(5_000);
    const error = refusal(bomb);
    expect(error).toMatchObject({
      code: "compression_ratio",
      part: "word/document.xml",
      limit: 100,
    });
    expect(error.actual).toBeGreaterThan(100);
  });

  it("refuses many small parts that together inflate like a bomb", () => {
    const many = parts({ body: p(t("Dear")) });
    for (let i = 0; i < 40; i++)
      many[`customXml/item${i}.xml`] = strToU8(`<a>${" ".repeat(200_000)}</a>`);
    const error = refusal(zipSync(many));
    expect(error).toMatchObject({ code: "compression_ratio", part: undefined, limit: 100 });
  });

  it("accepts a small part that compresses extremely, as an old form of empty table cells does", () => {
    const cell =
      '<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr><w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"/></w:tc>';
    const table = `<w:tbl>${`<w:tr w:rsidR="00A1B2C3">${cell.repeat(10)}</w:tr>`.repeat(200)}</w:tbl>`;
    const form = docx({ body: p(t("Sign up: "), mergeField("Name")) + table + p(t("")) });
    expect(readTemplate(form).fieldNames).toEqual(["Name"]);
  });
});
