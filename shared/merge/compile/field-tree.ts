import {
  FieldSyntaxError,
  RECORD_FLOW_KINDS,
  fieldKind,
  parseMergeInstruction,
  type FieldExpr,
  type InstructionPiece,
} from "../fields/field-instruction";
import { TemplateError, type TemplateErrorCode } from "../template-error";
import type { FieldScan } from "./scan/scan-types";

/** Fields whose result the merge computes and writes as plain text. */
export const MERGED_KINDS: ReadonlySet<string> = new Set([
  "MERGEFIELD",
  "IF",
  "MERGEREC",
  "MERGESEQ",
  "NEXT",
  "NEXTIF",
  "SKIPIF",
  "ADDRESSBLOCK",
  "GREETINGLINE",
]);
/** Mail-merge fields that prompt the user or set bookmarks: not supported, left alone. */
export const UNSUPPORTED_KINDS: ReadonlySet<string> = new Set(["ASK", "FILLIN", "SET"]);

/** The code with nested fields shown as { ... }, for messages. */
export const codeText = (field: FieldScan): string =>
  field.pieces
    .map((p) => (typeof p === "string" ? p : `{${codeText(p)}}`))
    .join("")
    .trim();

const kindOfScan = (field: FieldScan): string =>
  fieldKind(field.pieces.map((p) => (typeof p === "string" ? p : { kind: "text", text: "" })));

export type ParsedField =
  | { readonly ok: true; readonly kind: string; readonly expr: FieldExpr }
  | {
      readonly ok: false;
      readonly kind: string;
      readonly reason: string;
      /** Set when the letter must be refused rather than the field left alone. */
      readonly refuse?: Extract<TemplateErrorCode, "record_field_nested" | "record_field_syntax">;
    };

/**
 * A field as an expression. Nested fields that are not merged themselves (PAGE, a DATE,
 * anything unknown) stand for the result Word last showed, which is what IF compares.
 * NEXT, NEXTIF and SKIPIF inside another field's code (an IF's texts) are refused: Word would
 * advance the record whichever branch is shown, which is never what such a letter means; and so
 * is a NEXTIF or SKIPIF that does not compare, since the records each letter takes would be a
 * guess.
 */
export const parseField = (field: FieldScan): ParsedField => {
  const kind = kindOfScan(field);
  if (!MERGED_KINDS.has(kind)) return { ok: false, kind, reason: "not a merge field" };
  let nestedFlow: string | undefined;
  const pieces: InstructionPiece[] = field.pieces.map((piece) => {
    if (typeof piece === "string") return piece;
    const nested = parseField(piece);
    if (
      nested.ok ? nested.expr.kind === "flow" : nested.refuse || RECORD_FLOW_KINDS.has(nested.kind)
    )
      nestedFlow ??= nested.kind;
    return nested.ok ? nested.expr : { kind: "text", text: piece.resultText };
  });
  if (nestedFlow !== undefined) {
    return {
      ok: false,
      kind,
      reason: `${nestedFlow} stands inside ${kind}: a record field must stand on its own in the letter's text`,
      refuse: "record_field_nested",
    };
  }
  try {
    return { ok: true, kind, expr: parseMergeInstruction(pieces) };
  } catch (error) {
    if (!(error instanceof FieldSyntaxError)) throw error;
    return RECORD_FLOW_KINDS.has(kind)
      ? { ok: false, kind, reason: error.message, refuse: "record_field_syntax" }
      : { ok: false, kind, reason: error.message };
  }
};

/** Refuses the letter for a parse that must not be left alone (see parseField). */
export const refuseParsed = (parsed: ParsedField, code: string, part: string): void => {
  if (!parsed.ok && parsed.refuse) {
    throw new TemplateError(parsed.refuse, `${code}: ${parsed.reason}`, part);
  }
};

/**
 * Every MERGEFIELD in an expression, with whether an IF encloses it (a NEXTIF's or SKIPIF's
 * comparison counts as one: its fields decide, they are not shown).
 */
export const mergeFieldsOf = (
  expr: FieldExpr,
  insideIf: boolean,
  visit: (merge: Extract<FieldExpr, { kind: "merge" }>, insideIf: boolean) => void,
): void => {
  const parts =
    expr.kind === "if"
      ? [expr.left, expr.right, expr.whenTrue, expr.whenFalse]
      : expr.kind === "flow" && expr.condition
        ? [expr.condition.left, expr.condition.right]
        : [];
  if (expr.kind === "merge") visit(expr, insideIf);
  for (const part of parts) {
    for (const piece of part) if (typeof piece !== "string") mergeFieldsOf(piece, true, visit);
  }
};
