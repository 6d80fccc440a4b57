import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mergeDocument, readTemplate, TemplateError, type MergeRecord } from "@shared/merge";
import { buildDocx, p, simpleField, t } from "./docx-builder";
import { letters, part } from "./docx-text";
import { inspectDocx } from "./ooxml-assertions";

/**
 * Word's ADDRESSBLOCK and GREETINGLINE as Word writes them (Mailings > Address Block, Greeting
 * Line): a complex field whose code carries the \f placeholder template with its line breaks,
 * \l, \c, \e and \d, the result showing «AddressBlock» until merged.
 */

/** Word ends the \f template's lines with a carriage return, written as a character reference. */
const escape = (code: string): string =>
  code.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");

/** A complex field, its code in one w:instrText as Word writes these two. */
const wordField = (code: string, shown: string): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve">${escape(code)}</w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  `<w:r><w:rPr><w:noProof/></w:rPr><w:t>«${shown}»</w:t></w:r>` +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** Word's default address block format ("Joshua Randall Jr.", company, street, city line, country). */
const WORD_FORMAT =
  "<<_TITLE0_ >><<_FIRST0_>><< _LAST0_>><< _SUFFIX0_>>\r<<_COMPANY_\r>><<_STREET1_\r>><<_STREET2_\r>><<_CITY_>><<, _STATE_>><< _POSTAL_>><<\r_COUNTRY_>>";

const addressBlock = (switches: string): string =>
  wordField(` ADDRESSBLOCK \\f "${WORD_FORMAT}" ${switches} `, "AddressBlock");

const greetingLine = (switches: string): string =>
  wordField(` GREETINGLINE ${switches} `, "GreetingLine");

/** The values a Mergeline letter carries (shared/letter/merge-fields.ts). */
const jens: MergeRecord = {
  language: "da-DK",
  values: {
    Name: "Jens Hansen",
    "First Name": "Jens",
    Surname: "Hansen",
    Salutation: "Kære Jens",
    "Company Name": "Nord A/S",
    Address: "Vestergade 1",
    "Post Code": "8000",
    City: "Aarhus C",
    "Country/Region Code": "DK",
  },
};
const ann: MergeRecord = {
  language: "en-US",
  values: {
    Name: "Ann Lee",
    "First Name": "Ann",
    Surname: "Lee",
    Salutation: null,
    "Company Name": "Acme Inc.",
    Address: "1 Main Street",
    "Post Code": "62701",
    City: "Springfield",
    County: "IL",
    "Country/Region Code": "US",
  },
};
const tom: MergeRecord = {
  language: "en-GB",
  values: {
    Name: "Tom Hill",
    "First Name": "Tom",
    Surname: "Hill",
    Salutation: "Dear Mr Hill",
    Address: "10 Downing Street",
    "Post Code": "SW1A 2AA",
    City: "London",
    "Country/Region Code": "GB",
  },
};
/** A company contact: its Company Name is its own name, and it has no person's name. */
const nordGmbH: MergeRecord = {
  language: "de-DE",
  values: {
    Name: "Nord GmbH",
    "First Name": null,
    Surname: null,
    Salutation: null,
    "Company Name": "Nord GmbH",
    Address: "Hauptstraße 5",
    "Post Code": "20095",
    City: "Hamburg",
    "Country/Region Code": "DE",
  },
};
const records = [jens, ann, tom, nordGmbH];

const merge = (body: string, recs: readonly MergeRecord[]): Uint8Array => {
  const docx = mergeDocument(readTemplate(buildDocx({ body })), recs);
  expect(inspectDocx(docx).problems).toEqual([]);
  return docx;
};

const lettersOf = (body: string, recs: readonly MergeRecord[] = records): string[] =>
  letters(part(merge(body, recs), "word/document.xml"));

const validate = (docx: Uint8Array): void => {
  const file = join(mkdtempSync(join(tmpdir(), "address-fields-")), "letters.docx");
  writeFileSync(file, docx);
  expect(() =>
    execFileSync("/work/shared/schemas/ooxml/validate-docx", [file], { stdio: "pipe" }),
  ).not.toThrow();
};

describe("ADDRESSBLOCK as Word writes it", () => {
  it("\\d lays each address out by its country; \\c 2 \\e leaves out the excluded country", () => {
    const body = p(addressBlock('\\l 1030 \\c 2 \\e "Danmark" \\d'));
    expect(lettersOf(body)).toEqual([
      "Nord A/S\nJens Hansen\nVestergade 1\n8000 Aarhus C",
      "Ann Lee\nAcme Inc.\n1 Main Street\nSpringfield, IL 62701\nUSA",
      "Tom Hill\n10 Downing Street\nLondon\nSW1A 2AA\nStorbritannien",
      "Nord GmbH\nHauptstraße 5\n20095 Hamburg\nTyskland",
    ]);
  });

  it("writes the lines as w:br in one paragraph, as Word does, and the output is valid OOXML", () => {
    const docx = merge(p(addressBlock('\\l 1033 \\c 2 \\e "United States" \\d')), records);
    const xml = part(docx, "word/document.xml");
    expect(xml).not.toContain("ADDRESSBLOCK");
    expect(xml).toContain(
      '<w:t xml:space="preserve">Ann Lee</w:t><w:br/><w:t xml:space="preserve">Acme Inc.</w:t>',
    );
    validate(docx);
  });

  it("\\c 1 always names the country, \\c 0 never (in \\l's language)", () => {
    expect(lettersOf(p(addressBlock("\\l 1033 \\c 1 \\d")), [jens])).toEqual([
      "Nord A/S\nJens Hansen\nVestergade 1\n8000 Aarhus C\nDenmark",
    ]);
    expect(lettersOf(p(addressBlock("\\l 1033 \\c 0 \\d")), [nordGmbH])).toEqual([
      "Nord GmbH\nHauptstraße 5\n20095 Hamburg",
    ]);
  });

  it("several \\e leave out each of their countries", () => {
    const body = p(addressBlock('\\l 1033 \\c 2 \\e "United States" \\e "Germany" \\d'));
    expect(lettersOf(body, [ann, nordGmbH])).toEqual([
      "Ann Lee\nAcme Inc.\n1 Main Street\nSpringfield, IL 62701",
      "Nord GmbH\nHauptstraße 5\n20095 Hamburg",
    ]);
  });

  it("without \\d, the author's \\f order: groups shown only with their values", () => {
    const body = p(addressBlock('\\l 1033 \\c 2 \\e "United States"'));
    expect(lettersOf(body, [ann, jens, nordGmbH])).toEqual([
      "Ann Lee\nAcme Inc.\n1 Main Street\nSpringfield, IL 62701",
      "Jens Hansen\nNord A/S\nVestergade 1\nAarhus C 8000\nDenmark",
      "Nord GmbH\nHauptstraße 5\nHamburg 20095\nGermany",
    ]);
  });

  it("a person without an address of their own is written to at the company's", () => {
    const bo: MergeRecord = {
      language: "da-DK",
      values: {
        Name: "Bo Berg",
        "First Name": "Bo",
        Surname: "Berg",
        "Company Name": "Nord A/S",
        "Company Address": "Vestergade 1",
        "Company Post Code": "8000",
        "Company City": "Aarhus C",
      },
    };
    expect(lettersOf(p(addressBlock('\\l 1030 \\c 2 \\e "Danmark" \\d')), [bo])).toEqual([
      "Nord A/S\nBo Berg\nVestergade 1\n8000 Aarhus C",
    ]);
  });

  it("the simple form without switches: the country's layout in the record's language", () => {
    const body = p(t("Til: "), simpleField(" ADDRESSBLOCK ", "«AddressBlock»"));
    expect(lettersOf(body, [jens, nordGmbH])).toEqual([
      "Til: Nord A/S\nJens Hansen\nVestergade 1\n8000 Aarhus C",
      "Til: Nord GmbH\nHauptstraße 5\n20095 Hamburg",
    ]);
  });
});

describe("GREETINGLINE as Word writes it", () => {
  const WORD_GREETING = '\\f "<<_BEFORE_ Dear >><<_TITLE0_ >><<_LAST0_>><<_AFTER_ ,>>" \\l 1033';

  it("the title form takes the contact's salutation; no name gives \\e, never 'Dear ,'", () => {
    const body = p(greetingLine(`${WORD_GREETING} \\e "Dear Sir or Madam,"`));
    const nameless: MergeRecord = { language: "en-US", values: { Name: "", Surname: "" } };
    expect(lettersOf(body, [tom, ann, nordGmbH, nameless])).toEqual([
      "Dear Mr Hill,",
      "Dear Lee,",
      "Dear Sir or Madam,",
      "Dear Sir or Madam,",
    ]);
  });

  it("a first-name format by name; a format needing the last name falls back without one", () => {
    const first = p(greetingLine('\\f "<<_BEFORE_ Hi >><<_FIRST0_>><<_AFTER_ !>>" \\e "Hello!"'));
    const firstOnly: MergeRecord = { values: { Name: "Bo", "First Name": "Bo" } };
    expect(lettersOf(first, [ann, firstOnly, nordGmbH])).toEqual(["Hi Ann!", "Hi Bo!", "Hello!"]);
    const last = p(greetingLine(`${WORD_GREETING} \\e "Dear Sir or Madam,"`));
    expect(lettersOf(last, [firstOnly])).toEqual(["Dear Sir or Madam,"]);
  });

  it("without \\e the fallback is in the record's language: Kære kunde, / Dear Sir or Madam,", () => {
    const body = p(simpleField(" GREETINGLINE ", "«GreetingLine»"));
    const danishCompany: MergeRecord = { ...nordGmbH, language: "da-DK" };
    const englishCompany: MergeRecord = { ...nordGmbH, language: "en-US" };
    expect(lettersOf(body, [jens, ann, danishCompany, englishCompany])).toEqual([
      "Kære Jens,",
      "Dear Ann Lee,",
      "Kære kunde,",
      "Dear Sir or Madam,",
    ]);
  });

  it("a letter with both fields is valid OOXML", () => {
    const body =
      p(addressBlock('\\l 1030 \\c 2 \\e "Danmark" \\d')) +
      p(greetingLine(`${WORD_GREETING} \\e "Dear Sir or Madam,"`)) +
      p(t("Tak for sidst."));
    validate(merge(body, records));
  });
});

describe("ADDRESSBLOCK and GREETINGLINE switches Word would not accept", () => {
  const refused = (code: string): TemplateError => {
    try {
      readTemplate(buildDocx({ body: p(wordField(code, "x")) }));
    } catch (error) {
      if (error instanceof TemplateError) return error;
      throw error;
    }
    throw new Error(`${code} was read`);
  };

  it.each([
    [" ADDRESSBLOCK \\c 7 ", "\\c"],
    [" ADDRESSBLOCK \\l Danish ", "\\l"],
    [' ADDRESSBLOCK \\f "<<_FIRST0_ \\d ', "<<"],
    [" ADDRESSBLOCK \\e ", "\\e"],
    [" ADDRESSBLOCK \\q 1 ", "\\q"],
    [' GREETINGLINE \\e "A" \\e "B" ', "\\e"],
    [" GREETINGLINE \\c 1 ", "\\c"],
    [' GREETINGLINE "Dear" ', "Dear"],
  ])("%s is refused with invalid_field_switch, naming %s", (code, named) => {
    const error = refused(code);
    expect(error.code).toBe("invalid_field_switch");
    expect(error.message).toContain(named);
  });
});
