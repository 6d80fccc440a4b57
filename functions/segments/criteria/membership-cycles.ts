import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { ValidationError } from "../../errors/app-errors";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";

/** The segments a criteria tree tests membership of. */
export const segmentRefs = (node: CriteriaNode): string[] => {
  switch (node.kind) {
    case "and":
    case "or":
      return node.items.flatMap(segmentRefs);
    case "not":
      return segmentRefs(node.item);
    case "segment":
      return node.segmentNo ? [node.segmentNo] : [];
    default:
      return [];
  }
};

const cycle = (chain: string[]) => {
  const message =
    chain.length === 2
      ? `segment ${chain[0]} cannot be filtered on its own lines`
      : `segment membership would go round in a circle: ${chain.join(" → ")}`;
  return new ValidationError(
    [{ in: "body", field: "filter", rule: "cycle", message }],
    message,
    422,
  );
};

/**
 * Refuses criteria on a segment that test membership of that segment, directly or through
 * other segments' criteria (A uses B, B uses A): replaying them could never settle.
 */
export const assertNoMembershipCycle = async (
  store: Store,
  tenant: TenantId,
  segmentNo: string,
  filter: CriteriaNode,
): Promise<void> => {
  const seen = new Set<string>();
  const visit = async (refs: string[], chain: string[]): Promise<void> => {
    for (const ref of refs) {
      if (ref === segmentNo) throw cycle([...chain, ref]);
      if (seen.has(ref)) continue;
      seen.add(ref);
      const actions = await store.segments.listActions(tenant, ref);
      await visit(
        actions.flatMap((a) => (a.filter ? segmentRefs(a.filter) : [])),
        [...chain, ref],
      );
    }
  };
  await visit(segmentRefs(filter), [segmentNo]);
};
