import { complexFields, regionAt } from "@shared/merge/compile/part/complex-fields";
import { field, mergeField, p, t } from "../../docx-builder";
import { documentXml, scanned, span } from "../part-text";

const codeRun = (code: string): string =>
  `<w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r>`;
const begin = (code: string): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + codeRun(code);
const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

describe("complexFields", () => {
  it("makes each merged field a region from its begin to its end, in document order", () => {
    const part = scanned(
      documentXml(p(mergeField("Name")) + p(t("x"), mergeField("City", "\\* Upper"))),
    );
    const { regions, placed, warnings } = complexFields(part);
    expect(regions.map((r) => span(part, r.begin, r.end))).toEqual([
      mergeField("Name").slice(5, -6),
      mergeField("City", "\\* Upper").slice(5, -6),
    ]);
    expect(regions.map((r) => [r.node.target, r.node.expr.kind])).toEqual([
      ["text", "merge"],
      ["text", "merge"],
    ]);
    expect(placed.map((f) => [f.at, f.form, f.insideIf])).toEqual(
      regions.map((r) => [r.begin, "mergeField", false]),
    );
    expect(warnings).toEqual([]);
  });

  it("formats the result as the code's first run, or with MERGEFORMAT as the result's", () => {
    const bold = "<w:rPr><w:b/></w:rPr>";
    const italic = "<w:rPr><w:i/></w:rPr>";
    const code = (switches: string) =>
      begin(` MERGEFIELD Name ${switches}`).replace(
        "<w:r><w:instrText",
        `<w:r>${bold}<w:instrText`,
      ) +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      t("«Name»", italic) +
      end;
    const part = scanned(documentXml(p(code("")) + p(code("\\* MERGEFORMAT"))));
    expect(complexFields(part).regions.map((r) => r.node.rPr)).toEqual([bold, italic]);
  });

  it("leaves a field that is not merged, and merges the fields in its code as code text", () => {
    const hyperlink = begin(' HYPERLINK "mailto:') + mergeField("Email") + codeRun('" ') + end;
    const part = scanned(documentXml(p(hyperlink) + p(field(" PAGE "))));
    const { regions, warnings } = complexFields(part);
    expect(
      regions.map((r) => [r.node.expr.kind === "merge" && r.node.expr.name, r.node.target]),
    ).toEqual([["Email", "code"]]);
    expect(warnings).toEqual([]);
  });

  it("warns about fields it leaves: across paragraphs, invalid, unsupported, unterminated", () => {
    const part = scanned(
      documentXml(
        p(begin(" MERGEFIELD Name ")) +
          p(end) +
          p(field(' IF "a" ')) +
          p(field(" ASK Q ")) +
          p(begin(" PAGE ")),
      ),
    );
    const { regions, warnings } = complexFields(part);
    expect(regions).toEqual([]);
    expect(warnings.map((w) => [w.code, w.field])).toEqual([
      ["field_spans_paragraphs", "MERGEFIELD Name"],
      ["invalid_field_code", 'IF "a"'],
      ["unsupported_field", "ASK Q"],
      ["unterminated_field", ""],
    ]);
  });

  it("counts the merge fields of a merged IF as inside it", () => {
    const part = scanned(
      documentXml(p(begin(" IF ") + mergeField("A") + codeRun(' = 1 "y" "n" ') + end)),
    );
    const { regions, placed } = complexFields(part);
    expect(regions.map((r) => r.node.expr.kind)).toEqual(["if"]);
    expect(placed.map((f) => f.insideIf)).toEqual([true]);
  });
});

describe("regionAt", () => {
  it("finds the region a token lies in, its begin and end included", () => {
    const part = scanned(documentXml(p(t("a"), mergeField("Name"), t("b"))));
    const { regions } = complexFields(part);
    const [region] = regions;
    expect(region).toBeDefined();
    if (!region) return;
    expect(regionAt(regions, region.begin)).toBe(region);
    expect(regionAt(regions, region.end)).toBe(region);
    expect(regionAt(regions, region.begin - 1)).toBeUndefined();
    expect(regionAt(regions, region.end + 1)).toBeUndefined();
  });
});
