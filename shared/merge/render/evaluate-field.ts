import type {
  Comparison,
  ComparisonOperator,
  FieldExpr,
  TextExpr,
} from "../fields/field-instruction";
import { finishText, formatFieldValue, type FormatContext } from "../format/format-value";
import { toNumber } from "../format/number-picture";
import { addressBlockText, greetingLineText } from "./address-fields";
import type { ValueLookup } from "./value-lookup";

export interface EvaluationContext {
  readonly lookup: ValueLookup;
  readonly format: FormatContext;
  /** MERGEREC: the record's place among the records given, from 1, skipped ones counted. */
  readonly recordNumber: number;
  /** MERGESEQ: the records merged into the output up to this one, skipped ones not counted. */
  readonly sequenceNumber: number;
}

/**
 * Word's IF wildcards: * any run of characters, ? one character (= and <> against quoted text).
 * Matched greedily, going back only to the last *: at most pattern x text steps, where a
 * regular expression of many *s backtracks exponentially on a text that almost matches.
 */
const wildcardMatch = (text: string, pattern: string): boolean => {
  let t = 0;
  let p = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === "*") {
      star = p++;
      resume = t;
    } else if (c !== undefined && (c === "?" || c === text[t])) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
};

/**
 * IF's comparison: numeric when both sides read as numbers, else text. Text equality is exact
 * (case matters, as in Word); ordering follows the record's language.
 */
export const compare = (
  left: string,
  operator: ComparisonOperator,
  right: string,
  language: string,
): boolean => {
  const a = toNumber(left);
  const b = toNumber(right);
  let order: number;
  if (a !== undefined && b !== undefined) order = a === b ? 0 : a < b ? -1 : 1;
  else if ((operator === "=" || operator === "<>") && /[*?]/.test(right)) {
    const matches = wildcardMatch(left, right);
    return operator === "=" ? matches : !matches;
  } else if (operator === "=" || operator === "<>") order = left === right ? 0 : 1;
  else order = left.localeCompare(right, language);
  switch (operator) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    case ">=":
      return order >= 0;
  }
};

const evaluateText = (text: TextExpr, context: EvaluationContext): string => {
  if (text.length === 1 && typeof text[0] === "string") return text[0];
  let out = "";
  for (const piece of text)
    out += typeof piece === "string" ? piece : evaluateField(piece, context);
  return out;
};

/** A field's result text for one record. */
export const evaluateField = (expr: FieldExpr, context: EvaluationContext): string => {
  switch (expr.kind) {
    case "merge":
      return formatFieldValue(context.lookup.get(expr.key), expr.switches, context.format);
    case "if":
      return finishText(
        evaluateText(holds(expr, context) ? expr.whenTrue : expr.whenFalse, context),
        expr.switches,
        context.format,
      );
    case "recordNumber":
      return formatFieldValue(
        expr.counts === "source" ? context.recordNumber : context.sequenceNumber,
        expr.switches,
        context.format,
      );
    case "flow":
      return "";
    case "text":
      return expr.text;
    case "addressBlock":
      return finishText(
        addressBlockText(expr, context.lookup, context.format.language),
        expr.switches,
        context.format,
      );
    case "greetingLine":
      return finishText(
        greetingLineText(expr, context.lookup, context.format.language),
        expr.switches,
        context.format,
      );
  }
};

/** Whether an IF's, NEXTIF's or SKIPIF's comparison holds for the record. */
export const holds = (comparison: Comparison, context: EvaluationContext): boolean =>
  compare(
    evaluateText(comparison.left, context),
    comparison.operator,
    evaluateText(comparison.right, context),
    context.format.language,
  );
