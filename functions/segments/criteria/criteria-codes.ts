import type { CriteriaNode, ListCondition } from "@shared/criteria/criteria-tree";
import { contactCodeNouns } from "@shared/model/contact-code";
import { didYouMean, nearestCodes } from "@shared/model/nearest-codes";
import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../../errors/app-errors";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";

const names: Record<ListCondition["list"], string> = contactCodeNouns;

interface Placed {
  readonly node: ListCondition;
  readonly path: string;
}

const listConditions = (node: CriteriaNode, path: string): Placed[] => {
  if (node.kind === "and" || node.kind === "or")
    return node.items.flatMap((item, i) => listConditions(item, `${path}.items.${i}`));
  if (node.kind === "not") return listConditions(node.item, `${path}.item`);
  return node.kind === "list" ? [{ node, path }] : [];
};

/**
 * Codes in list conditions must name a row of the tenant's code table, as BC's table relations
 * do: a typo then answers 422 with the nearest codes rather than silently matching nobody. A
 * table the tenant has not set up at all (no rows) is not enforced, so tenants whose contacts
 * carry codes from before the setup tables existed keep their criteria working.
 */
export const checkCriteriaCodes = async (
  store: Store,
  tenant: TenantId,
  filter: CriteriaNode,
  field = "filter",
): Promise<void> => {
  const placed = listConditions(filter, field);
  if (placed.length === 0) return;
  const tables = [...new Set(placed.map((p) => p.node.list))];
  const known = new Map(
    await Promise.all(
      tables.map(async (t) => [t, await store.contactCodes[t].allCodes(tenant)] as const),
    ),
  );
  const errors: ProblemError[] = [];
  for (const { node, path } of placed) {
    const codes = known.get(node.list) ?? [];
    if (codes.length === 0) continue;
    const set = new Set(codes);
    node.codes.forEach((code, i) => {
      if (set.has(code)) return;
      const near = nearestCodes(code, codes);
      errors.push({
        in: "body",
        field: `${path}.codes.${i}`,
        rule: "exists",
        message: `${names[node.list]} ${code} does not exist` + didYouMean(near),
      });
    });
  }
  if (errors.length)
    throw new ValidationError(errors, "The criteria name codes that are not set up.", 422);
};
