import { letterEndParagraph, paragraphEdits } from "@shared/merge/compile/part/paragraph-edits";
import { finalSectPrOf } from "@shared/merge/compile/part/section-edits";
import { p, t } from "../../docx-builder";
import { documentXml, editedBody, scanned, span } from "../part-text";

const letterEnd = (body: string, finalSection?: string) => {
  const part = scanned(documentXml(body, finalSection));
  const at = letterEndParagraph(part, finalSectPrOf(part));
  return { part, at, text: at < 0 ? undefined : span(part, at) };
};

describe("letterEndParagraph", () => {
  it("is the body's last paragraph", () => {
    expect(letterEnd(p(t("a")) + '<w:p w:rsidR="2">' + t("b") + "</w:p>").text).toBe(
      '<w:p w:rsidR="2">',
    );
    expect(letterEnd(p(t("a")), "").text).toBe("<w:p>");
  });

  it("is none when a table follows the last paragraph, or it holds a section break of its own", () => {
    expect(letterEnd(p(t("a")) + "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>").at).toBe(-1);
    expect(letterEnd(p("<w:pPr><w:sectPr/></w:pPr>")).at).toBe(-1);
    expect(letterEnd("<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>").at).toBe(-1);
  });
});

describe("paragraphEdits", () => {
  const edited = (
    body: string,
    styles = new Map<string, { numId: number; level: number | undefined }>(),
  ) => {
    const part = scanned(documentXml(body));
    const at = letterEndParagraph(part, finalSectPrOf(part));
    return editedBody(part.xml, paragraphEdits(part, at, styles));
  };

  it("puts the letter's end into the last paragraph's properties, making them where missing", () => {
    expect(edited(p(t("a")))).toBe("<w:p>«letterEnd»" + t("a") + "</w:p>");
    expect(edited("<w:p/>")).toBe("<w:p>«letterEnd»</w:p>");
    expect(edited("<w:p><w:pPr/></w:p>")).toBe("<w:p><w:pPr>«letterEnd»</w:pPr></w:p>");
    expect(edited('<w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p>')).toBe(
      '<w:p><w:pPr><w:jc w:val="left"/>«letterEnd»</w:pPr></w:p>',
    );
  });

  it("keeps a tracked change of the properties last", () => {
    expect(
      edited(
        '<w:p><w:pPr><w:jc w:val="left"/><w:pPrChange w:id="1"><w:pPr/></w:pPrChange></w:pPr></w:p>',
      ),
    ).toBe(
      '<w:p><w:pPr><w:jc w:val="left"/>«letterEnd»<w:pPrChange w:id="1"><w:pPr/></w:pPrChange></w:pPr></w:p>',
    );
  });

  it("makes paragraph ids a slot that later letters write without them", () => {
    const part = scanned(
      documentXml('<w:p w14:paraId="1A2B" w14:textId="77"><w:pPr/></w:p>' + p(t("end"))),
    );
    const [edit] = paragraphEdits(part, -1, new Map());
    expect(edit?.nodes).toEqual([
      {
        t: "paragraphTag",
        original: '<w:p w14:paraId="1A2B" w14:textId="77">',
        withoutIds: "<w:p>",
      },
    ]);
  });

  it("gives a paragraph numbered through its style a slot for its own numbering, after the leading properties", () => {
    const styles = new Map([["ListBullet", { numId: 5, level: 0 }]]);
    const body =
      '<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:jc w:val="left"/></w:pPr></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:p>' +
      p(t("end"));
    expect(edited(body, styles)).toBe(
      '<w:p><w:pPr><w:pStyle w:val="ListBullet"/>«styleNumbering 5»<w:jc w:val="left"/></w:pPr></w:p>' +
        '<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:p>' +
        "<w:p>«letterEnd»" +
        t("end") +
        "</w:p>",
    );
  });
});
