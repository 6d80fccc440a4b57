import { readLikePattern, type LikePattern } from "./like-pattern";
import { dayBounds, isDateComparison, type DateComparison } from "./date-bounds";
import type { FieldValue } from "./literals";
import type { NormalizedOperand } from "./normalize-operand";
import {
  isCompanyList,
  type NormalizedFieldCondition,
  type NormalizedNode,
  type NormalizedOwnListCondition,
  type NormalizedProfileCondition,
} from "./normalized-tree";
import type { ResolvedSets } from "./resolved-sets";

/**
 * A normalized criteria tree as a Cosmos DB SQL boolean expression over the contact document,
 * with the semantics documented in evaluate.ts.
 *
 * Cosmos SQL is three-valued: a comparison with a missing property is undefined, NOT undefined
 * is undefined, and a WHERE keeps only true. So every leaf here is made TOTAL (always true or
 * false) by guarding it with IS_STRING/IS_NUMBER/IS_BOOL/IS_ARRAY, which are, and `false AND
 * undefined` is false. Over total leaves NOT, AND and OR are the two-valued ones, and `not` is
 * the exact complement as in the evaluator.
 *
 * Every value comes in as a parameter. Property names come from the field catalog or are
 * custom-field keys matching ^[A-Za-z][A-Za-z0-9_]{0,49}$ (checked again here), emitted in
 * bracket notation (`c["customFields"]["key"]`) so no key can collide with a keyword.
 *
 * Only functions that both Azure Cosmos DB and the embedded engine (@zeit/cosmosdb-query) have
 * are used: IS_STRING, IS_NUMBER, IS_BOOL, IS_ARRAY, LOWER, STARTSWITH, ENDSWITH, CONTAINS
 * (two arguments), ARRAY_CONTAINS and EXISTS subqueries.
 */

export type JSONValue =
  string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };

export interface SqlParameter {
  readonly name: string;
  readonly value: JSONValue;
}

export interface CompiledSql {
  readonly where: string;
  readonly parameters: SqlParameter[];
}

/** A tree or an argument the compiler will not put into SQL: a programming error, not user input. */
export class SqlCompileError extends Error {
  override readonly name = "SqlCompileError";
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,49}$/;
const PARAM_PREFIX = /^@[A-Za-z][A-Za-z0-9_]*$/;

const quotedPath = (base: string, path: readonly string[]): string =>
  base +
  path
    .map((key) => {
      if (!IDENTIFIER.test(key))
        throw new SqlCompileError(`not a property name: ${JSON.stringify(key)}`);
      return `[${JSON.stringify(key)}]`;
    })
    .join("");

const typeTest = (v: FieldValue): string =>
  typeof v === "string" ? "IS_STRING" : typeof v === "number" ? "IS_NUMBER" : "IS_BOOL";

class SqlCompiler {
  readonly parameters: SqlParameter[] = [];
  private readonly setParams = new Map<ReadonlySet<string>, string>();

  constructor(
    private readonly alias: string,
    private readonly prefix: string,
    private readonly sets: ResolvedSets,
  ) {}

  node(node: NormalizedNode): string {
    switch (node.kind) {
      case "and":
      case "or":
        if (node.items.length === 0) return node.kind === "and" ? "true" : "false";
        return `(${node.items.map((item) => this.node(item)).join(node.kind === "and" ? " AND " : " OR ")})`;
      case "not":
        return `(NOT ${this.node(node.item)})`;
      case "field":
        return this.field(node);
      case "profile":
        return this.profile(node);
      case "list": {
        if (!isCompanyList(node)) return this.ownList(node);
        const inSet = this.companyInSet(this.sets.companiesFor(node));
        return node.match === "none" ? `(NOT ${inSet})` : inSet;
      }
      case "interactions":
      case "segment": {
        const inSet = this.contactInSet(this.sets.contactsFor(node));
        return (node.kind === "interactions" ? node.has : node.in) === false
          ? `(NOT ${inSet})`
          : inSet;
      }
    }
  }

  private param(value: JSONValue): string {
    const name = `${this.prefix}${this.parameters.length}`;
    this.parameters.push({ name, value });
    return name;
  }

  /** One parameter per set, however many conditions share it; sorted so the SQL is reproducible. */
  private setParam(set: ReadonlySet<string>): string {
    let name = this.setParams.get(set);
    if (name === undefined) {
      name = this.param([...set].sort());
      this.setParams.set(set, name);
    }
    return name;
  }

  private get doc(): string {
    return this.alias;
  }

  private contactInSet(set: ReadonlySet<string>): string {
    if (set.size === 0) return "false";
    const no = quotedPath(this.doc, ["no"]);
    return `(IS_STRING(${no}) AND ARRAY_CONTAINS(${this.setParam(set)}, ${no}))`;
  }

  /** A company by its own number, anyone else by its company's. */
  private companyInSet(set: ReadonlySet<string>): string {
    if (set.size === 0) return "false";
    const type = quotedPath(this.doc, ["type"]);
    const no = quotedPath(this.doc, ["no"]);
    const companyNo = quotedPath(this.doc, ["companyNo"]);
    const isCompany = `(IS_STRING(${type}) AND ${type} = "company")`;
    const p = this.setParam(set);
    return (
      `((${isCompany} AND IS_STRING(${no}) AND ARRAY_CONTAINS(${p}, ${no})) OR ` +
      `((NOT ${isCompany}) AND IS_STRING(${companyNo}) AND ARRAY_CONTAINS(${p}, ${companyNo})))`
    );
  }

  private ownList(node: NormalizedOwnListCondition): string {
    const list = quotedPath(this.doc, [node.list]);
    if (node.match === "all") {
      const each = node.codes.map((code) => `ARRAY_CONTAINS(${list}, ${this.param(code)})`);
      return `(IS_ARRAY(${list}) AND ${each.join(" AND ")})`;
    }
    const g = `${this.alias}_g`;
    const any = `EXISTS(SELECT VALUE ${g} FROM ${g} IN ${list} WHERE ARRAY_CONTAINS(${this.param([...node.codes])}, ${g}))`;
    return node.match === "none" ? `(NOT ${any})` : any;
  }

  private profile(node: NormalizedProfileCondition): string {
    const a = `${this.alias}_pa`;
    const answers = quotedPath(this.doc, ["profileAnswers"]);
    const questionnaire = `${quotedPath(a, ["questionnaire"])} = ${this.param(node.questionnaire)}`;
    const question = `${quotedPath(a, ["question"])} = ${this.param(node.question)}`;
    const answer = this.operand(node, quotedPath(a, ["answer"]), true);
    return `EXISTS(SELECT VALUE ${a} FROM ${a} IN ${answers} WHERE ${questionnaire} AND ${question} AND ${answer})`;
  }

  private field(node: NormalizedFieldCondition): string {
    const x = quotedPath(this.doc, node.path);
    return isDateComparison(node) ? this.date(node, x) : this.operand(node, x, node.ignoreCase);
  }

  private date(node: DateComparison, x: string): string {
    const { atLeast, below } = dayBounds(node);
    const parts = [`IS_STRING(${x})`, `${x} != ""`];
    if (atLeast !== undefined) parts.push(`${x} >= ${this.param(atLeast)}`);
    if (below !== undefined) parts.push(`${x} < ${this.param(below)}`);
    const within = `(${parts.join(" AND ")})`;
    return node.op === "ne" ? `(NOT ${within})` : within;
  }

  /** The leaf on the value at `x`; total whatever x holds (see the header). */
  private operand(o: NormalizedOperand, x: string, ignoreCase: boolean): string {
    const stored = (v: FieldValue) => (typeof v === "string" && ignoreCase ? `LOWER(${x})` : x);
    // "" counts as empty: string comparisons that "" could pass exclude it explicitly.
    const guard = (v: FieldValue) =>
      `${typeTest(v)}(${x})${typeof v === "string" ? ` AND ${x} != ""` : ""}`;
    const hasValue = `(IS_NUMBER(${x}) OR IS_BOOL(${x}) OR (IS_STRING(${x}) AND ${x} != ""))`;
    const equals = (v: FieldValue) => `(${typeTest(v)}(${x}) AND ${stored(v)} = ${this.param(v)})`;
    const compare = (symbol: string, v: FieldValue) =>
      `(${guard(v)} AND ${stored(v)} ${symbol} ${this.param(v)})`;
    const match = (fn: string, v: string) =>
      `(${guard(v)} AND ${fn}(${stored(v)}, ${this.param(v)}))`;
    switch (o.op) {
      case "empty":
        return `(NOT ${hasValue})`;
      case "notEmpty":
        return hasValue;
      case "eq":
        return equals(o.value);
      case "ne":
        return `(NOT ${equals(o.value)})`;
      case "in":
        return this.oneOf(o.values, x, stored);
      case "notIn":
        return `(NOT ${this.oneOf(o.values, x, stored)})`;
      case "lt":
        return compare("<", o.value);
      case "le":
        return compare("<=", o.value);
      case "gt":
        return compare(">", o.value);
      case "ge":
        return compare(">=", o.value);
      case "between": {
        const [low, high] = o.values;
        return `(${guard(low)} AND ${stored(low)} >= ${this.param(low)} AND ${stored(low)} <= ${this.param(high)})`;
      }
      case "startsWith":
        return match("STARTSWITH", o.value);
      case "endsWith":
        return match("ENDSWITH", o.value);
      case "contains":
        return match("CONTAINS", o.value);
      case "like":
        return this.like(readLikePattern(o.value), x, stored(o.value));
    }
  }

  /**
   * like-pattern.ts's likeMatches in SQL: the length, then each piece at its place. Lengths and
   * offsets are integers counted here, so they go in the text; the pieces go in parameters.
   */
  private like(p: LikePattern, x: string, s: string): string {
    const base = p.fromEnd ? `LENGTH(${s}) - ${p.length} + ` : "";
    const pieces = p.pieces.map(
      ({ offset, text }) =>
        `SUBSTRING(${s}, ${base}${offset}, ${text.length}) = ${this.param(text)}`,
    );
    const size = `LENGTH(${s}) ${p.open ? ">=" : "="} ${p.length}`;
    return `(IS_STRING(${x}) AND ${[size, ...pieces].join(" AND ")})`;
  }

  /** Values grouped by type, so each ARRAY_CONTAINS is guarded by the one type it can match. */
  private oneOf(
    values: readonly FieldValue[],
    x: string,
    stored: (v: FieldValue) => string,
  ): string {
    if (values.length === 0) return "false";
    if (values.length === 1) {
      const [v] = values as [FieldValue];
      return `(${typeTest(v)}(${x}) AND ${stored(v)} = ${this.param(v)})`;
    }
    const groups = new Map<string, FieldValue[]>();
    for (const v of values) {
      const test = typeTest(v);
      groups.set(test, [...(groups.get(test) ?? []), v]);
    }
    const tests = [...groups].map(
      ([test, group]) =>
        `(${test}(${x}) AND ARRAY_CONTAINS(${this.param(group)}, ${stored(group[0] as FieldValue)}))`,
    );
    return tests.length === 1 ? (tests[0] as string) : `(${tests.join(" OR ")})`;
  }
}

/**
 * `where` is a boolean expression to AND into a query over `alias` (add the tenant scope
 * yourself); `parameters` go with it, named `${paramPrefix}0`, `${paramPrefix}1`, ...
 * The sets are asked for each external condition now, while compiling.
 */
export const compileToSql = (
  node: NormalizedNode,
  sets: ResolvedSets,
  alias = "c",
  paramPrefix = "@p",
): CompiledSql => {
  if (!IDENTIFIER.test(alias)) throw new SqlCompileError(`not an alias: ${JSON.stringify(alias)}`);
  if (!PARAM_PREFIX.test(paramPrefix))
    throw new SqlCompileError(`not a parameter prefix: ${JSON.stringify(paramPrefix)}`);
  const compiler = new SqlCompiler(alias, paramPrefix, sets);
  const where = compiler.node(node);
  return { where, parameters: compiler.parameters };
};
