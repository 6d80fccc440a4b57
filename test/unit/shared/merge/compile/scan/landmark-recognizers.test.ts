import { LandmarkRecognizer } from "@shared/merge/compile/scan/landmark-recognizer";
import { NoteRecognizer } from "@shared/merge/compile/scan/note-recognizer";
import { RowRecognizer } from "@shared/merge/compile/scan/row-recognizer";
import { SectionRecognizer } from "@shared/merge/compile/scan/section-recognizer";
import { TextLimit } from "@shared/merge/compile/scan/text-limit";
import { drawing, p, t } from "../../docx-builder";
import { documentXml, notesXml, tokenText, walked } from "../part-text";

const texts = (xml: string, tokens: Parameters<typeof tokenText>[1], indices: readonly number[]) =>
  indices.map((i) => tokenText(xml, tokens, i));

describe("RowRecognizer", () => {
  it("records rows of nested tables, each closed by its own end tag", () => {
    const xml = documentXml(
      "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr><w:tr/></w:tbl>",
    );
    const rows = new RowRecognizer();
    const tokens = walked(xml, rows);
    expect(rows.rows.map((r) => [tokenText(xml, tokens, r.open), r.close > r.open])).toEqual([
      ["<w:tr>", true],
      ["<w:tr>", true],
    ]);
    const [outer, inner] = rows.rows;
    expect(outer && inner && inner.close < outer.close).toBe(true);
  });
});

describe("SectionRecognizer", () => {
  it("finds section breaks in paragraphs and the body's own, not those in a tracked change", () => {
    const xml = documentXml(
      '<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/><w:sectPrChange><w:sectPr/></w:sectPrChange></w:sectPr></w:pPr></w:p>',
      '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>',
    );
    const sections = new SectionRecognizer();
    walked(xml, sections);
    expect(sections.sectPrs.map((s) => [s.bodyLevel, s.close > s.open])).toEqual([
      [false, true],
      [true, true],
    ]);
  });
});

describe("NoteRecognizer", () => {
  it("takes the root's footnotes, whole", () => {
    const xml = notesXml(
      '<w:footnote w:id="1">' + p(t("One")) + '</w:footnote><w:footnote w:id="2"/>',
    );
    const notes = new NoteRecognizer();
    const tokens = walked(xml, notes);
    expect(notes.notes.map((n) => xml.slice(tokens[n.open]?.start, tokens[n.close]?.end))).toEqual([
      `<w:footnote w:id="1">${p(t("One"))}</w:footnote>`,
      '<w:footnote w:id="2"/>',
    ]);
  });
});

describe("LandmarkRecognizer", () => {
  it("finds the body and every element whose id or name a letter's copy rewrites", () => {
    const xml = documentXml(
      p(
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>',
        '<w:bookmarkStart w:id="1" w:name="Here"/>',
        drawing(5),
        '<w:r><w:footnoteReference w:id="1"/></w:r>',
        '<w:hyperlink w:anchor="Here">' + t("back") + "</w:hyperlink>",
        '<w:hyperlink r:id="rId9">' + t("out") + "</w:hyperlink>",
        '<w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/>',
        '<w:bookmarkEnd w:id="1"/>',
      ),
      '<w:sectPr><w:headerReference w:type="default" r:id="rId10"/></w:sectPr>',
    );
    const landmarks = new LandmarkRecognizer(xml);
    const tokens = walked(xml, landmarks);
    expect(tokenText(xml, tokens, landmarks.body?.open ?? -1)).toBe("<w:body>");
    expect(tokenText(xml, tokens, landmarks.body?.close ?? -1)).toBe("</w:body>");
    expect({
      numIds: texts(xml, tokens, landmarks.numIds),
      bookmarkStarts: texts(xml, tokens, landmarks.bookmarkStarts),
      bookmarkEnds: texts(xml, tokens, landmarks.bookmarkEnds),
      docPrs: texts(xml, tokens, landmarks.docPrs),
      noteReferences: texts(xml, tokens, landmarks.noteReferences),
      anchors: texts(xml, tokens, landmarks.anchors),
      comments: texts(xml, tokens, landmarks.comments),
      partReferences: texts(xml, tokens, landmarks.partReferences),
    }).toEqual({
      numIds: ['<w:numId w:val="3"/>'],
      bookmarkStarts: ['<w:bookmarkStart w:id="1" w:name="Here"/>'],
      bookmarkEnds: ['<w:bookmarkEnd w:id="1"/>'],
      docPrs: ['<wp:docPr id="5" name="Picture 5"/>'],
      noteReferences: ['<w:footnoteReference w:id="1"/>'],
      anchors: ['<w:hyperlink w:anchor="Here">'],
      comments: ['<w:commentRangeStart w:id="0"/>', '<w:commentRangeEnd w:id="0"/>'],
      partReferences: ['<w:headerReference w:type="default" r:id="rId10"/>'],
    });
  });
});

describe("TextLimit", () => {
  it("refuses a text longer than the limit, naming the part, the limit and the length", () => {
    const xml = documentXml(p(t("x".repeat(11))));
    expect(() => walked(xml, new TextLimit("word/document.xml", 10))).toThrow(
      expect.objectContaining({
        name: "TemplateError",
        code: "text_too_long",
        part: "word/document.xml",
        limit: 10,
        actual: 11,
      }),
    );
    expect(() => walked(xml, new TextLimit("word/document.xml", 11))).not.toThrow();
  });
});
