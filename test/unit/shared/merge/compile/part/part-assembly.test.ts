import { assembleNodes } from "@shared/merge/compile/assemble-nodes";
import { complexFields } from "@shared/merge/compile/part/complex-fields";
import { controlEdits } from "@shared/merge/compile/part/control-edits";
import { noteEntries } from "@shared/merge/compile/part/note-entries";
import { documentOutput, notesOutput } from "@shared/merge/compile/part/part-output";
import { fieldUses, type PlacedField } from "@shared/merge/compile/part/placed-field";
import { repeatableRows } from "@shared/merge/compile/part/repeatable-rows";
import { control, mergeField, p, SEPARATORS, t } from "../../docx-builder";
import { documentXml, notesXml, scanned, slot } from "../part-text";

describe("fieldUses", () => {
  it("lists every merge field in document order, an IF's in the order it names them", () => {
    const part = scanned(documentXml(p(t("x"))));
    const merge = (name: string) => ({
      kind: "merge" as const,
      name,
      key: name.toLowerCase(),
      switches: { raw: "", format: [] },
    });
    const placed = [
      { at: 9, expr: merge("Late"), insideIf: false, row: -1, form: "contentControl" },
      {
        at: 2,
        expr: {
          kind: "if",
          left: [merge("A")],
          op: "=",
          right: ["1"],
          whenTrue: [merge("B")],
          whenFalse: [],
        },
        insideIf: true,
        row: 0,
        form: "mergeField",
      },
    ] as unknown as PlacedField[];
    expect(
      fieldUses(placed, part.part).map((u) => [u.name, u.insideIf, u.inTableRow, u.form]),
    ).toEqual([
      ["A", true, true, "mergeField"],
      ["B", true, true, "mergeField"],
      ["Late", false, false, "contentControl"],
    ]);
  });
});

describe("repeatableRows", () => {
  it("gives each table row holding fields the keys of its fields", () => {
    const row = (cells: string) => `<w:tr><w:tc>${p(cells)}</w:tc></w:tr>`;
    const body = `<w:tbl>${row(control("Item") + mergeField("Amount"))}${row(t("total"))}</w:tbl>`;
    const part = scanned(documentXml(body));
    const complex = complexFields(part);
    const placed = [...complex.placed, ...controlEdits(part, complex.regions, undefined).placed];
    const rows = repeatableRows(part, placed);
    expect(
      rows.map((r) => [part.xml.slice(r.start, r.end), r.kind === "row" ? r.keys : r.whenEmpty]),
    ).toEqual([[row(control("Item") + mergeField("Amount")), ["amount", "item"]]]);
  });

  it("marks a table all of whose rows repeat, with the paragraph its cell needs without it", () => {
    const row = (cells: string) => `<w:tr><w:tc>${p(cells)}</w:tc></w:tr>`;
    const inner = `<w:tbl>${row(mergeField("Amount"))}</w:tbl>`;
    const body = `<w:tbl><w:tr><w:tc>${p(t("x"))}${inner}</w:tc></w:tr>${row(t("static"))}</w:tbl>`;
    const part = scanned(documentXml(body));
    const rows = repeatableRows(part, complexFields(part).placed);
    expect(
      rows.map((r) => [part.xml.slice(r.start, r.end), r.kind === "row" ? r.keys : r.whenEmpty]),
    ).toEqual([
      [row(mergeField("Amount")), ["amount"]],
      [inner, "<w:p/>"],
    ]);
  });
});

describe("documentOutput", () => {
  it("splits the main document into what surrounds one letter, the letter, and its final section", () => {
    const xml = documentXml(p(t("Hi")), "<w:sectPr><w:titlePg/></w:sectPr>");
    const part = scanned(xml);
    const finalSectPr = part.scan.sectPrs[0];
    const build = assembleNodes(xml, [], []);
    const output = documentOutput(
      part,
      build,
      finalSectPr,
      undefined,
      part.scan.paragraphs[0]?.open ?? -1,
    );
    expect(output?.prefix.endsWith("<w:body>")).toBe(true);
    expect(output?.body).toEqual([p(t("Hi"))]);
    expect(output?.suffix).toBe("</w:body></w:document>");
  });

  it("ends a letter that has no paragraph to take its section break with one of its own", () => {
    const xml = documentXml("<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>", "");
    const part = scanned(xml);
    const output = documentOutput(part, assembleNodes(xml, [], []), undefined, undefined, -1);
    expect(output?.body.map(slot)).toEqual([
      "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>",
      "«letterEnd»",
    ]);
  });

  it("is none for a main document without a body", () => {
    const xml = '<w:document xmlns:w="w"/>';
    expect(
      documentOutput(scanned(xml), assembleNodes(xml, [], []), undefined, undefined, -1),
    ).toBeUndefined();
  });
});

describe("notesOutput", () => {
  it("keeps separators once and compiles each other note by its id", () => {
    const note = `<w:footnote w:id="1">${p(t("See"))}</w:footnote>`;
    const xml = notesXml(SEPARATORS("footnote") + note);
    const part = scanned(xml, {}, "word/footnotes.xml");
    const entries = noteEntries(part);
    const output = notesOutput(part, assembleNodes(xml, entries.edits, []), entries.entries);
    expect(output.separators).toBe(SEPARATORS("footnote"));
    expect([...output.notes.keys()]).toEqual([1]);
    expect(output.notes.get(1)?.map(slot).join("")).toBe(
      note.replace('w:id="1"', 'w:id="«noteId»"'),
    );
    expect(output.prefix + output.separators + note + output.suffix).toBe(xml);
  });
});
