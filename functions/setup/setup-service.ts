import { applyMergePatch } from "@shared/model/patch";
import type { z } from "zod";
import type { AppDeps } from "../app-deps";
import { stampChange, stampNew, withoutStamp } from "../audit/stamp";
import { ValidationError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { issuesToErrors } from "../errors/validation-issues";
import { checkReferences, type Reference } from "../references/reference-check";
import type { Page } from "../store/document-store";
import { createWithSeriesNo, type SeriesDef } from "../store/number-series";
import type { SetupFilter, SetupRepository } from "../store/setup-repository";
import type { Store } from "../store/store";
import type { TenantId } from "../store/tenant";

export interface SetupRules<T extends { etag: string }> {
  readonly repository: SetupRepository<T>;
  readonly valid: z.ZodType<object>;
  readonly keyOf: (fields: Record<string, unknown>) => string;
  readonly references: (fields: Record<string, unknown>) => Reference[];
  readonly initial?: Record<string, unknown>;
  readonly series?: { readonly def: SeriesDef; readonly keyField: string };
  /** Checked after the patch is merged and valid, before anything is written. */
  readonly guardChange?: (
    store: Store,
    tenant: TenantId,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ) => Promise<void>;
}

export const listSetup = <T extends { etag: string }>(
  deps: AppDeps,
  rules: SetupRules<T>,
  identity: Identity,
  query: { search?: string | undefined; top: number; continuationToken?: string | undefined },
  filters: readonly SetupFilter[],
): Promise<Page<T>> =>
  rules.repository.list(identity.tenantId, {
    search: query.search,
    filters,
    top: query.top,
    continuationToken: query.continuationToken,
  });

export const createSetup = async <T extends { etag: string }>(
  deps: AppDeps,
  rules: SetupRules<T>,
  identity: Identity,
  fields: Record<string, unknown>,
): Promise<T> => {
  const tenant = identity.tenantId;
  await checkReferences(deps.store, tenant, rules.references(fields));
  const write = (key: string, stored: Record<string, unknown>) =>
    rules.repository.store.create(tenant, key, {
      ...rules.initial,
      ...stored,
      ...stampNew(identity, deps.now()),
    });
  const { series: numbered } = rules;
  if (!numbered) return write(rules.keyOf(fields), fields);
  const given = fields[numbered.keyField];
  return createWithSeriesNo(
    deps.store.numberSeries,
    tenant,
    numbered.def,
    typeof given === "string" ? given : undefined,
    (no) => write(no, { ...fields, [numbered.keyField]: no }),
  );
};

export const updateSetup = async <T extends { etag: string }>(
  deps: AppDeps,
  rules: SetupRules<T>,
  identity: Identity,
  key: string,
  patch: Record<string, unknown>,
  ifMatch: string,
): Promise<T> => {
  const tenant = identity.tenantId;
  const current = await rules.repository.store.get(tenant, key);
  const stored = withoutStamp(current) as Record<string, unknown>;
  const merged = applyMergePatch(stored, patch);
  const parsed = rules.valid.safeParse(merged);
  if (!parsed.success)
    throw new ValidationError(issuesToErrors(parsed.error.issues, "body", merged));
  const changed = rules
    .references(parsed.data as Record<string, unknown>)
    .filter((r) => patch[r.field] !== undefined);
  await checkReferences(deps.store, tenant, changed);
  await rules.guardChange?.(deps.store, tenant, stored, parsed.data as Record<string, unknown>);
  // Fields the schema does not know (managed by the API itself) survive the update.
  const kept = Object.fromEntries(Object.keys(rules.initial ?? {}).map((k) => [k, stored[k]]));
  return rules.repository.store.replace(
    tenant,
    key,
    {
      ...kept,
      ...parsed.data,
      ...stampChange(
        current as unknown as { createdAt: string; createdBy: string },
        identity,
        deps.now(),
      ),
    },
    ifMatch,
  );
};
