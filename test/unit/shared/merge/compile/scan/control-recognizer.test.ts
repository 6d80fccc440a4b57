import { ControlRecognizer } from "@shared/merge/compile/scan/control-recognizer";
import { RowRecognizer } from "@shared/merge/compile/scan/row-recognizer";
import type { SdtScan } from "@shared/merge/compile/scan/scan-types";
import { control, drawing, p, t } from "../../docx-builder";
import { documentXml, tokenText, walked } from "../part-text";

const scan = (body: string) => {
  const xml = documentXml(body);
  const rows = new RowRecognizer();
  const controls = new ControlRecognizer(xml, rows);
  const tokens = walked(xml, {
    open: (i, token, at) => {
      controls.open(i, token, at);
      rows.open(i, token, at);
    },
    close: (i, token, openIndex) => {
      controls.close(i, token, openIndex);
      rows.close(i, token);
    },
  });
  return { xml, tokens, sdts: controls.sdts };
};

describe("ControlRecognizer", () => {
  it("reads an inline control's tag (unescaped), id and first run", () => {
    const { xml, tokens, sdts } = scan(p(control('Say "hi"', "inline", 7)));
    const [sdt] = sdts as [SdtScan];
    expect(sdt).toMatchObject({ tag: 'Say "hi"', contentKind: "inline", disqualified: false });
    expect(tokenText(xml, tokens, sdt.idToken)).toBe('<w:id w:val="7"/>');
    expect(tokenText(xml, tokens, sdt.firstRun)).toBe("<w:r>");
    expect(sdt.row).toBe(-1);
  });

  it("tells a block control by its paragraph, and finds the table row it repeats with", () => {
    const { xml, tokens, sdts } = scan(
      `<w:tbl><w:tr><w:tc>${control("City", "block")}</w:tc></w:tr></w:tbl>`,
    );
    const [sdt] = sdts as [SdtScan];
    expect(sdt.contentKind).toBe("block");
    expect(tokenText(xml, tokens, sdt.firstParagraph)).toBe("<w:p>");
    expect(sdt.row).toBe(0);
  });

  it("finds the placeholder state and the properties' rPr", () => {
    const { xml, tokens, sdts } = scan(
      p(
        '<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:tag w:val="Name"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' +
          t("Name") +
          "</w:sdtContent></w:sdt>",
      ),
    );
    const [sdt] = sdts as [SdtScan];
    expect(sdt.placeholder && tokenText(xml, tokens, sdt.placeholder[0])).toBe(
      "<w:showingPlcHdr/>",
    );
    expect(
      sdt.propertiesRPr &&
        xml.slice(tokens[sdt.propertiesRPr[0]]?.start, tokens[sdt.propertiesRPr[1]]?.end),
    ).toBe('<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>');
  });

  it("disqualifies pictures, controls holding drawings, and a control holding another", () => {
    const picture =
      '<w:sdt><w:sdtPr><w:tag w:val="Logo"/><w:picture/></w:sdtPr><w:sdtContent>' +
      drawing(1) +
      "</w:sdtContent></w:sdt>";
    const holdsDrawing =
      '<w:sdt><w:sdtPr><w:tag w:val="Logo"/></w:sdtPr><w:sdtContent>' +
      drawing(2) +
      "</w:sdtContent></w:sdt>";
    const outer =
      '<w:sdt><w:sdtPr><w:tag w:val="Outer"/></w:sdtPr><w:sdtContent>' +
      control("Inner") +
      "</w:sdtContent></w:sdt>";
    const { sdts } = scan(p(picture) + p(holdsDrawing) + p(outer) + p(control("Plain")));
    expect(sdts.map((s) => [s.tag, s.disqualified])).toEqual([
      ["Logo", true],
      ["Logo", true],
      ["Outer", true],
      ["Inner", false],
      ["Plain", false],
    ]);
  });
});
