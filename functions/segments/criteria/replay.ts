import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import type { CriteriaActionKind, CriteriaOptions } from "@shared/model/criteria-action";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";
import { planAdd } from "./add-plan";
import { contactRowFields, type ContactRow } from "./contact-row";
import { prepareCriteria } from "./criteria-prep";
import { planRemove } from "./remove-plan";

export interface ReplayStep {
  readonly kind: CriteriaActionKind;
  readonly filter?: CriteriaNode | undefined;
  readonly options: CriteriaOptions;
  readonly contactNos?: readonly string[] | undefined;
}

export interface ReplayResult {
  /** The contacts the steps end with. */
  readonly members: ReadonlySet<string>;
  /** What actions need to write a line for each member. */
  readonly rows: ReadonlyMap<string, ContactRow>;
  /** Per step: how many contacts it added and removed. */
  readonly deltas: readonly { added: number; removed: number }[];
}

/**
 * Runs criteria steps on a set of contacts instead of on lines: one pushed-down query per step,
 * set algebra in between. Refresh of a dynamic segment replays all its actions from nothing
 * against today's contacts; a dry run of Reuse Criteria replays the saved steps from the
 * segment's current contacts.
 */
export const replaySteps = async (
  store: Store,
  tenant: TenantId,
  segmentNo: string,
  start: Iterable<string>,
  steps: readonly ReplayStep[],
  today: string,
): Promise<ReplayResult> => {
  const members = new Set(start);
  const rows = new Map<string, ContactRow>();
  const deltas: { added: number; removed: number }[] = [];
  for (const step of steps) {
    const before = members.size;
    let removed = 0;
    switch (step.kind) {
      case "addContacts":
      case "reuseSegment": {
        if (!step.filter) break;
        const { compiled } = await prepareCriteria(store, tenant, segmentNo, step.filter, today);
        const matched = await store.contacts.matching<ContactRow>(
          tenant,
          compiled,
          contactRowFields,
        );
        // A set holds each contact once: whether duplicates were allowed does not matter here.
        const plan = await planAdd(
          store,
          tenant,
          matched,
          { ...step.options, allowExistingContacts: true },
          new Set(),
        );
        for (const entry of plan) {
          members.add(entry.contact.no);
          rows.set(entry.contact.no, entry.contact);
        }
        break;
      }
      case "reduceContacts":
      case "refineContacts": {
        if (!step.filter) break;
        const { compiled } = await prepareCriteria(store, tenant, segmentNo, step.filter, today);
        const among = [...members];
        const [lineContacts, matched] = await Promise.all([
          store.contacts.byNos<Pick<ContactRow, "no" | "type" | "companyNo">>(tenant, among, [
            "no",
            "type",
            "companyNo",
          ]),
          store.contacts.matching<{ no: string }>(tenant, compiled, ["no"], among),
        ]);
        const refs = among.map((contactNo, i) => ({ lineNo: i, contactNo }));
        const gone = planRemove(
          step.kind,
          refs,
          lineContacts,
          new Set(matched.map((m) => m.no)),
          step.options.entireCompanies,
        );
        for (const i of gone) members.delete(among[i] as string);
        removed = gone.length;
        break;
      }
      case "manualAdd":
        for (const no of step.contactNos ?? []) members.add(no);
        break;
      case "manualRemove":
        for (const no of step.contactNos ?? []) if (members.delete(no)) removed++;
        break;
      case "refresh":
        // A refresh recorded the difference to its day; replaying the criteria recomputes it.
        break;
    }
    deltas.push({ added: members.size - before + removed, removed });
  }
  const missing = [...members].filter((no) => !rows.has(no));
  for (const row of await store.contacts.byNos<ContactRow>(tenant, missing, contactRowFields))
    rows.set(row.no, row);
  // A contact deleted since it was added by hand is not there to write a line for.
  for (const no of missing) if (!rows.has(no)) members.delete(no);
  return { members, rows, deltas };
};
