import { countParagraphs } from "@shared/merge/compile/part/scanned-part";
import { p, t } from "../../docx-builder";
import { documentXml, scanned } from "../part-text";

describe("readPart", () => {
  it("counts paragraph start tags, not other tags that begin with <w:p", () => {
    expect(
      countParagraphs('<w:p/><w:p>x</w:p><w:p w:rsidR="1"/><w:pPr/><w:proofErr/><w:pict/>'),
    ).toBe(3);
  });

  it("refuses too many paragraphs before reading the part at all", () => {
    const broken = `${documentXml(p(t("a")) + p(t("b")))}<unclosed`;
    expect(() => scanned(broken, { maxParagraphsPerPart: 1 })).toThrow(
      expect.objectContaining({ code: "too_many_paragraphs", limit: 1, actual: 2 }),
    );
    expect(() => scanned(broken, { maxParagraphsPerPart: 2 })).toThrow(
      expect.objectContaining({ code: "corrupt_xml" }),
    );
  });

  it("keeps each run's properties as written, by the run's first token", () => {
    const part = scanned(documentXml(p(t("a", "<w:rPr><w:i/></w:rPr>"), t("b"))));
    const [first, second] = part.scan.runs;
    expect(first && part.rPrOf.get(first.open)).toBe("<w:rPr><w:i/></w:rPr>");
    expect(second && part.rPrOf.has(second.open)).toBe(false);
  });
});
