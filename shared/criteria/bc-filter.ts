import { BcFilterError } from "./bc-filter-error";
import {
  parseBcFilterSyntax,
  type BcComparison,
  type BcFilterAst,
  type BcTerm,
} from "./bc-filter-syntax";
import type { CriteriaNode, FieldCondition, Operator } from "./criteria-tree";
import { operatorsFor, type FieldDef } from "./fields";
import {
  BOOLEAN_WORDS_HINT,
  canonicalEnumValue,
  inferAnyLiteral,
  parseBooleanLiteral,
  parseNumberLiteral,
  type FieldValue,
} from "./literals";
import { RelativeDateError, resolveDate, type DateRange } from "./relative-date";

export { BcFilterError } from "./bc-filter-error";

/**
 * Business Central filter strings on one field, turned into the criteria tree:
 *
 *   A|B  or          A&B  and          (A|B)&C  grouping (& binds tighter than |)
 *   x..y between     ..y  at most y    x..      at least x
 *   <>x  =x  <x  <=x  >x  >=x           ''  empty            <>''  not empty
 *   A*   starts with *A   ends with    *A*  contains          <>A*  does not start with A
 *   'a|b'  a quoted literal, '' for a ' inside: 'O''Brien'
 *
 * Decisions where Business Central leaves room:
 * - A lone `*` means "has a value" (notEmpty) and `<>*` means empty: with our two-valued
 *   semantics a missing field is empty, and a filter that matches everything is no filter.
 * - `@` (ignore case) makes a code field compare case-insensitively; text fields always do, so
 *   there it changes nothing; elsewhere it is accepted and ignored.
 * - `?` is exactly one character (`8?00`, `Hans?n*`), as in Business Central; it becomes the
 *   `like` operator (like-pattern.ts). * in the middle of a value (`A*B`), and ? with * at both
 *   ends (`*A?B*`), are not supported and say so.
 * - Values are typed by the field: numbers for number fields (point or comma decimals), dates
 *   through relative-date.ts, Yes/No/Ja/Nej/true/false/1/0 for booleans, and one of the values
 *   (any case) for enums. Custom fields hold strings, numbers or booleans: an unquoted number
 *   or true/false is typed, anything quoted or else is a string.
 * - Dates name days or periods: `last month` alone means the whole month (between its first
 *   and last day); `<x` is before x's first day, `<=x` up to its last, `>x` after its last,
 *   `>=x` from its first, `x..y` from x's first to y's last, `<>x` outside the period.
 *
 * Dates come out absolute (resolved against `today`); text values keep their case here and are
 * lower-cased by normalize.ts.
 */

type ValueOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

const COMPARISON_OPS: Readonly<Record<BcComparison, ValueOp>> = {
  "=": "eq",
  "<>": "ne",
  "<": "lt",
  "<=": "le",
  ">": "gt",
  ">=": "ge",
};

class FilterReader {
  constructor(
    private readonly filter: string,
    private readonly field: FieldDef,
    private readonly today: string,
  ) {}

  node(ast: BcFilterAst): CriteriaNode {
    switch (ast.kind) {
      case "or":
      case "and":
        return { kind: ast.kind, items: ast.items.map((item) => this.node(item)) };
      case "compare":
        return this.compare(ast.op, ast.term, ast.position);
      case "range":
        return this.range(ast.low, ast.high, ast.position);
    }
  }

  private compare(
    comparison: BcComparison | undefined,
    term: BcTerm,
    position: number,
  ): CriteriaNode {
    const op = COMPARISON_OPS[comparison ?? "="];
    switch (term.kind) {
      case "missing":
        return this.fail("expected a value", term.position);
      case "anything":
        if (op === "eq" || op === "ne")
          return this.condition(op === "eq" ? "notEmpty" : "empty", {});
        return this.fail(`${comparison} needs a value, not a lone *`, term.position);
      case "emptyString":
        if (op === "eq" || op === "ne")
          return this.condition(op === "eq" ? "empty" : "notEmpty", {});
        return this.fail(`${comparison} needs a value: '' means empty`, term.position);
      case "literal":
        break;
    }
    if (term.single || term.leadingStar || term.trailingStar)
      return this.wildcard(comparison, term, op);
    if (this.field.type === "date") return this.dateComparison(op, this.date(term));
    this.allow(op, position, comparison ?? "=");
    const value = this.value(term);
    if (typeof value === "boolean" && op !== "eq" && op !== "ne") {
      return this.fail(`true and false cannot be compared with ${comparison}`, position);
    }
    return this.condition(op, { value }, term.ignoreCase);
  }

  private wildcard(
    comparison: BcComparison | undefined,
    term: Extract<BcTerm, { kind: "literal" }>,
    op: ValueOp,
  ): CriteriaNode {
    const { type, name } = this.field;
    const mark = term.single ? "?" : "*";
    if (type !== "code" && type !== "text" && type !== "any") {
      return this.fail(
        `wildcards (${mark}) only work on text and code fields; ${name} is a ${type} field`,
        term.position,
      );
    }
    if (op !== "eq" && op !== "ne") {
      return this.fail(`${comparison} cannot be combined with a wildcard (${mark})`, term.position);
    }
    if (term.single) {
      if (term.leadingStar && term.trailingStar) {
        return this.fail(
          "? cannot be combined with * at both ends (*A?B*): use * at one end only",
          term.position,
        );
      }
      const pattern = `${term.leadingStar ? "*" : ""}${term.text}${term.trailingStar ? "*" : ""}`;
      const like = this.condition("like", { value: pattern }, term.ignoreCase);
      return op === "ne" ? { kind: "not", item: like } : like;
    }
    const matchOp =
      term.leadingStar && term.trailingStar
        ? "contains"
        : term.leadingStar
          ? "endsWith"
          : "startsWith";
    const node = this.condition(matchOp, { value: term.text }, term.ignoreCase);
    return op === "ne" ? { kind: "not", item: node } : node;
  }

  /** A day is compared as a day; a period by its first or last day, as the operator needs. */
  private dateComparison(op: ValueOp, { from, to }: DateRange): CriteriaNode {
    const single = from === to;
    switch (op) {
      case "eq":
        return single
          ? this.condition("eq", { value: from })
          : this.condition("between", { values: [from, to] });
      case "ne":
        return single
          ? this.condition("ne", { value: from })
          : { kind: "not", item: this.condition("between", { values: [from, to] }) };
      case "lt":
      case "ge":
        return this.condition(op, { value: from });
      case "le":
      case "gt":
        return this.condition(op, { value: to });
    }
  }

  private range(low: BcTerm, high: BcTerm, position: number): CriteriaNode {
    this.allow("between", position);
    const lowValue = this.rangeEnd(low);
    const highValue = this.rangeEnd(high);
    const ignoreCase = [low, high].some((t) => t.kind === "literal" && t.ignoreCase);
    if (this.field.type === "date") {
      const from = lowValue === undefined ? undefined : this.date(low).from;
      const to = highValue === undefined ? undefined : this.date(high).to;
      if (from !== undefined && to !== undefined)
        return this.condition("between", { values: [from, to] });
      return from !== undefined
        ? this.condition("ge", { value: from })
        : this.condition("le", { value: to });
    }
    const typed = [lowValue, highValue].map((t) => (t === undefined ? undefined : this.value(t)));
    const [from, to] = typed;
    for (const [i, v] of typed.entries()) {
      if (typeof v === "boolean") {
        this.fail("true and false cannot be ordered in a range", (i === 0 ? low : high).position);
      }
    }
    if (from !== undefined && to !== undefined) {
      if (typeof from !== typeof to) {
        return this.fail(
          "both ends of a range must be numbers, or both text (quote a number to mean text)",
          position,
        );
      }
      return this.condition("between", { values: [from, to] }, ignoreCase);
    }
    return from !== undefined
      ? this.condition("ge", { value: from }, ignoreCase)
      : this.condition("le", { value: to }, ignoreCase);
  }

  private rangeEnd(term: BcTerm): Extract<BcTerm, { kind: "literal" }> | undefined {
    if (term.kind === "missing") return undefined;
    if (term.kind !== "literal" || term.single || term.leadingStar || term.trailingStar) {
      return this.fail(
        "a range (x..y) needs plain values: no wildcards (* or ?) and no ''",
        term.position,
      );
    }
    return term;
  }

  private value(term: Extract<BcTerm, { kind: "literal" }>): FieldValue {
    const { type, enumValues } = this.field;
    switch (type) {
      case "code":
      case "text":
      case "date":
        return term.text;
      case "any":
        return term.quoted ? term.text : inferAnyLiteral(term.text);
      case "enum": {
        const value = canonicalEnumValue(this.field, term.text);
        if (value !== undefined) return value;
        return this.fail(
          `expected one of ${(enumValues ?? []).join(", ")}, found "${term.text}"`,
          term.position,
        );
      }
      case "boolean": {
        const value = parseBooleanLiteral(term.text);
        if (value !== undefined) return value;
        return this.fail(`expected ${BOOLEAN_WORDS_HINT}, found "${term.text}"`, term.position);
      }
      case "number": {
        const value = parseNumberLiteral(term.text);
        if (value !== undefined) return value;
        return this.fail(`expected a number, found "${term.text}"`, term.position);
      }
    }
  }

  private date(term: BcTerm): DateRange {
    const text = term.kind === "literal" ? term.text : "";
    try {
      return resolveDate(text, this.today);
    } catch (error) {
      if (!(error instanceof RelativeDateError)) throw error;
      return this.fail(
        `expected a date such as 2026-01-31, today, -30D, last month or last 30 days, found "${text}"`,
        term.position,
      );
    }
  }

  private allow(op: Operator, position: number, comparison?: BcComparison): void {
    const { type, name } = this.field;
    if (operatorsFor(type).includes(op)) return;
    const what = comparison === undefined ? "ranges (x..y) do" : `${comparison} does`;
    this.fail(`${what} not apply to ${type} fields such as ${name}`, position);
  }

  private condition(
    op: Operator,
    operand: { value?: FieldValue; values?: FieldValue[] },
    ignoreCase = false,
  ): FieldCondition {
    return {
      kind: "field",
      field: this.field.name,
      op,
      ...operand,
      ...(ignoreCase && this.field.type === "code" ? { ignoreCase: true } : {}),
    };
  }

  private fail(message: string, position: number): never {
    throw new BcFilterError(message, position, this.filter);
  }
}

/**
 * The tree of conditions on `field` that the filter string means.
 * @throws BcFilterError naming the position and what was expected there.
 */
export const parseBcFilter = (filter: string, field: FieldDef, today: string): CriteriaNode =>
  new FilterReader(filter, field, today).node(parseBcFilterSyntax(filter));
