import { complexFields } from "@shared/merge/compile/part/complex-fields";
import { controlEdits } from "@shared/merge/compile/part/control-edits";
import { runEdits } from "@shared/merge/compile/part/run-edits";
import { simpleFieldEdits } from "@shared/merge/compile/part/simple-field-edits";
import { control, field, mergeField, p, simpleField, t } from "../../docx-builder";
import { documentXml, editedBody, scanned } from "../part-text";

const fieldEdits = (body: string) => {
  const part = scanned(documentXml(body));
  return { part, regions: complexFields(part).regions };
};

describe("runEdits", () => {
  it("replaces the runs of a merged field by one slot where the field begins", () => {
    const { part, regions } = fieldEdits(p(t("Dear "), mergeField("Name"), t(",")));
    expect(editedBody(part.xml, runEdits(part, regions))).toBe(
      p(t("Dear "), "«field Name»", t(",")),
    );
  });

  it("closes a run that also holds other content around the slot, and reopens it as it was", () => {
    const bold = "<w:rPr><w:b/></w:rPr>";
    const body = p(
      `<w:r>${bold}<w:t>Dear </w:t><w:fldChar w:fldCharType="begin"/><w:instrText> MERGEFIELD Name </w:instrText><w:fldChar w:fldCharType="end"/><w:t>!</w:t></w:r>`,
    );
    const { part, regions } = fieldEdits(body);
    expect(editedBody(part.xml, runEdits(part, regions))).toBe(
      p(`<w:r>${bold}<w:t>Dear </w:t></w:r>«field Name»<w:r>${bold}<w:t>!</w:t></w:r>`),
    );
  });

  it("leaves runs of fields it does not merge", () => {
    const { part, regions } = fieldEdits(p(field(" PAGE ", "1")));
    expect(runEdits(part, regions)).toEqual([]);
  });
});

describe("simpleFieldEdits", () => {
  it("makes a simple merge field a slot, formatted as its first result run", () => {
    const italic = "<w:rPr><w:i/></w:rPr>";
    const simple = simpleField(" MERGEFIELD City ").replace("<w:r>", `<w:r>${italic}`);
    const { part, regions } = fieldEdits(p(simple));
    const { edits, placed, warnings } = simpleFieldEdits(part, regions);
    expect(editedBody(part.xml, edits)).toBe(p("«field City»"));
    expect(edits[0]?.nodes[0]).toMatchObject({ t: "field", rPr: italic, target: "text" });
    expect(placed.map((f) => [f.form, f.row, f.insideIf])).toEqual([["mergeField", -1, false]]);
    expect(warnings).toEqual([]);
  });

  it("drops a simple field inside a merged field, and warns about those it leaves", () => {
    const inside =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD Name </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      simpleField(" PAGE ") +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const { part, regions } = fieldEdits(
      p(inside) + p(simpleField(" FILLIN Which ")) + p(simpleField(" MERGEFIELD ")),
    );
    const { edits, placed, warnings } = simpleFieldEdits(part, regions);
    expect(edits.map((e) => e.nodes)).toEqual([[]]);
    expect(placed).toEqual([]);
    expect(warnings.map((w) => [w.code, w.field])).toEqual([
      ["unsupported_field", "FILLIN Which"],
      ["invalid_field_code", "MERGEFIELD"],
    ]);
  });
});

describe("controlEdits", () => {
  it("makes a tagged control a slot and gives every other control a fresh id per letter", () => {
    const picture =
      '<w:sdt><w:sdtPr><w:id w:val="9"/><w:picture/></w:sdtPr><w:sdtContent><w:r/></w:sdtContent></w:sdt>';
    const { part, regions } = fieldEdits(p(control("City", "inline", 4)) + p(picture));
    const { edits, placed, controlIds } = controlEdits(part, regions, undefined);
    expect(editedBody(part.xml, edits)).toBe(
      p("«control City»") + p(picture.replace('w:val="9"', 'w:val="«controlId 9»"')),
    );
    expect(placed.map((f) => [f.form, f.insideIf])).toEqual([["contentControl", false]]);
    expect(controlIds).toEqual([4, 9]);
  });

  it("finds the table row a control repeats with", () => {
    const { part, regions } = fieldEdits(
      `<w:tbl><w:tr><w:tc>${p(control("Amount"))}</w:tc></w:tr></w:tbl>`,
    );
    expect(controlEdits(part, regions, undefined).placed.map((f) => f.row)).toEqual([0]);
  });
});
