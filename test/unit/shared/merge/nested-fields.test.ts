import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mergeDocument, readTemplate, type MergeRecord } from "@shared/merge";
import { buildDocx, mergeField, p, simpleField, t } from "./docx-builder";
import { letters, part } from "./docx-text";
import { inspectDocx } from "./ooxml-assertions";

/**
 * Fields inside fields, as Word nests them: a MERGEFIELD (complex, or w:fldSimple as other tools
 * and hand-edited letters write it) in an IF's operands and texts, IFs inside IFs. Each nested
 * field is evaluated per record, never read as the placeholder text it last showed.
 */

const instr = (code: string): string =>
  `<w:r><w:instrText xml:space="preserve">${code.replace(/</g, "&lt;").replace(/>/g, "&gt;")}</w:instrText></w:r>`;

/** A complex field whose code is made of instruction text and nested fields (raw XML). */
const complex = (code: readonly string[], result = "«old»"): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  code.map((piece) => (piece.startsWith("<") ? piece : instr(piece))).join("") +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  `<w:r><w:t>${result}</w:t></w:r>` +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

const simpleMerge = (name: string): string => simpleField(` MERGEFIELD ${name} `, `«${name}»`);

const mergeAll = (body: string, records: readonly MergeRecord[]): Uint8Array => {
  const docx = mergeDocument(readTemplate(buildDocx({ body })), records);
  expect(inspectDocx(docx).problems).toEqual([]);
  return docx;
};

const lettersOf = (body: string, records: readonly MergeRecord[]): string[] =>
  letters(part(mergeAll(body, records), "word/document.xml"));

const cities: MergeRecord[] = [
  { values: { City: "Aarhus", Name: "Jens" } },
  { values: { City: "Odense", Name: "Bo" } },
];

describe("a w:fldSimple MERGEFIELD inside a complex field's code", () => {
  it("is the record's value in an IF's operand, so each record takes its own branch", () => {
    const body = p(
      complex([" IF ", simpleMerge("City"), ' = "Aarhus" "Vi ses i Aarhus" "Vi ses"']),
    );
    expect(lettersOf(body, cities)).toEqual(["Vi ses i Aarhus", "Vi ses"]);
  });

  it("is the record's value in an IF's true and false texts", () => {
    const body = p(
      complex([
        " IF ",
        simpleMerge("City"),
        ' = "Aarhus" "Hej ',
        simpleMerge("Name"),
        '" "Kære ',
        simpleMerge("Name"),
        " i ",
        simpleMerge("City"),
        '"',
      ]),
    );
    expect(lettersOf(body, cities)).toEqual(["Hej Jens", "Kære Bo i Odense"]);
  });

  it("keeps a field inside its placeholder result out of the IF's code", () => {
    const placeholder =
      '<w:fldSimple w:instr=" MERGEFIELD City "><w:r><w:t>«</w:t></w:r>' +
      mergeField("Name") +
      "<w:r><w:t>»</w:t></w:r></w:fldSimple>";
    const body = p(complex([" IF ", placeholder, ' = "Aarhus" "Vi ses i Aarhus" "Vi ses"']));
    expect(lettersOf(body, cities)).toEqual(["Vi ses i Aarhus", "Vi ses"]);
  });

  it("merges exactly as the same letter with complex fields", () => {
    const code = (nested: (name: string) => string): string =>
      p(
        t("["),
        complex([" IF ", nested("City"), ' <> "Aarhus" "Fra ', nested("City"), '" ""']),
        t("]"),
      );
    expect(lettersOf(code(simpleMerge), cities)).toEqual(lettersOf(code(mergeField), cities));
    expect(lettersOf(code(simpleMerge), cities)).toEqual(["[]", "[Fra Odense]"]);
  });
});

describe("IF inside IF inside IF", () => {
  // IF {City} = "Aarhus" "{ IF {Name} = "Jens" "{ IF {Vip} = "ja" "A-J-VIP {Name}" "A-J" }" "A" }" "other {City}"
  const threeLevels = (nested: (name: string) => string): string =>
    p(
      complex([
        " IF ",
        nested("City"),
        ' = "Aarhus" "',
        complex([
          " IF ",
          nested("Name"),
          ' = "Jens" "',
          complex([" IF ", nested("Vip"), ' = "ja" "A-J-VIP ', nested("Name"), '" "A-J"']),
          '" "A"',
        ]),
        '" "other ',
        nested("City"),
        '"',
      ]),
    );
  const records: MergeRecord[] = [
    { values: { City: "Aarhus", Name: "Jens", Vip: "ja" } },
    { values: { City: "Aarhus", Name: "Jens", Vip: "nej" } },
    { values: { City: "Aarhus", Name: "Bo", Vip: "ja" } },
    { values: { City: "Vejle", Name: "Jens", Vip: "ja" } },
  ];
  const expected = ["A-J-VIP Jens", "A-J", "A", "other Vejle"];

  it("merges with complex MERGEFIELDs", () => {
    expect(lettersOf(threeLevels(mergeField), records)).toEqual(expected);
  });

  it("merges with simple MERGEFIELDs in the complex IFs, and the output is valid OOXML", () => {
    const docx = mergeAll(threeLevels(simpleMerge), records);
    expect(letters(part(docx, "word/document.xml"))).toEqual(expected);
    const file = join(mkdtempSync(join(tmpdir(), "nested-fields-")), "letters.docx");
    writeFileSync(file, docx);
    expect(() =>
      execFileSync("/work/shared/schemas/ooxml/validate-docx", [file], { stdio: "pipe" }),
    ).not.toThrow();
  });
});

describe("any depth", () => {
  // Level i: IF {L<i>} = "y" "<i>:{Name} <level i+1>" "<i>:no"; simple and complex MERGEFIELDs alternate.
  const levels = (depth: number, level = 1): string => {
    const nested = level % 2 === 0 ? simpleMerge : mergeField;
    const inner = level < depth ? levels(depth, level + 1) : "";
    return complex([
      " IF ",
      nested(`L${level}`),
      ` = "y" "${level}:`,
      nested("Name"),
      " ",
      ...(inner ? [inner] : []),
      `" "${level}:no"`,
    ]);
  };

  it("evaluates ten levels of IFs, each record down its own path", () => {
    const all = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`L${i + 1}`, "y"]));
    const records: MergeRecord[] = [
      { values: { ...all, Name: "Jens" } },
      { values: { ...all, L4: "n", Name: "Bo" } },
    ];
    const [deep, shallow] = lettersOf(p(levels(10)), records);
    expect(deep).toBe(Array.from({ length: 10 }, (_, i) => `${i + 1}:Jens`).join(" ") + " ");
    expect(shallow).toBe("1:Bo 2:Bo 3:Bo 4:no");
  });

  it("reports every nested MERGEFIELD, simple or complex, as inside an IF", () => {
    const template = readTemplate(buildDocx({ body: p(levels(3)) }));
    expect(template.fields.map((f) => [f.name, f.insideIf])).toEqual([
      ["L1", true],
      ["Name", true],
      ["L2", true],
      ["Name", true],
      ["L3", true],
      ["Name", true],
    ]);
    expect(template.warnings).toEqual([]);
  });
});

describe("a w:fldSimple inside a field the merge keeps live", () => {
  it("becomes code text, as a nested complex MERGEFIELD does", () => {
    const body = p(complex([' HYPERLINK "mailto:', simpleMerge("Email"), '" '], "write to us"));
    const xml = part(mergeAll(body, [{ values: { Email: "j@x.dk" } }]), "word/document.xml");
    expect(xml).toContain('<w:instrText xml:space="preserve">j@x.dk</w:instrText>');
    expect(xml).toContain("HYPERLINK");
    expect(xml).not.toContain("fldSimple");
    expect(letters(xml)).toEqual(["write to us"]);
  });
});
