import {
  FieldSyntaxError,
  fieldKind,
  parseMergeInstruction,
  type FieldExpr,
  type InstructionPiece,
} from "../fields/field-instruction";
import type { FieldScan } from "./scan/scan-types";

/** Fields whose result the merge computes and writes as plain text. */
export const MERGED_KINDS: ReadonlySet<string> = new Set([
  "MERGEFIELD",
  "IF",
  "MERGEREC",
  "MERGESEQ",
  "NEXT",
  "ADDRESSBLOCK",
  "GREETINGLINE",
]);
/** Mail-merge fields that steer record flow or prompt the user: not supported, left alone. */
export const UNSUPPORTED_KINDS: ReadonlySet<string> = new Set([
  "NEXTIF",
  "SKIPIF",
  "ASK",
  "FILLIN",
  "SET",
]);

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
  | { readonly ok: false; readonly kind: string; readonly reason: string };

/**
 * A field as an expression. Nested fields that are not merged themselves (PAGE, a DATE,
 * anything unknown) stand for the result Word last showed, which is what IF compares.
 */
export const parseField = (field: FieldScan): ParsedField => {
  const kind = kindOfScan(field);
  if (!MERGED_KINDS.has(kind)) return { ok: false, kind, reason: "not a merge field" };
  const pieces: InstructionPiece[] = field.pieces.map((piece) => {
    if (typeof piece === "string") return piece;
    const nested = parseField(piece);
    return nested.ok ? nested.expr : { kind: "text", text: piece.resultText };
  });
  try {
    return { ok: true, kind, expr: parseMergeInstruction(pieces) };
  } catch (error) {
    if (error instanceof FieldSyntaxError) return { ok: false, kind, reason: error.message };
    throw error;
  }
};

/** Every MERGEFIELD in an expression, with whether an IF encloses it. */
export const mergeFieldsOf = (
  expr: FieldExpr,
  insideIf: boolean,
  visit: (merge: Extract<FieldExpr, { kind: "merge" }>, insideIf: boolean) => void,
): void => {
  if (expr.kind === "merge") visit(expr, insideIf);
  else if (expr.kind === "if") {
    for (const part of [expr.left, expr.right, expr.whenTrue, expr.whenFalse]) {
      for (const piece of part) if (typeof piece !== "string") mergeFieldsOf(piece, true, visit);
    }
  }
};
