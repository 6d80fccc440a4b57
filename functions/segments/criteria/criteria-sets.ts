import type {
  InteractionCondition,
  ListCondition,
  MembershipCondition,
} from "@shared/criteria/criteria-tree";
import { externalConditions } from "@shared/criteria/external-conditions";
import type { NormalizedNode } from "@shared/criteria/normalized-tree";
import type { ResolvedSets } from "@shared/criteria/resolved-sets";
import { ValidationError } from "../../errors/app-errors";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";

const notFound = (message: string) =>
  new ValidationError([{ in: "body", field: "filter", rule: "exists", message }], message, 422);

/**
 * Answers the tree's external conditions with one store query each, before the tree runs: the
 * contacts with matching interactions, the contacts on a segment (or a logged segment), the
 * companies whose lists match. Both back ends then only test membership in these sets.
 */
export const resolveSets = async (
  store: Store,
  tenant: TenantId,
  tree: NormalizedNode,
): Promise<ResolvedSets> => {
  const contacts = new Map<object, ReadonlySet<string>>();
  const companies = new Map<object, ReadonlySet<string>>();
  await Promise.all(
    externalConditions(tree).map(async (node) => {
      if (node.kind === "interactions")
        contacts.set(node, await interactionContacts(store, tenant, node));
      else if (node.kind === "segment")
        contacts.set(node, await memberContacts(store, tenant, node));
      else companies.set(node, await matchingCompanies(store, tenant, node));
    }),
  );
  return {
    contactsFor: (node: InteractionCondition | MembershipCondition) =>
      contacts.get(node) ?? new Set(),
    companiesFor: (node: ListCondition) => companies.get(node) ?? new Set(),
  };
};

const interactionContacts = (store: Store, tenant: TenantId, node: InteractionCondition) =>
  store.interactions.contactNosMatching(tenant, {
    from: node.from,
    to: node.to,
    interactionTemplateCode: node.interactionTemplateCode,
    campaignNo: node.campaignNo,
    segmentNo: node.segmentNo,
    evaluation: node.evaluation,
    salespersonCode: node.salespersonCode,
  });

const memberContacts = async (store: Store, tenant: TenantId, node: MembershipCondition) => {
  if (node.segmentNo !== undefined) {
    if (!(await store.segments.headers.find(tenant, node.segmentNo))) {
      throw notFound(`segment ${node.segmentNo} does not exist`);
    }
    return new Set((await store.segments.lineRefs(tenant, node.segmentNo)).map((l) => l.contactNo));
  }
  const logged = await store.interactions.contactNosMatching(tenant, {
    loggedSegmentEntryNo: node.loggedSegmentEntryNo,
  });
  return logged;
};

const matchingCompanies = async (store: Store, tenant: TenantId, node: ListCondition) => {
  const codes = node.codes.map((code, i) => ({ name: `@code${i}`, value: code }));
  const tests = codes.map((c) => `ARRAY_CONTAINS(c.${node.list}, ${c.name})`);
  const rows = await store.contacts.matching<{ no: string }>(
    tenant,
    {
      // "none" is the complement of "any": the back ends take it, the set is the "any" set.
      where: `c.type = 'company' AND (${tests.join(node.match === "all" ? " AND " : " OR ")})`,
      parameters: codes,
    },
    ["no"],
  );
  return new Set(rows.map((r) => r.no));
};
