import { bookmarkEdits } from "@shared/merge/compile/part/bookmark-edits";
import { commentEdits } from "@shared/merge/compile/part/comment-edits";
import { idEdits } from "@shared/merge/compile/part/id-edits";
import { drawing, p, t } from "../../docx-builder";
import { documentXml, editedBody, scanned } from "../part-text";

describe("idEdits", () => {
  it("makes drawing ids, list numbers, note references and bookmark links slots", () => {
    const body = p(
      '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>',
      drawing(7),
      '<w:r><w:footnoteReference w:id="1"/><w:endnoteReference w:id="2"/></w:r>',
      '<w:hyperlink w:anchor="Top">' + t("up") + "</w:hyperlink>",
    );
    const part = scanned(documentXml(body));
    const { edits, drawingIds, numIds } = idEdits(part);
    expect(editedBody(part.xml, edits)).toBe(
      body
        .replace('w:numId w:val="3"', 'w:numId w:val="«numId 3»"')
        .replace('wp:docPr id="7"', 'wp:docPr id="«drawingId 7»"')
        .replace('w:footnoteReference w:id="1"', 'w:footnoteReference w:id="«footnoteRef 1»"')
        .replace('w:endnoteReference w:id="2"', 'w:endnoteReference w:id="«endnoteRef 2»"')
        .replace('w:anchor="Top"', 'w:anchor="«anchor Top»"'),
    );
    expect({ drawingIds, numIds }).toEqual({ drawingIds: [7], numIds: [3] });
  });

  it("leaves list number 0 (no list) and ids that are not numbers", () => {
    const body = p(
      '<w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>',
      drawing(7).replace('id="7"', 'id="x"'),
    );
    const part = scanned(documentXml(body));
    expect(idEdits(part)).toEqual({ edits: [], drawingIds: [], numIds: [] });
  });
});

describe("bookmarkEdits", () => {
  it("makes bookmarks slots, keeping their other attributes, and lists the starts' ids and names", () => {
    const body = p(
      '<w:bookmarkStart w:id="4" w:name="Total" w:colFirst="0"/>',
      t("x"),
      '<w:bookmarkEnd w:id="4"/>',
      '<w:bookmarkStart w:id="x" w:name="NoId"/>',
    );
    const part = scanned(documentXml(body));
    const { edits, bookmarkIds, bookmarkNames } = bookmarkEdits(part);
    expect(edits.map((e) => e.nodes)).toEqual([
      [
        {
          t: "bookmarkStart",
          tag: "w:bookmarkStart",
          id: 4,
          name: "Total",
          rest: ' w:colFirst="0"',
        },
      ],
      [{ t: "bookmarkEnd", tag: "w:bookmarkEnd", id: 4, rest: "" }],
    ]);
    expect({ bookmarkIds, bookmarkNames }).toEqual({ bookmarkIds: [4], bookmarkNames: ["Total"] });
  });
});

describe("commentEdits", () => {
  it("drops comment marks with what they hold", () => {
    const body = p(
      '<w:commentRangeStart w:id="0"/>',
      t("reviewed"),
      '<w:commentRangeEnd w:id="0"/>',
      '<w:r><w:commentReference w:id="0"/></w:r>',
    );
    const part = scanned(documentXml(body));
    expect(editedBody(part.xml, commentEdits(part))).toBe(p(t("reviewed"), "<w:r></w:r>"));
  });
});
