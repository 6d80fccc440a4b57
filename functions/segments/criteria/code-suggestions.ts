import { contactCodeTables, type ContactCodeTable } from "@shared/model/contact-code";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";

export const isCodeTable = (field: string): field is ContactCodeTable =>
  (contactCodeTables as readonly string[]).includes(field);

/**
 * Value suggestions for a code list: the tenant's set-up codes (searched by the start of the
 * code or of either description), each with its descriptions and how many contacts carry it, so
 * the pane can offer codes nobody carries yet; most used first, as other fields' values are.
 */
export const codeSuggestions = async (
  store: Store,
  tenant: TenantId,
  table: ContactCodeTable,
  query: { search?: string | undefined; top: number },
) => {
  const [page, counts] = await Promise.all([
    store.contactCodes[table].list(tenant, { top: 1000 }),
    store.contacts.codeCounts(tenant, table),
  ]);
  const search = query.search?.toLowerCase();
  return page.items
    .filter(
      (c) =>
        !search ||
        [c.code, c.description, c.descriptionDa].some((t) => t.toLowerCase().startsWith(search)),
    )
    .map((c) => ({
      value: c.code,
      count: counts.get(c.code) ?? 0,
      description: c.description,
      descriptionDa: c.descriptionDa,
    }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, query.top);
};
