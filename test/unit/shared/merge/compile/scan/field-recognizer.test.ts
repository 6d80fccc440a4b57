import { FieldRecognizer } from "@shared/merge/compile/scan/field-recognizer";
import { ParagraphRecognizer } from "@shared/merge/compile/scan/paragraph-recognizer";
import { RowRecognizer } from "@shared/merge/compile/scan/row-recognizer";
import { RunRecognizer } from "@shared/merge/compile/scan/run-recognizer";
import type { FieldScan } from "@shared/merge/compile/scan/scan-types";
import { field, mergeField, p, simpleField, t } from "../../docx-builder";
import { documentXml, tokenText, walked } from "../part-text";

const scan = (body: string, maxFieldDepth = 32) => {
  const xml = documentXml(body);
  const paragraphs = new ParagraphRecognizer(xml);
  const rows = new RowRecognizer();
  const runs = new RunRecognizer();
  const fields = new FieldRecognizer(xml, { paragraphs, rows, runs }, maxFieldDepth);
  const tokens = walked(xml, {
    open: (i, token, at) => {
      runs.open(i, token, at);
      paragraphs.open(i, token, at);
      fields.open(i, token);
      rows.open(i, token, at);
    },
    close: (i, token, openIndex, at) => {
      runs.close(i, token, openIndex);
      paragraphs.close(i, token, openIndex, at);
      fields.close(i, token);
      rows.close(i, token);
    },
    text: (i, token) => fields.text(i, token),
  });
  return { xml, tokens, fields };
};

const begin = (code: string): string => '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + code;
const code = (text: string): string =>
  `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
const separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

describe("FieldRecognizer", () => {
  it("reads a complex field's code, its last result and the runs that format them", () => {
    const { xml, tokens, fields } = scan(
      p(t("Dear "), mergeField("First Name", "", "<w:rPr><w:b/></w:rPr>")),
    );
    const [only] = fields.fields as [FieldScan];
    expect(only.pieces).toEqual([" MERGEFIELD First Name "]);
    expect(only.resultText).toBe("«First Name»");
    expect(tokenText(xml, tokens, only.begin)).toBe('<w:fldChar w:fldCharType="begin"/>');
    expect(tokenText(xml, tokens, only.end)).toBe('<w:fldChar w:fldCharType="end"/>');
    expect(tokenText(xml, tokens, only.firstCodeRun)).toBe("<w:r>");
    expect(only.firstResultRun).toBeGreaterThan(only.separate);
    expect(only.paragraphAtBegin).toBe(only.paragraphAtEnd);
    expect(fields.fieldCount).toBe(1);
  });

  it("nests fields in a field's code and in its result", () => {
    const hyperlink =
      begin(code(' HYPERLINK "mailto:')) +
      mergeField("Email") +
      code('" ') +
      separate +
      t("write to us") +
      end;
    const { fields } = scan(p(hyperlink) + p(field(" IF 1 = 1 ", "")) + p(mergeField("Name")));
    const [link, ifField, name] = fields.fields as [FieldScan, FieldScan, FieldScan];
    const nested = link.pieces[1] as FieldScan;
    expect(link.pieces).toEqual([' HYPERLINK "mailto:', nested, '" ']);
    expect(nested).toMatchObject({ inParentCode: true, pieces: [" MERGEFIELD Email "] });
    expect(nested.parent).toBe(link);
    expect(link.resultText).toBe("write to us");
    expect(ifField.inResult).toEqual([]);
    expect(name.parent).toBeUndefined();

    const inResult = scan(p(begin(code(" IF 1 = 1 ")) + separate + mergeField("Name") + end));
    const [outer] = inResult.fields.fields as [FieldScan];
    expect(outer.inResult.map((f) => [f.pieces, f.inParentCode])).toEqual([
      [[" MERGEFIELD Name "], false],
    ]);
    expect(inResult.fields.fieldCount).toBe(2);
  });

  it("reads a simple field's code, unescaped, and whether it sits in a complex field", () => {
    const { fields } = scan(
      p(simpleField(' MERGEFIELD "Tom &amp; Co" ')) +
        p(begin(code(" IF 1 = 1 ")) + separate + simpleField(" MERGEFIELD Name ") + end),
    );
    expect(fields.simpleFields.map((f) => [f.code, f.resultText, f.nested])).toEqual([
      [' MERGEFIELD "Tom & Co" ', "«x»", false],
      [" MERGEFIELD Name ", "«x»", true],
    ]);
    expect(fields.fieldCount).toBe(3);
  });

  it("nests a simple field in the complex field whose code or result holds it", () => {
    const { xml, tokens, fields } = scan(
      p(
        begin(code(" IF ")) +
          simpleField(" MERGEFIELD City ", "«City»") +
          code(' = "Aarhus" "x" "y" ') +
          separate +
          simpleField(" MERGEFIELD Name ", "«Name»") +
          end,
      ),
    );
    const [outer] = fields.fields as [FieldScan];
    const inCode = outer.pieces[1] as FieldScan;
    expect(outer.pieces).toEqual([" IF ", inCode, ' = "Aarhus" "x" "y" ']);
    expect(inCode).toMatchObject({
      inParentCode: true,
      pieces: [" MERGEFIELD City "],
      resultText: "«City»",
    });
    expect(inCode.separate).toBe(inCode.begin);
    expect(inCode.parent).toBe(outer);
    expect(tokenText(xml, tokens, inCode.begin)).toMatch(/^<w:fldSimple /);
    expect(tokenText(xml, tokens, inCode.end)).toBe("</w:fldSimple>");
    expect(tokenText(xml, tokens, inCode.firstResultRun)).toBe("<w:r>");
    expect(outer.inResult.map((f) => [f.pieces, f.inParentCode])).toEqual([
      [[" MERGEFIELD Name "], false],
    ]);
    expect(fields.fieldCount).toBe(3);
  });

  it("counts fields that begin without ending and ends without a beginning", () => {
    expect(
      scan(p(end) + p(begin(code(" PAGE "))) + p(begin(code(" PAGE ")))).fields.unterminated,
    ).toBe(3);
  });

  it("sees a field that runs over two paragraphs", () => {
    const [only] = scan(p(begin(code(" MERGEFIELD A "))) + p(end)).fields.fields as [FieldScan];
    expect(only.paragraphAtBegin).not.toBe(only.paragraphAtEnd);
  });

  it("refuses fields nested deeper than the limit when the walk ends", () => {
    const ifHoldingMerge = begin(code(" IF ")) + mergeField("A") + code(' = 1 "y" "n" ') + end;
    const { fields } = scan(p(ifHoldingMerge), 1);
    expect(() => fields.finish("word/document.xml")).toThrow(
      expect.objectContaining({
        name: "TemplateError",
        code: "fields_too_deep",
        limit: 1,
        actual: 2,
      }),
    );
    expect(() => scan(p(ifHoldingMerge), 2).fields.finish("word/document.xml")).not.toThrow();
  });
});
