import { generateDemoTenant } from "@shared/demo/demo-data";
import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { evaluate } from "@shared/criteria/evaluate";
import type { ContactDocLike } from "@shared/criteria/contact-doc-like";
import { ContactCreate } from "@shared/model/contact";
import { startApi } from "../test/integration/harness/api-harness";
import { storedDocuments } from "../test/integration/harness/stored-documents";
import { toContactDoc } from "../functions/contacts/contact-service";
import { stampNew } from "../functions/audit/stamp";
import { prepareCriteria } from "../functions/segments/criteria/criteria-prep";
import { asTenantId } from "../functions/store/tenant";
import type { BenchRow } from "./bench-row";

const tenantName = "bench";
const elapsed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
};

/** Three sections, as a marketer would fill Business Central's Add Contacts dialog. */
const threeSections: CriteriaNode = {
  kind: "and",
  items: [
    { kind: "field", field: "countryRegionCode", op: "eq", value: "DK" },
    { kind: "list", list: "mailingGroups", match: "any", codes: ["NYHEDSBREV", "EVENT"] },
    { kind: "field", field: "postCode", filter: "1000..4999|8000..8999" },
  ],
};

/**
 * 100,000 contacts in the embedded store. Add Contacts' pushed-down query against fetching every
 * contact and filtering in process; Go Back of a 10,000-line action against the action; Refresh
 * of a dynamic segment of about 50,000 contacts against the one query that selects them.
 */
export const benchCriteria = async (): Promise<BenchRow[]> => {
  const api = await startApi();
  const tenant = asTenantId(tenantName);
  const rows: BenchRow[] = [];
  try {
    const demo = generateDemoTenant({ companies: 10_000 });
    const companyNames = new Map(
      demo.contacts.filter((c) => c.type === "company").map((c) => [c.no, c.name]),
    );
    const stamp = stampNew(
      { tenantId: tenant, userId: "bench", userName: "bench", roles: [] },
      new Date(),
    );
    const docs = demo.contacts.slice(0, 100_000).map((c) => {
      const fields = ContactCreate.parse(c);
      return {
        ...toContactDoc(
          { ...fields, no: c.no },
          { companyName: fields.companyNo ? companyNames.get(fields.companyNo) : undefined },
        ),
        ...stamp,
      };
    });
    for (const s of demo.salespeople)
      await api.call("POST", "/api/salespeople", { tenant: tenantName, body: s });
    const load = await elapsed(() => api.deps.store.contacts.bulkCreate(tenant, docs));
    process.stderr.write(`  loaded ${docs.length} contacts in ${(load.ms / 1000).toFixed(1)} s\n`);

    // 1. The pushed-down query against fetching all and filtering in process.
    await api.call("POST", "/api/segments", { tenant: tenantName, body: { no: "BENCH-Q" } });
    const prepared = await prepareCriteria(
      api.deps.store,
      tenant,
      "BENCH-Q",
      threeSections,
      "2026-11-22",
    );
    const pushed = await elapsed(() =>
      api.deps.store.contacts.matching<{ no: string }>(tenant, prepared.compiled, ["no"]),
    );
    const inProcess = await elapsed(async () => {
      const all = await storedDocuments<ContactDocLike>(api.deps.store.containers.contacts, {
        tenant,
        docType: "contact",
      });
      return all.filter((c) => evaluate(prepared.normalized, c, prepared.sets));
    });
    if (pushed.value.length !== inProcess.value.length) throw new Error("the two ways disagree");
    rows.push({
      name: `Add Contacts, 3 sections, 100k contacts (${pushed.value.length} match)`,
      ours: pushed.ms,
      peer: inProcess.ms,
      peerName: "fetch every contact, filter in process",
      unit: "ms",
      ratio: pushed.ms / inProcess.ms,
      target: "<= 0.2x (5x faster)",
    });

    // 2. Go Back of a 10,000-line action against the action itself.
    await api.call("POST", "/api/segments", { tenant: tenantName, body: { no: "BENCH-GB" } });
    const tenThousand = {
      kind: "field",
      field: "no",
      op: "between",
      values: [docs[0]?.no, docs[9_999]?.no],
    };
    const action = await elapsed(() =>
      api.call("POST", "/api/segments/BENCH-GB/add-contacts", {
        tenant: tenantName,
        body: { filter: tenThousand, options: { ignoreExclusion: true } },
      }),
    );
    if (action.value.json.linesAdded !== 10_000)
      throw new Error(`expected 10,000 lines, got ${action.value.text.slice(0, 200)}`);
    const back = await elapsed(() =>
      api.call("POST", "/api/segments/BENCH-GB/go-back", { tenant: tenantName, body: {} }),
    );
    if (back.value.json.linesDeleted !== 10_000)
      throw new Error(`go back: ${back.value.text.slice(0, 200)}`);
    rows.push({
      name: "Go Back of a 10,000-line Add Contacts",
      ours: back.ms,
      peer: action.ms,
      peerName: "the Add Contacts action itself",
      unit: "ms",
      ratio: back.ms / action.ms,
      target: "<= 2x",
    });

    // 3. Refresh of a dynamic segment of about 50,000 contacts.
    await api.call("POST", "/api/segments", {
      tenant: tenantName,
      body: { no: "BENCH-DYN", dynamic: true },
    });
    const half: CriteriaNode = { kind: "field", field: "no", op: "le", value: docs[49_999]?.no };
    await api.call("POST", "/api/segments/BENCH-DYN/add-contacts", {
      tenant: tenantName,
      body: { filter: half, options: { ignoreExclusion: true } },
    });
    const dynPrepared = await prepareCriteria(
      api.deps.store,
      tenant,
      "BENCH-DYN",
      half,
      "2026-11-22",
    );
    const floor = await elapsed(() =>
      api.deps.store.contacts.matching<{ no: string }>(tenant, dynPrepared.compiled, ["no"]),
    );
    const refresh = await elapsed(() =>
      api.call("POST", "/api/segments/BENCH-DYN/refresh", { tenant: tenantName, body: {} }),
    );
    if (refresh.value.status !== 200)
      throw new Error(`refresh: ${refresh.value.text.slice(0, 200)}`);
    rows.push({
      name: `Refresh preview, dynamic segment of ${floor.value.length} contacts`,
      ours: refresh.ms,
      peer: floor.ms,
      peerName: "the one query selecting them (floor)",
      unit: "ms",
      ratio: refresh.ms / floor.ms,
      note: "Mautic users report ~40 min per segment rebuild at 260k contacts",
    });
  } finally {
    await api.close();
  }
  return rows;
};
