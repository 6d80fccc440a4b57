import { mergeDocument, readTemplate, type MergeRecord } from "@shared/merge";
import { buildDocx, control, drawing, mergeField, p, t, PNG } from "./docx-builder";
import { wordTemplate } from "./fixture-files";
import { convertWithLibreOffice, printedPageCount } from "./libreoffice-convert";

/**
 * A second opinion from a real word processor: LibreOffice (apt-get install
 * libreoffice-writer-nogui; .ci/run installs it) opens each merged document and prints it to
 * PDF with one page per letter. Without it the test fails and says what to install
 * (libreoffice-convert.ts): it is never skipped.
 */
describe("LibreOffice opens the merged documents, one page per letter", () => {
  const records = (n: number): MergeRecord[] =>
    Array.from({ length: n }, (_, i) => ({
      values: {
        Name: `Contact ${i + 1}`,
        fieldname: `value ${i + 1}`,
        first_name: `First ${i + 1}`,
        footer: `Footer ${i + 1}`,
      },
    }));

  const documents: Record<string, { docx: Uint8Array; letters: number }> = {
    macword: {
      docx: mergeDocument(readTemplate(wordTemplate("test_macword2011")), records(4)),
      letters: 4,
    },
    continuous: {
      docx: mergeDocument(readTemplate(wordTemplate("test_merge_templates_simple")), records(3)),
      letters: 3,
    },
    header: {
      docx: mergeDocument(readTemplate(wordTemplate("test_footer")), records(5)),
      letters: 5,
    },
    built: {
      docx: mergeDocument(
        readTemplate(
          buildDocx({
            body:
              p(t("Dear "), control("Name"), drawing(1)) +
              `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${t("point")}</w:p>` +
              `<w:tbl><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid><w:tr><w:tc>${p(mergeField("Name"))}</w:tc></w:tr></w:tbl>`,
            numbering:
              '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
            stories: [{ kind: "header", content: p(t("To "), mergeField("Name")) }],
            extraParts: [
              {
                name: "word/media/image1.png",
                content: PNG,
                relType:
                  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
                relId: "rIdImg",
              },
            ],
          }),
        ),
        records(6),
      ),
      letters: 6,
    },
  };

  it("prints every document with as many pages as letters", () => {
    const pdfs = convertWithLibreOffice(
      Object.fromEntries(Object.entries(documents).map(([name, { docx }]) => [name, docx])),
      "pdf",
    );
    for (const [name, { letters }] of Object.entries(documents))
      expect([name, printedPageCount(pdfs[name] as Buffer)]).toEqual([name, letters]);
  }, 180_000);
});
