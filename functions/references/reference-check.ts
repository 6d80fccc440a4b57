import { didYouMean, nearestCodes } from "@shared/model/nearest-codes";
import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../errors/app-errors";
import type { Store } from "../store/store";
import type { TenantId } from "../store/tenant";

export type ReferenceKind = "salesperson" | "campaign" | "interactionTemplate" | "company";

export interface Reference {
  readonly field: string;
  readonly kind: ReferenceKind;
  readonly value: string | undefined;
}

const names: Record<ReferenceKind, string> = {
  salesperson: "salesperson",
  campaign: "campaign",
  interactionTemplate: "interaction template",
  company: "company contact",
};

/**
 * Table relations as Business Central enforces them: a code must name something that exists in
 * the tenant. All references are checked together so the answer lists every bad field.
 */
export const checkReferences = async (
  store: Store,
  tenant: TenantId,
  refs: readonly Reference[],
): Promise<void> => {
  const present = refs.filter((r): r is Reference & { value: string } => !!r.value);
  const errors: ProblemError[] = [];
  await Promise.all(
    present.map(async (ref) => {
      const exists =
        ref.kind === "company"
          ? (await store.contacts.summariesOf(tenant, [ref.value])).get(ref.value)?.type ===
            "company"
          : (await repositoryOf(store, ref.kind).existing(tenant, [ref.value])).has(ref.value);
      if (!exists) {
        // A typo answers with the codes it was probably meant to be, as unknown criteria codes do.
        const near =
          ref.kind === "company"
            ? []
            : nearestCodes(ref.value, await repositoryOf(store, ref.kind).allCodes(tenant));
        errors.push({
          in: "body",
          field: ref.field,
          rule: "exists",
          message: `${names[ref.kind]} ${ref.value} does not exist` + didYouMean(near),
        });
      }
    }),
  );
  if (errors.length)
    throw new ValidationError(errors, "Some fields refer to things that do not exist.", 422);
};

const repositoryOf = (store: Store, kind: Exclude<ReferenceKind, "company">) =>
  kind === "salesperson"
    ? store.salespeople
    : kind === "campaign"
      ? store.campaigns
      : store.interactionTemplates;
