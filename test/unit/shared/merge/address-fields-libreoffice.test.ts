import { mergeDocument, readTemplate, type MergeRecord } from "@shared/merge";
import { buildDocx, p, t } from "./docx-builder";
import { convertWithLibreOffice, printedPageCount } from "./libreoffice-convert";

/**
 * A Word-authored ADDRESSBLOCK/GREETINGLINE letter read back by LibreOffice: one page per
 * letter, the address's lines as lines, and no "Dear ,". libreoffice.test.ts fails with what to
 * install when soffice is missing; this test needs it too.
 */

const escape = (code: string): string => code.replace(/</g, "&lt;").replace(/>/g, "&gt;");
const wordField = (code: string, shown: string): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve">${escape(code)}</w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  `<w:r><w:t>«${shown}»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

const letter = buildDocx({
  body:
    p(
      wordField(
        ' ADDRESSBLOCK \\f "<<_FIRST0_>><< _LAST0_>>\n<<_COMPANY_\n>><<_STREET1_\n>><<_CITY_>><< _POSTAL_>>" \\l 1030 \\c 2 \\e "Danmark" \\d ',
        "AddressBlock",
      ),
    ) +
    p(
      wordField(
        ' GREETINGLINE \\f "<<_BEFORE_ Kære >><<_FIRST0_>><<_AFTER_ ,>>" \\l 1030 \\e "Kære kunde," ',
        "GreetingLine",
      ),
    ) +
    p(t("Tak for sidst.")),
});

const records: MergeRecord[] = [
  {
    language: "da-DK",
    values: {
      Name: "Jens Hansen",
      "First Name": "Jens",
      Surname: "Hansen",
      Address: "Vestergade 1",
      "Post Code": "8000",
      City: "Aarhus C",
      "Country/Region Code": "DK",
    },
  },
  {
    language: "da-DK",
    values: {
      Name: "Nord GmbH",
      "Company Name": "Nord GmbH",
      Address: "Hauptstraße 5",
      "Post Code": "20095",
      City: "Hamburg",
      "Country/Region Code": "DE",
    },
  },
];

describe("LibreOffice reads merged ADDRESSBLOCK and GREETINGLINE letters", () => {
  it("one page per letter, each address line on its own line, the fallback greeting", () => {
    const documents = { letters: mergeDocument(readTemplate(letter), records) };
    const pdf = convertWithLibreOffice(documents, "pdf")["letters"] as Buffer;
    expect(printedPageCount(pdf)).toBe(2);
    const text = convertWithLibreOffice(documents, "txt:Text (encoded):UTF8")["letters"] as Buffer;
    const lines = text
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines).toEqual([
      "Jens Hansen",
      "Vestergade 1",
      "8000 Aarhus C",
      "Kære Jens,",
      "Tak for sidst.",
      "Nord GmbH",
      "Hauptstraße 5",
      "20095 Hamburg",
      "Tyskland",
      "Kære kunde,",
      "Tak for sidst.",
    ]);
  }, 180_000);
});
