import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import type { AppDeps } from "../app-deps";
import type { Identity } from "../auth/identity";
import type { InteractionFilters } from "../store/interaction-repository";
import type { Page } from "../store/document-store";

export const listContactInteractions = async (
  deps: AppDeps,
  identity: Identity,
  contactNo: string,
  q: InteractionFilters & {
    includeCompanyPersons: boolean;
    top: number;
    continuationToken?: string | undefined;
  },
): Promise<Page<InteractionLogEntry>> => {
  const contact = await deps.store.contacts.store.get(identity.tenantId, contactNo);
  return deps.store.interactions.listForContact(
    identity.tenantId,
    contactNo,
    contact.type === "company" && q.includeCompanyPersons,
    q,
    q.top,
    q.continuationToken,
  );
};

export const evaluateInteraction = async (
  deps: AppDeps,
  identity: Identity,
  contactNo: string,
  entryNo: number,
  evaluation: InteractionLogEntry["evaluation"] | null,
  ifMatch: string | undefined,
): Promise<InteractionLogEntry> => {
  const tenant = identity.tenantId;
  const entries = deps.store.interactions.entries;
  const key = deps.store.interactions.entryKey(contactNo, entryNo);
  const { etag, evaluation: _previous, ...rest } = await entries.get(tenant, key);
  return entries.replace(tenant, key, evaluation ? { ...rest, evaluation } : rest, ifMatch ?? etag);
};

/** Count, cost and duration per template or campaign; canceled entries never count. */
export const interactionStatistics = async (
  deps: AppDeps,
  identity: Identity,
  q: { by: "template" | "campaign"; from?: string | undefined; to?: string | undefined },
) => {
  const rows = await deps.store.interactions.forStatistics(identity.tenantId, q.from, q.to);
  const totals = new Map<string, { key: string; count: number; cost: number; duration: number }>();
  for (const row of rows) {
    const key = (q.by === "template" ? row.interactionTemplateCode : row.campaignNo) ?? "";
    const t = totals.get(key) ?? { key, count: 0, cost: 0, duration: 0 };
    t.count += 1;
    t.cost += row.cost ?? 0;
    t.duration += row.duration ?? 0;
    totals.set(key, t);
  }
  return {
    items: [...totals.values()]
      .map((t) => ({ ...t, cost: Math.round(t.cost * 100) / 100 }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
};
