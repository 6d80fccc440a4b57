import type { ExplainedCriteria, TypedCondition } from "../model/explained-criteria";
import type { CriteriaNode } from "./criteria-tree";
import { evaluate, type ContactDocLike } from "./evaluate";
import { normalizeCriteria } from "./normalize";
import type { NormalizedNode } from "./normalized-tree";
import type { ResolvedSets } from "./resolved-sets";

/**
 * Explains a tree in the words the marketer typed. Normalizing rewrites what people read
 * (filter strings become `or`s, relative dates become days, text is lower-cased), so each
 * condition as typed is normalized on its own and evaluated with the ordinary semantics
 * (evaluate.ts); the groups above are combined here exactly as evaluate combines them. A
 * condition's meaning depends only on itself and `today`, so the verdict is the whole tree's.
 */
export interface TypedExplainer {
  /** Every condition's normalized form under one `and`: what the caller resolves sets for. */
  readonly normalized: NormalizedNode;
  readonly explain: (contact: ContactDocLike, sets: ResolvedSets) => ExplainedCriteria;
}

/** @throws CriteriaError when a condition no longer normalizes (a field gone from the catalog). */
export const explainAsTyped = (tree: CriteriaNode, today: string): TypedExplainer => {
  const pieces = new Map<TypedCondition, NormalizedNode>();
  const collect = (node: CriteriaNode): void => {
    if (node.kind === "and" || node.kind === "or") node.items.forEach(collect);
    else if (node.kind === "not") collect(node.item);
    else pieces.set(node, normalizeCriteria(node, today));
  };
  collect(tree);
  const normalized: NormalizedNode = { kind: "and", items: [...pieces.values()] };

  const explain = (
    node: CriteriaNode,
    contact: ContactDocLike,
    sets: ResolvedSets,
  ): ExplainedCriteria => {
    switch (node.kind) {
      case "and":
      case "or": {
        const parts = node.items.map((item) => explain(item, contact, sets));
        const matched =
          node.kind === "and" ? parts.every((p) => p.matched) : parts.some((p) => p.matched);
        // An and fails by its failed items, an or holds by its met ones; otherwise all count.
        const deciding =
          (node.kind === "and") === matched ? parts : parts.filter((p) => p.matched === matched);
        return { kind: node.kind, matched, items: deciding };
      }
      case "not": {
        const item = explain(node.item, contact, sets);
        return { kind: "not", matched: !item.matched, item };
      }
      default: {
        const piece = pieces.get(node);
        if (!piece) throw new Error("explainAsTyped: a condition outside the tree it was given");
        return { kind: "condition", matched: evaluate(piece, contact, sets), condition: node };
      }
    }
  };
  return { normalized, explain: (contact, sets) => explain(tree, contact, sets) };
};
