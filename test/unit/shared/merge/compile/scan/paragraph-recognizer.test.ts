import { ParagraphRecognizer } from "@shared/merge/compile/scan/paragraph-recognizer";
import type { ParagraphScan } from "@shared/merge/compile/scan/scan-types";
import { documentXml, tokenText, walked } from "../part-text";

const scan = (body: string) => {
  const xml = documentXml(body);
  const recognizer = new ParagraphRecognizer(xml);
  const tokens = walked(xml, recognizer);
  return { xml, tokens, paragraphs: recognizer.paragraphs };
};

describe("ParagraphRecognizer", () => {
  it("tells the body's paragraphs from those in tables, and finds empty ones", () => {
    const { paragraphs } = scan(
      "<w:p/><w:tbl><w:tr><w:tc><w:p><w:r/></w:p></w:tc></w:tr></w:tbl><w:p></w:p>",
    );
    expect(paragraphs.map((p) => [p.bodyLevel, p.close === p.open])).toEqual([
      [true, true],
      [false, false],
      [true, false],
    ]);
  });

  it("reads the style, numbering and section break from the paragraph's own properties", () => {
    const { xml, tokens, paragraphs } = scan(
      '<w:p><w:pPr><w:pStyle w:val="List&amp;Bullet"/><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:p>' +
        "<w:p><w:pPr><w:sectPr/></w:pPr></w:p>" +
        '<w:p><w:pPr/><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr></w:r></w:p>',
    );
    expect(paragraphs.map((p) => [p.style, p.hasNumbering, p.hasSectPr])).toEqual([
      ["List&Bullet", true, false],
      [undefined, false, true],
      [undefined, false, false],
    ]);
    const empty = paragraphs[2] as ParagraphScan;
    expect(empty.pPr && tokenText(xml, tokens, empty.pPr[0])).toBe("<w:pPr/>");
    expect(empty.pPr?.[0]).toBe(empty.pPr?.[1]);
  });

  it("places a w:numPr after the pPr children the schema puts before it", () => {
    const body =
      '<w:p><w:pPr><w:pStyle w:val="H1"/><w:keepNext/><w:spacing w:after="0"/></w:pPr></w:p>' +
      '<w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p>';
    const { xml, paragraphs } = scan(body);
    const [first, second] = paragraphs as [ParagraphScan, ParagraphScan];
    expect(xml.slice(0, first.numPrAt).endsWith("<w:keepNext/>")).toBe(true);
    expect(xml.slice(0, second.numPrAt).endsWith("<w:pPr>")).toBe(true);
  });
});
