import type { CriteriaRule } from "./criteria-error";
import type { Operator, Scalar } from "./criteria-tree";
import type { FieldDef } from "./fields";
import {
  BOOLEAN_WORDS_HINT,
  canonicalEnumValue,
  parseBooleanLiteral,
  parseNumberLiteral,
  type FieldValue,
} from "./literals";
import { LikePatternError, readLikePattern } from "./like-pattern";
import { RelativeDateError, resolveDate, type DateRange } from "./relative-date";

/** One condition's operator and values, typed for its field (see normalized-tree.ts's invariants). */
export type NormalizedOperand =
  | { readonly op: "empty" | "notEmpty" }
  | { readonly op: "eq" | "ne" | "lt" | "le" | "gt" | "ge"; readonly value: FieldValue }
  | { readonly op: "startsWith" | "endsWith" | "contains" | "like"; readonly value: string }
  | { readonly op: "in" | "notIn"; readonly values: readonly FieldValue[] }
  | { readonly op: "between"; readonly values: readonly [FieldValue, FieldValue] };

export interface OperandResult {
  readonly operand: NormalizedOperand;
  /** A date `ne` a period: the complement of `between`, which no single operator says. */
  readonly negate: boolean;
}

export interface RawOperand {
  readonly op: Operator;
  readonly value?: Scalar;
  readonly values?: readonly Scalar[];
}

export type Path = readonly (string | number)[];
export type Report = (path: Path, rule: CriteriaRule, message: string, position?: number) => void;

const ORDERED = new Set<Operator>(["lt", "le", "gt", "ge", "between"]);

/**
 * Types and checks an operand; undefined after reporting what is wrong. The operator has been
 * checked against the field's type already.
 */
export const normalizeOperand = (
  field: FieldDef,
  ignoreCase: boolean,
  raw: RawOperand,
  path: Path,
  today: string,
  report: Report,
): OperandResult | undefined => {
  const { op } = raw;
  const done = (operand: NormalizedOperand, negate = false): OperandResult => ({ operand, negate });

  const coerce = (v: Scalar, at: Path): FieldValue | undefined => {
    const invalid = (expected: string): undefined => {
      report(at, "invalid_value", `${field.name} expects ${expected}, not ${JSON.stringify(v)}`);
      return undefined;
    };
    const text = (s: string) => (ignoreCase ? s.toLowerCase() : s);
    switch (field.type) {
      case "code":
      case "text":
      case "date":
        return typeof v === "boolean" ? invalid("text") : text(String(v));
      case "any":
        return typeof v === "string" ? text(v) : v;
      case "enum": {
        const value = typeof v === "string" ? canonicalEnumValue(field, v) : undefined;
        return value ?? invalid(`one of ${(field.enumValues ?? []).join(", ")}`);
      }
      case "boolean": {
        const value = typeof v === "boolean" ? v : parseBooleanLiteral(String(v));
        return value ?? invalid(BOOLEAN_WORDS_HINT);
      }
      case "number": {
        const value =
          typeof v === "number"
            ? Number.isFinite(v)
              ? v
              : undefined
            : parseNumberLiteral(String(v));
        return value ?? invalid("a number");
      }
    }
  };

  const date = (v: Scalar, at: Path): DateRange | undefined => {
    try {
      if (typeof v !== "string") throw new RelativeDateError(String(v));
      return resolveDate(v, today);
    } catch (error) {
      if (!(error instanceof RelativeDateError)) throw error;
      report(at, "invalid_date", `${field.name}: ${error.message}`);
      return undefined;
    }
  };

  const ordered = (v: FieldValue, at: Path): FieldValue | undefined => {
    if (typeof v !== "boolean" || !ORDERED.has(op)) return v;
    report(at, "invalid_value", `true and false cannot be ordered (${op})`);
    return undefined;
  };

  switch (op) {
    case "empty":
    case "notEmpty":
      // A stale value left by the editor is harmless here: these operators take none.
      return done({ op });

    case "in":
    case "notIn": {
      if (raw.values === undefined || raw.values.length === 0) {
        report(
          [...path, "values"],
          "missing_value",
          `${op} needs values: a list of at least one value`,
        );
        return undefined;
      }
      const values: FieldValue[] = [];
      let ok = true;
      raw.values.forEach((v, i) => {
        const at = [...path, "values", i];
        if (v === "") {
          report(
            at,
            "invalid_value",
            `'' cannot be in the list of ${op}: use the empty or notEmpty operator`,
          );
          ok = false;
          return;
        }
        const typed = coerce(v, at);
        if (typed === undefined) ok = false;
        else if (!values.includes(typed)) values.push(typed);
      });
      return ok ? done({ op, values }) : undefined;
    }

    case "between": {
      const at = [...path, "values"];
      if (raw.values === undefined) {
        report(at, "missing_value", "between needs values: [from, to]");
        return undefined;
      }
      const [low, high] = raw.values;
      if (raw.values.length !== 2 || low === undefined || high === undefined) {
        report(
          at,
          "invalid_value",
          `between needs exactly 2 values [from, to], not ${raw.values.length}`,
        );
        return undefined;
      }
      if (low === "" || high === "") {
        report([...at, low === "" ? 0 : 1], "missing_value", "between needs a value at both ends");
        return undefined;
      }
      if (field.type === "date") {
        const [from, to] = [date(low, [...at, 0]), date(high, [...at, 1])];
        return from && to ? done({ op, values: [from.from, to.to] }) : undefined;
      }
      const typedLow = coerce(low, [...at, 0]);
      const typedHigh = coerce(high, [...at, 1]);
      if (typedLow === undefined || typedHigh === undefined) return undefined;
      const from = ordered(typedLow, [...at, 0]);
      const to = ordered(typedHigh, [...at, 1]);
      if (from === undefined || to === undefined) return undefined;
      if (typeof from !== typeof to) {
        report(
          at,
          "invalid_value",
          "both ends of between must be of one type: two numbers or two texts",
        );
        return undefined;
      }
      return done({ op, values: [from, to] });
    }

    default: {
      const at = [...path, "value"];
      if (raw.value === undefined) {
        const hint = raw.values === undefined ? "" : " (in value, not values)";
        report(at, "missing_value", `${op} needs a value${hint}`);
        return undefined;
      }
      if (raw.value === "") {
        // '' is how Business Central says "empty"; a missing field is empty too (evaluate.ts).
        if ((op === "eq" || op === "ne") && field.type !== "boolean") {
          return done({ op: op === "eq" ? "empty" : "notEmpty" });
        }
        report(at, "missing_value", `${op} needs a value`);
        return undefined;
      }
      if (field.type === "date") {
        const range = date(raw.value, at);
        if (!range) return undefined;
        const { from, to } = range;
        switch (op) {
          case "eq":
          case "ne":
            return from === to
              ? done({ op, value: from })
              : done({ op: "between", values: [from, to] }, op === "ne");
          case "lt":
          case "ge":
            return done({ op, value: from });
          case "le":
          case "gt":
            return done({ op, value: to });
          default:
            return undefined;
        }
      }
      const typed = coerce(raw.value, at);
      if (typed === undefined) return undefined;
      if (op === "startsWith" || op === "endsWith" || op === "contains" || op === "like") {
        if (typeof typed === "boolean") {
          report(at, "invalid_value", `${op} needs text, not ${typed}`);
          return undefined;
        }
        if (op === "like") {
          try {
            readLikePattern(String(typed));
          } catch (error) {
            if (!(error instanceof LikePatternError)) throw error;
            report(at, "invalid_value", error.message);
            return undefined;
          }
        }
        return done({ op, value: String(typed) });
      }
      const value = ordered(typed, at);
      return value === undefined ? undefined : done({ op, value });
    }
  }
};
