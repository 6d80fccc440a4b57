/**
 * Reading a letter and merging it take work proportional to the letter and the records: twice
 * the input, twice the steps. Steps are counted (work-meter.ts), never timed. Each letter below
 * is the shape of a quadratic this engine once had: a search from each tag to the end of the
 * document, a cut-and-glue of the whole part once per edit, a list searched once per element.
 * Quadratic work shows as a growth near 4; linear work as 2 (a little less, for the fixed cost
 * of styles, settings and the zip).
 */
import {
  mergeDocument,
  mergeEach,
  readTemplate,
  type MergeRecord,
  type Template,
} from "@shared/merge";
import { buildDocx, control, mergeField, p, simpleField, t, type DocxSpec } from "./docx-builder";
import { growth } from "./work-meter";

const LINEAR = 2.3;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML = "application/vnd.openxmlformats-officedocument.wordprocessingml";

const read = (spec: DocxSpec): Template => readTemplate(buildDocx(spec));
const repeat = (n: number, make: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => make(i)).join("");
const record = (i = 0): MergeRecord => ({ values: { Name: `Contact ${i}` }, fileName: "Anna" });

/** Letters whose reading once took quadratic work: a name, the letter of size n, the n to start from. */
const LETTERS: [string, (n: number) => DocxSpec, number][] = [
  // part-scan.ts looked for w14:paraId from each <w:p> to the end of the document.
  [
    "empty paragraphs without w14:paraId (the 1.6 KB letter)",
    (n) => ({ body: "<w:p/>".repeat(n) }),
    1000,
  ],
  [
    "paragraphs of text, one entity at the very end",
    (n) => ({
      body:
        repeat(
          n,
          (i) => `<w:p w14:paraId="${(0x10000000 + i).toString(16)}">${t(`Line ${i}`)}</w:p>`,
        ) + p(t("Tom &amp; Jerry")),
    }),
    1000,
  ],
  [
    "a tag with many attributes before a long text",
    (n) => ({
      body: p(
        `<w:r><w:t xml:space="preserve" ${repeat(n, (i) => `x:a${i}="${i}" `)}>${"text ".repeat(2 * n)}</w:t></w:r>`,
      ),
    }),
    1000,
  ],
  [
    "block content controls",
    (n) => ({ body: repeat(n, (i) => control(`Field ${i}`, "block", 100 + i)) }),
    1000,
  ],
  [
    "merge fields, simple fields and inline controls",
    (n) => ({
      body: repeat(n, (i) =>
        p(mergeField(`Name${i}`), simpleField(` MERGEFIELD City${i} `), control(`Note ${i}`)),
      ),
    }),
    1000,
  ],
  [
    "headers without a content type of their own, among many overrides",
    (n) => ({
      body: p(t("Dear "), mergeField("Name")),
      extraParts: [
        ...Array.from({ length: n }, (_, i) => ({
          name: `word/h${i}.xml`,
          content: `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${p(t(`h${i}`))}</w:hdr>`,
          relType: `${REL}/header`,
          relId: `rIdH${i}`,
        })),
        {
          name: "word/unused.xml",
          content: "<x/>",
          contentType: "application/xml",
        },
        ...Array.from({ length: n }, (_, i) => ({
          name: `customXml/item${i}.xml`,
          content: "<x/>",
          contentType: `${WML}.custom${i}+xml`,
        })),
      ],
    }),
    // Two parts per n: 2n of them stay under the 2,000 parts a package may have.
    400,
  ],
];

describe("reading a letter is linear in its size", () => {
  it.each(LETTERS)("%s", (_name, letter, size) => {
    expect(growth((n) => read(letter(n)), size)).toBeLessThan(LINEAR);
  });
});

describe("merging is linear in the letter and in the records", () => {
  const simple = read({ body: p(t("Dear "), mergeField("Name")) + p(t("Regards")) });

  it("one document for twice the records", () => {
    const records = (n: number) => Array.from({ length: n }, (_, i) => record(i));
    expect(growth((n) => mergeDocument(simple, records(n)), 200)).toBeLessThan(LINEAR);
  });

  it("one document per contact, all with the same name", () => {
    const records = (n: number) => Array.from({ length: n }, (_, i) => record(i));
    expect(growth((n) => mergeEach(simple, records(n)), 1000)).toBeLessThan(LINEAR);
  });

  it("bookmarks whose names are cut to the same 40 characters in later letters", () => {
    const letter = (n: number) =>
      read({
        body: repeat(
          n,
          (i) =>
            `<w:p><w:bookmarkStart w:id="${i}" w:name="${"B".repeat(38)}${String(i).padStart(6, "0")}"/>${t("x")}<w:bookmarkEnd w:id="${i}"/></w:p>`,
        ),
      });
    expect(growth((n) => mergeDocument(letter(n), [record(1), record(2)]), 500)).toBeLessThan(
      LINEAR,
    );
  });

  it("comments, each with its relationship and content type, dropped from the output", () => {
    const letter = (n: number) =>
      read({
        body: p(t("Dear "), mergeField("Name")),
        extraParts: Array.from({ length: n }, (_, i) => ({
          name: `word/comments${i}.xml`,
          content: `<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
          contentType: `${WML}.comments+xml`,
          relType: `${REL}/comments`,
          relId: `rIdC${i}`,
        })),
      });
    expect(growth((n) => mergeDocument(letter(n), [record()]), 500)).toBeLessThan(LINEAR);
  });

  it("sections, each referencing a header that holds a field, copied per letter", () => {
    // One header part behind many relationships: each section's header is its own copy.
    const letter = (n: number) =>
      read({
        body: repeat(
          n,
          (i) =>
            `<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdS${i}"/></w:sectPr></w:pPr>${t(`Section ${i}`)}</w:p>`,
        ),
        extraParts: Array.from({ length: n }, (_, i) => ({
          name: "word/header-s.xml",
          content: `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${p(mergeField("Name"))}</w:hdr>`,
          contentType: `${WML}.header+xml`,
          relType: `${REL}/header`,
          relId: `rIdS${i}`,
        })),
      });
    expect(growth((n) => mergeDocument(letter(n), [record(1), record(2)]), 1000)).toBeLessThan(
      LINEAR,
    );
  });
});
