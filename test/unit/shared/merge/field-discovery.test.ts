import { readTemplate, type FieldUse } from "@shared/merge";
import { buildDocx, control, field, mergeField, p, simpleField, t } from "./docx-builder";

const names = (fields: readonly FieldUse[]) =>
  fields.map((f) => `${f.part.replace("word/", "")}:${f.form}:${f.name}`);

describe("field discovery", () => {
  it("finds content controls and MERGEFIELDs in body, headers, footers, footnotes and endnotes", () => {
    const docx = buildDocx({
      body:
        p(t("Dear "), control("First Name"), t(" "), mergeField("LastName")) +
        control("Address", "block", 101) +
        p(simpleField(" MERGEFIELD City \\* Upper ")) +
        p(
          t("See note"),
          '<w:r><w:footnoteReference w:id="1"/></w:r>',
          '<w:r><w:endnoteReference w:id="1"/></w:r>',
        ),
      stories: [
        { kind: "header", content: p(mergeField("Company")) },
        { kind: "footer", content: p(control("Salesperson", "inline", 102)) },
      ],
      footnotes: `<w:footnote w:id="1">${p(t("Contact: "), mergeField("Phone"))}</w:footnote>`,
      endnotes: `<w:endnote w:id="1">${p(simpleField(" MERGEFIELD Email "))}</w:endnote>`,
    });
    const template = readTemplate(docx);
    expect(names(template.fields)).toEqual([
      "document.xml:contentControl:First Name",
      "document.xml:mergeField:LastName",
      "document.xml:contentControl:Address",
      "document.xml:mergeField:City",
      "header1.xml:mergeField:Company",
      "footer2.xml:contentControl:Salesperson",
      "footnotes.xml:mergeField:Phone",
      "endnotes.xml:mergeField:Email",
    ]);
    expect(template.fields.find((f) => f.name === "City")?.switches).toEqual(["\\* Upper"]);
    expect(template.fieldNames).toHaveLength(8);
    expect(template.warnings).toEqual([]);
  });

  it("reads a code split over runs, with proofing marks, bookmarks and rsids between", () => {
    const code =
      '<w:r w:rsidR="00A1"><w:fldChar w:fldCharType="begin"/></w:r>' +
      '<w:r w:rsidR="00A2"><w:instrText xml:space="preserve"> MERGE</w:instrText></w:r>' +
      '<w:proofErr w:type="spellStart"/>' +
      '<w:r w:rsidR="00A3"><w:instrText>FIELD</w:instrText></w:r>' +
      '<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="5" w:name="mark"/>' +
      '<w:r><w:instrText xml:space="preserve"> "Contact </w:instrText></w:r><w:bookmarkEnd w:id="5"/>' +
      '<w:r><w:instrText xml:space="preserve">Name" \\* </w:instrText></w:r>' +
      "<w:r><w:instrText>MERGEFORMAT</w:instrText></w:r>" +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«Contact Name»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const template = readTemplate(buildDocx({ body: p(code) }));
    expect(template.fields).toEqual([
      {
        name: "Contact Name",
        form: "mergeField",
        part: "word/document.xml",
        switches: ["\\* MERGEFORMAT"],
        insideIf: false,
        inTableRow: false,
      },
    ]);
  });

  it("marks MERGEFIELDs inside IF fields, and fields in table rows", () => {
    const ifField =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>' +
      mergeField("Gender") +
      '<w:r><w:instrText xml:space="preserve"> = "F" "Dear Ms " "Dear Mr " </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Dear Mr </w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const table = `<w:tbl><w:tr><w:tc>${p(mergeField("Item"))}</w:tc></w:tr></w:tbl>`;
    const template = readTemplate(
      buildDocx({ body: p(ifField, mergeField("LastName")) + table + p() }),
    );
    expect(template.fields.map((f) => [f.name, f.insideIf, f.inTableRow])).toEqual([
      ["Gender", true, false],
      ["LastName", false, false],
      ["Item", false, true],
    ]);
  });

  it("reads quoted names with spaces, curly quotes and names without quotes but with spaces", () => {
    const template = readTemplate(
      buildDocx({
        body: p(
          field(' MERGEFIELD "Post Code" '),
          field(" MERGEFIELD \u201cCity Name\u201d "),
          field(" MERGEFIELD Country Region \\* Upper "),
          field(" mergefield lower_case "),
        ),
      }),
    );
    expect(template.fieldNames).toEqual(["Post Code", "City Name", "Country Region", "lower_case"]);
  });

  it("takes a content control's tag as the field name, with optional switches", () => {
    const template = readTemplate(
      buildDocx({ body: p(control('Letter Date \\@ "d. MMMM yyyy"')) }),
    );
    expect(template.fields).toEqual([
      {
        name: "Letter Date",
        form: "contentControl",
        part: "word/document.xml",
        switches: ['\\@ "d. MMMM yyyy"'],
        insideIf: false,
        inTableRow: false,
      },
    ]);
  });

  it("ignores content controls that are not fields: untagged, pictures, checkboxes, building blocks", () => {
    const untagged = `<w:sdt><w:sdtPr><w:id w:val="1"/></w:sdtPr><w:sdtContent>${t("x")}</w:sdtContent></w:sdt>`;
    const picture = `<w:sdt><w:sdtPr><w:tag w:val="Logo"/><w:id w:val="2"/><w:picture/></w:sdtPr><w:sdtContent>${t("x")}</w:sdtContent></w:sdt>`;
    const toc = `<w:sdt><w:sdtPr><w:tag w:val="Toc"/><w:id w:val="3"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${p(t("x"))}</w:sdtContent></w:sdt>`;
    const template = readTemplate(buildDocx({ body: p(untagged, picture) + toc + p() }));
    expect(template.fields).toEqual([]);
  });

  it("reports fields it leaves alone", () => {
    const spanning =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>' +
      mergeField("A") +
      '<w:r><w:instrText xml:space="preserve"> = "1" "one</w:instrText></w:r></w:p>' +
      '<w:p><w:r><w:instrText xml:space="preserve">two" "" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const template = readTemplate(
      buildDocx({
        body:
          spanning +
          p(field(' ASK x "Which?" ')) +
          p(field(" MERGEFIELD ")) +
          p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'),
      }),
    );
    expect(template.warnings.map((w) => w.code)).toEqual([
      "field_spans_paragraphs",
      "unsupported_field",
      "invalid_field_code",
      "unterminated_field",
    ]);
    // The MERGEFIELD inside the IF that spans paragraphs is still known.
    expect(template.fieldNames).toEqual(["A"]);
  });
});
