import type { TemplateWarning } from "../../template-report";
import type { Edit } from "../assemble-nodes";
import type { FieldNode } from "../compiled-nodes";
import { MERGED_KINDS, UNSUPPORTED_KINDS, parseField, refuseParsed } from "../field-tree";
import type { SimpleFieldScan } from "../scan/scan-types";
import { regionAt, type Region } from "./complex-fields";
import type { PlacedField } from "./placed-field";
import { tokenAt, type ScannedPart } from "./scanned-part";

export interface SimpleFieldEdits {
  readonly edits: readonly Edit[];
  readonly placed: readonly PlacedField[];
  readonly warnings: readonly TemplateWarning[];
}

/** A simple field read as a complex one whose whole code is its w:instr. */
const parseSimple = (simple: SimpleFieldScan) =>
  parseField({
    begin: simple.open,
    separate: -1,
    end: simple.close,
    pieces: [simple.code],
    inResult: [],
    parent: undefined,
    inParentCode: false,
    paragraphAtBegin: 0,
    paragraphAtEnd: 0,
    firstCodeRun: -1,
    firstResultRun: simple.firstRun,
    resultText: simple.resultText,
    row: simple.row,
  });

/**
 * Simple fields (w:fldSimple): a merge field becomes a slot formatted as its first result run;
 * one inside a complex field is a nested field of it (complex-fields.ts decides it: it goes with
 * a merged field, or is its own region inside one left live); any other is left as it is, with
 * a warning where the merge would have filled it.
 */
export const simpleFieldEdits = (
  part: ScannedPart,
  regions: readonly Region[],
): SimpleFieldEdits => {
  const edits: Edit[] = [];
  const placed: PlacedField[] = [];
  const warnings: TemplateWarning[] = [];
  const warn = (code: TemplateWarning["code"], field: string, message: string): void => {
    warnings.push({ code, part: part.part, field, message });
  };
  for (const simple of part.scan.simpleFields) {
    if (simple.close < 0) continue;
    const start = tokenAt(part, simple.open).start;
    const end = tokenAt(part, simple.close).end;
    const region = regionAt(regions, simple.open);
    if (region) {
      // Its own region when it is nested in a field left live (its value becomes code text).
      edits.push({ start, end, nodes: region.begin === simple.open ? [region.node] : [] });
      continue;
    }
    const parsed = parseSimple(simple);
    refuseParsed(parsed, simple.code.trim(), part.part);
    if (!parsed.ok) {
      const code = simple.code.trim();
      if (MERGED_KINDS.has(parsed.kind))
        warn("invalid_field_code", code, `${code}: ${parsed.reason}`);
      else if (UNSUPPORTED_KINDS.has(parsed.kind))
        warn(
          "unsupported_field",
          code,
          `${parsed.kind} fields are not merged; it is left as it is`,
        );
      continue;
    }
    const node: FieldNode = {
      t: "field",
      expr: parsed.expr,
      rPr: part.rPrOf.get(simple.firstRun) ?? "",
      target: "text",
    };
    edits.push({ start, end, nodes: [node] });
    placed.push({
      at: simple.open,
      expr: parsed.expr,
      insideIf: parsed.expr.kind === "if",
      row: simple.row,
      form: "mergeField",
    });
  }
  return { edits, placed, warnings };
};
