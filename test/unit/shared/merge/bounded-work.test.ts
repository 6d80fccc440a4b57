/**
 * Values and field codes that once made a merge run without end or crash: each now merges,
 * with the work it takes bounded by the letter and the value. Before, the first two ran for
 * hours (an exponential backtracking match, a loop per thousand), the others threw.
 */
import { formatMergeValue, mergeDocument, mergeOne, readTemplate } from "@shared/merge";
import { buildDocx, mergeField, p, t } from "./docx-builder";
import { part, text } from "./docx-text";

const mergedText = (body: string, values: Record<string, string>): string =>
  text(part(mergeOne(readTemplate(buildDocx({ body })), { values }), "word/document.xml"));

/** IF { MERGEFIELD X } = "pattern" "yes" "no", as Word writes it. */
const ifX = (rest: string): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>' +
  mergeField("X") +
  `<w:r><w:instrText xml:space="preserve">${rest}</w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>old</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

describe("work bounded by the letter and the value", () => {
  it("matches IF wildcards without backtracking: many * against a text that almost matches", () => {
    const pattern = `${"*a".repeat(20)}*b`;
    const condition = (value: string) =>
      mergedText(p(ifX(` = "${pattern}" "match" "no match" `)), { X: value });
    expect(condition("a".repeat(200))).toBe("no match");
    expect(condition(`${"a".repeat(200)}b`)).toBe("match");
    expect(condition("aaab")).toBe("no match");
  });

  it("keeps Word's wildcard meaning: * any run, ? one character, the rest literal", () => {
    const matches = (value: string, pattern: string) =>
      mergedText(p(ifX(` = "${pattern}" "yes" "no" `)), { X: value });
    expect(matches("Jensen", "J*n")).toBe("yes");
    expect(matches("Jensen", "J?n*")).toBe("yes");
    expect(matches("Jensen", "J?n")).toBe("no");
    expect(matches("a.b", "a.b")).toBe("yes");
    expect(matches("axb", "a.b")).toBe("no");
    expect(matches("", "*")).toBe("yes");
    expect(matches("(x)", "(*)")).toBe("yes");
  });

  it("leaves numbers beyond 32767 as they are under \\* roman and \\* ALPHABETIC", () => {
    expect(formatMergeValue("1000000000000", { switches: "\\* roman" })).toBe("1000000000000");
    expect(formatMergeValue(1e15, { switches: "\\* ALPHABETIC", language: "en-US" })).toBe(
      "1000000000000000",
    );
    expect(formatMergeValue(32767, { switches: "\\* ROMAN" })).toMatch(/^M{32}DCCLXVII$/);
    expect(formatMergeValue(53, { switches: "\\* ALPHABETIC" })).toBe("AAA");
  });

  it("writes a number picture asking for more than 100 decimals with 100", () => {
    const picture = `\\# "0.${"0".repeat(150)}"`;
    const written = formatMergeValue(1.5, { switches: picture, language: "en-US" });
    expect(written).toBe(`1.5${"0".repeat(99)}`);
  });

  it("writes a footnote that refers to itself once, instead of without end", () => {
    const template = readTemplate(
      buildDocx({
        body: p(t("Call"), '<w:r><w:footnoteReference w:id="1"/></w:r>'),
        footnotes: `<w:footnote w:id="1">${p(t("See "), '<w:r><w:footnoteReference w:id="1"/></w:r>', mergeField("Name"))}</w:footnote>`,
      }),
    );
    const docx = mergeDocument(template, [{ values: { Name: "A" } }, { values: { Name: "B" } }]);
    const notes = text(part(docx, "word/footnotes.xml"));
    expect(notes).toContain("See A");
    expect(notes).toContain("See B");
  });
});
