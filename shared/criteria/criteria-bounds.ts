import type { BoundRule, CriteriaIssue } from "./criteria-error";

/**
 * How big a criteria tree may be. Business Central's dialog makes a top-level `and` of sections,
 * each field's filter string an `or`: 3 or 4 levels, a few dozen conditions. The pane's advanced
 * groups nest deeper, but nobody builds 20 levels by hand. The other bounds follow from what the
 * query costs: the embedded store evaluates every condition for every contact (about 0.6 µs
 * each), so 500 conditions on the demo tenant's 3,300 contacts take about a second, where an
 * `and` of 100 `or`s of 100 took 21 s and held every other request. An `in` list costs about a
 * hundredth of a condition per value.
 *
 * - depth: levels from the root to the deepest condition, and/or/not and the condition each one;
 * - nodes: and/or/not and conditions in the tree as sent;
 * - conditions: after filter strings are expanded (`8000..8999|9000` is two);
 * - values: the values of in/notIn/between and the codes of list conditions, over the tree.
 */
export const criteriaLimits = {
  depth: 20,
  nodes: 1_000,
  conditions: 500,
  values: 20_000,
} as const;

const count = (n: number) => n.toLocaleString("en-US");

export const boundMessages = {
  depth: (found: string) =>
    `is nested ${found} levels deep; at most ${criteriaLimits.depth} levels of and/or/not and conditions are allowed`,
  nodes: () =>
    `has more than ${count(criteriaLimits.nodes)} and/or/not and conditions; split it into several actions (Add, then Reduce or Refine)`,
  conditions: () =>
    `expands to more than ${count(criteriaLimits.conditions)} conditions with its filter strings; use an in list (op "in" with values) for long lists of values`,
  values: () =>
    `has more than ${count(criteriaLimits.values)} values in all; split it into several actions`,
} as const;

type Inner =
  | { readonly kind: "and" | "or"; readonly items: unknown }
  | { readonly kind: "not"; readonly item: unknown };

const childrenOf = (node: unknown): readonly unknown[] => {
  if (node === null || typeof node !== "object") return [];
  const { kind } = node as { kind?: unknown };
  if (kind === "and" || kind === "or") {
    const items = (node as Inner & { items: unknown }).items;
    return Array.isArray(items) ? items : [];
  }
  if (kind === "not") return [(node as { item?: unknown }).item];
  return [];
};

const isInner = (node: unknown): boolean => childrenOf(node).length > 0;

/** What a condition brings in values: the list of an in/notIn/between, a list condition's codes. */
export const valuesOf = (node: unknown): number => {
  if (node === null || typeof node !== "object") return 0;
  const { values, codes } = node as { values?: unknown; codes?: unknown };
  return (Array.isArray(values) ? values.length : 0) + (Array.isArray(codes) ? codes.length : 0);
};

/**
 * The tree as sent, walked without recursion (it may be deeper than the stack), stopping at the
 * first bound it breaks. Anything that is not a tree node counts as a condition: the schema
 * reports what is wrong with it.
 */
export const shapeIssues = (tree: unknown): CriteriaIssue[] => {
  const at = (rule: BoundRule, message: string): CriteriaIssue[] => [{ path: [], rule, message }];
  const stack: { node: unknown; depth: number }[] = [{ node: tree, depth: 1 }];
  let nodes = 0;
  let values = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    nodes += 1;
    if (depth > criteriaLimits.depth)
      return at("max_depth", boundMessages.depth(`more than ${criteriaLimits.depth}`));
    if (nodes > criteriaLimits.nodes) return at("max_nodes", boundMessages.nodes());
    if (isInner(node)) {
      for (const child of childrenOf(node)) stack.push({ node: child, depth: depth + 1 });
    } else {
      values += valuesOf(node);
      if (values > criteriaLimits.values) return at("max_values", boundMessages.values());
    }
  }
  return [];
};

/** Why a walk must stop: the bound broken (once), then "stop" for every later step. */
export type BoundVerdict = { readonly rule: BoundRule; readonly message: string } | "stop";

/**
 * What normalizing a tree may still spend: conditions and values as filter strings expand, and
 * the depth they add. One budget serves the normalizer of the whole tree and those of its filter
 * strings, so that expansion stops at the first bound passed rather than after the work is done.
 */
export class CriteriaBudget {
  private conditions = 0;
  private values = 0;
  private broken = false;

  /** A node at `depth` (the root is 1). */
  enter(depth: number): BoundVerdict | undefined {
    if (this.broken) return "stop";
    if (depth <= criteriaLimits.depth) return undefined;
    return this.break("max_depth", boundMessages.depth(`more than ${criteriaLimits.depth}`));
  }

  /** One more condition, testing `values` values. */
  spend(values: number): BoundVerdict | undefined {
    if (this.broken) return "stop";
    this.conditions += 1;
    this.values += values;
    if (this.conditions > criteriaLimits.conditions)
      return this.break("max_conditions", boundMessages.conditions());
    if (this.values > criteriaLimits.values)
      return this.break("max_values", boundMessages.values());
    return undefined;
  }

  private break(rule: BoundRule, message: string): BoundVerdict {
    this.broken = true;
    return { rule, message };
  }
}
