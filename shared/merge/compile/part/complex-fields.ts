import type { FieldExpr } from "../../fields/field-instruction";
import type { TemplateWarning } from "../../template-report";
import type { FieldNode } from "../compiled-nodes";
import { TemplateError } from "../../template-error";
import { MERGED_KINDS, UNSUPPORTED_KINDS, codeText, parseField, refuseParsed } from "../field-tree";
import type { FieldScan } from "../scan/scan-types";
import type { PlacedField } from "./placed-field";
import type { ScannedPart } from "./scanned-part";

/** A merged complex field: the tokens from its begin to its end become one slot. */
export interface Region {
  readonly begin: number;
  readonly end: number;
  readonly node: FieldNode;
  readonly row: number;
  readonly insideIf: boolean;
}

export interface ComplexFields {
  /** In document order; they never overlap (a merged field's nested fields are part of it). */
  readonly regions: readonly Region[];
  readonly placed: readonly PlacedField[];
  readonly warnings: readonly TemplateWarning[];
}

/**
 * The formatting of a field's result: with \* MERGEFORMAT the rPr of the result's first run,
 * else the rPr of the code's first run (Word's "first character of the field code").
 */
const fieldRPr = (part: ScannedPart, field: FieldScan, expr: FieldExpr): string => {
  const mergeFormat =
    "switches" in expr && expr.switches.format.some((f) => f.toUpperCase() === "MERGEFORMAT");
  const code = part.rPrOf.get(field.firstCodeRun) ?? "";
  const result = part.rPrOf.get(field.firstResultRun) ?? "";
  return mergeFormat ? result || code : code || result;
};

/**
 * Which complex fields the merge fills: a MERGEFIELD, IF or MERGEREC that begins and ends in one
 * paragraph becomes a region, whole (nested fields included). Any other field is left as it is,
 * with a warning where the merge would have filled it, and the fields nested in its code or
 * result are decided in turn (a MERGEFIELD inside a HYPERLINK's code becomes code text).
 */
export const complexFields = (part: ScannedPart): ComplexFields => {
  const regions: Region[] = [];
  const warnings: TemplateWarning[] = [];
  const warn = (code: TemplateWarning["code"], field: string, message: string): void => {
    warnings.push({ code, part: part.part, field, message });
  };
  const decide = (field: FieldScan, target: "text" | "code", insideLiveIf: boolean): void => {
    const parsed = parseField(field);
    if (field.end < 0) return;
    refuseParsed(parsed, codeText(field), part.part);
    if (parsed.ok && parsed.expr.kind === "flow") refuseMisplacedFlow(field, target, insideLiveIf);
    if (parsed.ok && field.paragraphAtBegin === field.paragraphAtEnd) {
      const node: FieldNode = {
        t: "field",
        expr: parsed.expr,
        rPr: fieldRPr(part, field, parsed.expr),
        target,
      };
      const insideIf = insideLiveIf || parsed.expr.kind === "if";
      regions.push({ begin: field.begin, end: field.end, node, row: field.row, insideIf });
      return;
    }
    if (parsed.ok) {
      warn(
        "field_spans_paragraphs",
        codeText(field),
        `${parsed.kind} runs over several paragraphs; it is left as a field (its merge fields filled in), to be updated in Word`,
      );
    } else if (MERGED_KINDS.has(parsed.kind)) {
      warn("invalid_field_code", codeText(field), `${codeText(field)}: ${parsed.reason}`);
    } else if (UNSUPPORTED_KINDS.has(parsed.kind)) {
      warn(
        "unsupported_field",
        codeText(field),
        `${parsed.kind} fields are not merged; it is left as it is`,
      );
    }
    const liveIf = insideLiveIf || parsed.kind === "IF";
    for (const piece of field.pieces) if (typeof piece !== "string") decide(piece, "code", liveIf);
    for (const nested of field.inResult) decide(nested, "text", liveIf);
  };
  const refuseMisplacedFlow = (field: FieldScan, target: string, insideLiveIf: boolean): void => {
    const code = codeText(field);
    if (target === "code" || insideLiveIf) {
      throw new TemplateError(
        "record_field_nested",
        `${code}: a record field must stand on its own in the letter's text, not inside another field`,
        part.part,
      );
    }
    if (field.paragraphAtBegin !== field.paragraphAtEnd) {
      throw new TemplateError(
        "record_field_spans_paragraphs",
        `${code}: a record field must begin and end in one paragraph`,
        part.part,
      );
    }
  };
  // A merge field that never ends swallows the rest of the part in Word: which text, and with
  // NEXT which records, the letter shows would be a guess.
  for (const open of part.scan.unclosedFields) {
    const kind = parseField(open).kind;
    if (!MERGED_KINDS.has(kind)) continue;
    throw new TemplateError(
      "field_not_closed",
      `${codeText(open) || kind}: the ${kind} field begins and never ends`,
      part.part,
    );
  }
  for (const field of part.scan.fields) decide(field, "text", false);
  if (part.scan.unterminatedFields > 0) {
    warn(
      "unterminated_field",
      "",
      `${part.scan.unterminatedFields} field(s) begin without ending; left as they are`,
    );
  }
  regions.sort((a, b) => a.begin - b.begin);
  const placed = regions.map((r): PlacedField => ({
    at: r.begin,
    expr: r.node.expr,
    insideIf: r.insideIf,
    row: r.row,
    form: "mergeField",
  }));
  return { regions, placed, warnings };
};

/** The region a token lies in, if any: regions are sorted and disjoint, so a binary search. */
export const regionAt = (regions: readonly Region[], index: number): Region | undefined => {
  let lo = 0;
  let hi = regions.length - 1;
  let found: Region | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const region = regions[mid] as Region;
    if (region.begin <= index) {
      found = region;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && index <= found.end ? found : undefined;
};
