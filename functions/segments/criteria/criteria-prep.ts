import { compileToSql, type CompiledSql } from "@shared/criteria/compile-sql";
import { CriteriaError } from "@shared/criteria/criteria-error";
import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { normalizeCriteria } from "@shared/criteria/normalize";
import type { NormalizedNode } from "@shared/criteria/normalized-tree";
import type { ResolvedSets } from "@shared/criteria/resolved-sets";
import { ValidationError } from "../../errors/app-errors";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";
import { resolveSets } from "./criteria-sets";
import { assertNoMembershipCycle } from "./membership-cycles";

export interface PreparedCriteria {
  readonly normalized: NormalizedNode;
  readonly sets: ResolvedSets;
  readonly compiled: CompiledSql;
}

/** Checks a tree against the field catalog; every problem comes back naming its exact place. */
export const normalizeOrReject = (
  filter: CriteriaNode,
  today: string,
  field = "filter",
): NormalizedNode => {
  try {
    return normalizeCriteria(filter, today);
  } catch (error) {
    if (!(error instanceof CriteriaError)) throw error;
    throw new ValidationError(
      error.issues.map((issue) => ({
        in: "body" as const,
        field: [field, ...issue.path].join("."),
        rule: issue.rule,
        message:
          issue.position !== undefined
            ? `${issue.message} (at character ${issue.position + 1})`
            : issue.message,
      })),
      "The criteria have problems; see errors.",
    );
  }
};

/** From the user's tree to SQL the store runs: validate, refuse cycles, resolve sets, compile. */
export const prepareCriteria = async (
  store: Store,
  tenant: TenantId,
  segmentNo: string,
  filter: CriteriaNode,
  today: string,
  field = "filter",
): Promise<PreparedCriteria> => {
  const normalized = normalizeOrReject(filter, today, field);
  await assertNoMembershipCycle(store, tenant, segmentNo, filter);
  const sets = await resolveSets(store, tenant, normalized);
  return { normalized, sets, compiled: compileToSql(normalized, sets) };
};
