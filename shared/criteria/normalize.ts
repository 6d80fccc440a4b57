import { BcFilterError, parseBcFilter } from "./bc-filter";
import { CriteriaBudget, shapeIssues, valuesOf, type BoundVerdict } from "./criteria-bounds";
import { CriteriaError, type CriteriaIssue, type CriteriaRule } from "./criteria-error";
import type {
  CriteriaNode,
  FieldCondition,
  InteractionCondition,
  ListCondition,
  MembershipCondition,
  ProfileCondition,
} from "./criteria-tree";
import { CUSTOM_FIELD_PREFIX, fieldDef, operatorsFor, type FieldDef } from "./fields";
import { normalizeOperand, type Path, type Report } from "./normalize-operand";
import type {
  NormalizedFieldCondition,
  NormalizedNode,
  NormalizedProfileCondition,
} from "./normalized-tree";
import { RelativeDateError, resolveDate } from "./relative-date";

export { CriteriaError } from "./criteria-error";
export type { CriteriaIssue, CriteriaRule } from "./criteria-error";
export type { NormalizedNode } from "./normalized-tree";

/**
 * Checks a criteria tree against the field catalog and turns it into the one form both back
 * ends run (normalized-tree.ts): filter strings parsed, relative dates resolved against
 * `today`, values typed, text lower-cased.
 *
 * Relative dates in op/value conditions resolve as in filter strings (bc-filter.ts): eq with a
 * period is between its first and last day, ne is outside it, lt and ge use the first day, le
 * and gt the last. Interaction conditions' `from` takes the first day, `to` the last.
 *
 * A tree beyond the bounds of criteria-bounds.ts is refused before anything recurses over it;
 * filter strings count with what they expand into, and expansion stops at the first bound passed.
 *
 * @throws CriteriaError with every issue found, each with the path into `node`.
 */
export const normalizeCriteria = (node: CriteriaNode, today: string): NormalizedNode => {
  const tooBig = shapeIssues(node);
  if (tooBig.length > 0) throw new CriteriaError(tooBig);
  const issues: CriteriaIssue[] = [];
  const report: Report = (path, rule, message, position) =>
    issues.push({
      path: [...path],
      rule,
      message,
      ...(position === undefined ? {} : { position }),
    });
  const result = new Normalizer(today, report, new CriteriaBudget()).node(node, [], 1);
  if (issues.length > 0 || result === undefined) throw new CriteriaError(issues);
  return result;
};

/** Answers for subtrees that failed: the walk goes on to find the other issues. */
type Maybe = NormalizedNode | undefined;

const boundRules: ReadonlySet<CriteriaRule> = new Set([
  "max_depth",
  "max_nodes",
  "max_conditions",
  "max_values",
]);

class Normalizer {
  constructor(
    private readonly today: string,
    private readonly report: Report,
    private readonly budget: CriteriaBudget,
  ) {}

  /** `depth` counts levels from the root of the whole tree, filter strings included. */
  node(node: CriteriaNode, path: Path, depth: number): Maybe {
    const inner = node.kind === "and" || node.kind === "or" || node.kind === "not";
    // A filter string is counted by the conditions it expands into, not as one.
    const expands = node.kind === "field" && node.filter !== undefined;
    const verdict =
      this.budget.enter(depth) ??
      (inner || expands ? undefined : this.budget.spend(valuesOf(node)));
    if (verdict !== undefined) return this.stop(verdict, path);
    switch (node.kind) {
      case "and":
      case "or": {
        const items = node.items.map((item, i) =>
          this.node(item, [...path, "items", i], depth + 1),
        );
        return items.every((i) => i !== undefined) ? { kind: node.kind, items } : undefined;
      }
      case "not": {
        const item = this.node(node.item, [...path, "item"], depth + 1);
        return item && { kind: "not", item };
      }
      case "field":
        return this.field(node, path, depth);
      case "profile":
        return this.profile(node, path);
      case "list":
        return this.list(node, path);
      case "interactions":
        return this.interactions(node, path);
      case "segment":
        return this.membership(node, path);
      default: {
        const kind = (node as { kind?: unknown }).kind;
        this.report(
          [...path, "kind"],
          "invalid_value",
          `unknown kind of condition ${JSON.stringify(kind)}`,
        );
        return undefined;
      }
    }
  }

  /** Reports a bound the first time it is passed; the walk then unwinds without expanding more. */
  private stop(verdict: BoundVerdict, path: Path): undefined {
    if (verdict !== "stop") this.report(path, verdict.rule, verdict.message);
    return undefined;
  }

  private field(node: FieldCondition, path: Path, depth: number): Maybe {
    const def = fieldDef(node.field);
    if (!def) {
      const isCustom = node.field.startsWith(CUSTOM_FIELD_PREFIX);
      this.report(
        [...path, "field"],
        "unknown_field",
        isCustom
          ? `custom field key "${node.field.slice(CUSTOM_FIELD_PREFIX.length)}" must be a letter followed by up to 49 letters, digits or _`
          : `unknown field "${node.field}"`,
      );
      return undefined;
    }
    if (node.filter !== undefined) return this.filter(node, def, path, depth);
    if (node.op === undefined) {
      this.report(
        [...path, "op"],
        "missing_value",
        "a condition needs op (with value or values) or filter",
      );
      return undefined;
    }
    if (!operatorsFor(def.type).includes(node.op)) {
      this.report(
        [...path, "op"],
        "operator_mismatch",
        `${node.op} does not apply to ${def.type} field ${def.name}; use one of ${operatorsFor(def.type).join(", ")}`,
      );
      return undefined;
    }
    const ignoreCase =
      def.type === "text" ||
      def.type === "any" ||
      (def.type === "code" && node.ignoreCase === true);
    const result = normalizeOperand(
      def,
      ignoreCase,
      { ...node, op: node.op },
      path,
      this.today,
      this.report,
    );
    if (!result) return undefined;
    const condition = {
      kind: "field",
      field: def.name,
      path: def.path,
      type: def.type,
      ignoreCase,
      ...result.operand,
    } as NormalizedFieldCondition;
    return result.negate ? { kind: "not", item: condition } : condition;
  }

  /** A filter string's tree was built from the catalog: whatever is wrong in it is the filter's fault. */
  private filter(node: FieldCondition, def: FieldDef, path: Path, depth: number): Maybe {
    const at = [...path, "filter"];
    if (node.op !== undefined || node.value !== undefined || node.values !== undefined) {
      this.report(at, "invalid_filter", "give either filter or op with value(s), not both");
      return undefined;
    }
    try {
      const parsed = parseBcFilter(node.filter ?? "", def, this.today);
      let failed = false;
      const inner = new Normalizer(
        this.today,
        (_p, rule, message) => {
          failed = true;
          this.report(at, boundRules.has(rule) ? rule : "invalid_filter", message);
        },
        this.budget,
      ).node(parsed, at, depth);
      return failed ? undefined : inner;
    } catch (error) {
      if (!(error instanceof BcFilterError)) throw error;
      // The position goes beside the message, not into it: the pane puts the cursor there,
      // and the API words it for people (1-based).
      this.report(at, "invalid_filter", error.message, error.position);
      return undefined;
    }
  }

  private profile(node: ProfileCondition, path: Path): Maybe {
    const answer: FieldDef = {
      name: "answer",
      path: ["answer"],
      type: "text",
      label: { "en-US": "Answer", "da-DK": "Svar" },
    };
    const result = normalizeOperand(
      answer,
      true,
      { ...node, op: node.op ?? "eq" },
      path,
      this.today,
      this.report,
    );
    if (!result) return undefined;
    return {
      kind: "profile",
      questionnaire: node.questionnaire,
      question: node.question,
      ...result.operand,
    } as NormalizedProfileCondition;
  }

  private list(node: ListCondition, path: Path): Maybe {
    if (node.codes.length === 0) {
      this.report([...path, "codes"], "missing_value", "a list condition needs at least one code");
      return undefined;
    }
    return { ...node, match: node.match ?? "any", codes: [...new Set(node.codes)] };
  }

  private interactions(node: InteractionCondition, path: Path): Maybe {
    const resolve = (key: "from" | "to"): string | undefined => {
      const text = node[key];
      if (text === undefined) return undefined;
      try {
        const range = resolveDate(text, this.today);
        return key === "from" ? range.from : range.to;
      } catch (error) {
        if (!(error instanceof RelativeDateError)) throw error;
        this.report([...path, key], "invalid_date", error.message);
        return "";
      }
    };
    const from = resolve("from");
    const to = resolve("to");
    if (from === "" || to === "") return undefined;
    if (from !== undefined && to !== undefined && from > to) {
      this.report([...path, "to"], "invalid_value", `to (${to}) is before from (${from})`);
      return undefined;
    }
    const { from: _f, to: _t, ...rest } = node;
    return {
      ...rest,
      has: node.has ?? true,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    };
  }

  private membership(node: MembershipCondition, path: Path): Maybe {
    if ((node.segmentNo === undefined) === (node.loggedSegmentEntryNo === undefined)) {
      this.report(
        [...path, "segmentNo"],
        "invalid_value",
        "name exactly one of segmentNo and loggedSegmentEntryNo",
      );
      return undefined;
    }
    return { ...node, in: node.in ?? true };
  }
}
