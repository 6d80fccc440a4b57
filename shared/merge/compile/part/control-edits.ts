import { unescapeXml } from "../../xml/xml-escape";
import { attributeOf } from "../../xml/xml-tokenizer";
import type { Edit } from "../assemble-nodes";
import { compileControl } from "../control-field";
import { regionAt, type Region } from "./complex-fields";
import type { PlacedField } from "./placed-field";
import { tokenAt, type ScannedPart } from "./scanned-part";

export interface ControlEdits {
  readonly edits: readonly Edit[];
  readonly placed: readonly PlacedField[];
  /** Every control's w:id, fields or not: ids given to copies must not collide with them. */
  readonly controlIds: readonly number[];
}

/**
 * Content controls: one whose tag names a field and whose content is inline runs or
 * paragraphs becomes a slot (control-field.ts); any other keeps its place and gets a fresh id
 * per letter, as content control ids must be unique in a document.
 */
export const controlEdits = (
  part: ScannedPart,
  regions: readonly Region[],
  placeholderStyle: string | undefined,
): ControlEdits => {
  const edits: Edit[] = [];
  const placed: PlacedField[] = [];
  const controlIds: number[] = [];
  for (const sdt of part.scan.sdts) {
    if (sdt.close < 0) continue;
    const idToken = sdt.idToken >= 0 ? tokenAt(part, sdt.idToken) : undefined;
    const idAttribute = idToken ? attributeOf(part.xml, idToken, "w:val") : undefined;
    const idNode = idAttribute ? Number.parseInt(unescapeXml(idAttribute.raw), 10) : NaN;
    if (Number.isFinite(idNode)) controlIds.push(idNode);
    const tag = sdt.tag?.trim();
    const isField =
      tag &&
      !sdt.disqualified &&
      (sdt.contentKind === "inline" || sdt.contentKind === "block") &&
      sdt.contentOpen >= 0 &&
      sdt.contentClose > sdt.contentOpen &&
      !regionAt(regions, sdt.open);
    if (!isField) {
      if (idAttribute && Number.isFinite(idNode)) {
        edits.push({
          start: idAttribute.valueStart,
          end: idAttribute.valueEnd,
          nodes: [{ t: "controlId", id: idNode }],
        });
      }
      continue;
    }
    const node = compileControl(part.xml, part.tokens, part.scan, sdt, tag, {
      rPrOf: part.rPrOf,
      placeholderStyle,
      id:
        idAttribute && Number.isFinite(idNode)
          ? { attribute: idAttribute, value: idNode }
          : undefined,
    });
    edits.push({
      start: tokenAt(part, sdt.open).start,
      end: tokenAt(part, sdt.close).end,
      nodes: [node],
    });
    placed.push({
      at: sdt.open,
      expr: node.expr,
      insideIf: false,
      row: sdt.row,
      form: "contentControl",
    });
  }
  return { edits, placed, controlIds };
};
