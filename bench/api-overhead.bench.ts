import { randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { generateDemoTenant } from "@shared/demo/demo-data";
import { ContactCreate } from "@shared/model/contact";
import { startApi } from "../test/integration/harness/api-harness";
import { toContactDoc } from "../functions/contacts/contact-service";
import { startEmbeddedCosmos } from "../functions/store/embedded/embedded-cosmos";
import { createCosmosClient, openContainers } from "../functions/store/cosmos-client";
import { asTenantId } from "../functions/store/tenant";
import type { BenchRow } from "./bench-row";
import { medianMs, sideBySide } from "./measure";

const N = 10_000;
const csvCell = (v: unknown) => {
  const s = v === undefined ? "" : String(v);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const columns = [
  "no",
  "type",
  "name",
  "companyNo",
  "email",
  "phone",
  "address",
  "postCode",
  "city",
  "countryRegionCode",
  "languageCode",
  "salespersonCode",
] as const;

/**
 * The API's overhead over the bare Cosmos SDK on the same embedded store in the same run:
 * importing 10,000 contacts (CSV through POST /contacts/import against executeBulkOperations
 * of the same documents), importing them again (all duplicates) and exporting them against
 * the SDK reading what each needs, and listing 1,000 (two pages of 500 through GET /contacts
 * against the same query straight on the SDK).
 */
export const benchApiOverhead = async (): Promise<BenchRow[]> => {
  const cosmos = await startEmbeddedCosmos();
  const api = await startApi({}, cosmos);
  const sdkClient = createCosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId: "sdk",
    allowSelfSigned: true,
  });
  try {
    const demo = generateDemoTenant({
      companies: 1000,
      personsPerCompanyAverage: 9,
      independentPersons: 0,
    });
    const contacts = demo.contacts
      .slice(0, N)
      .map((c) => ({ ...ContactCreate.parse(c), no: c.no }));
    // Persons of a company beyond the cut would reference it; keep companies first (the generator does).
    const csv = [
      columns.join(";"),
      ...contacts.map((c) => columns.map((k) => csvCell(c[k])).join(";")),
    ].join("\r\n");
    const stamp = {
      createdAt: new Date().toISOString(),
      createdBy: "bench",
      modifiedAt: new Date().toISOString(),
      modifiedBy: "bench",
    };

    // Salespeople referenced by the rows must exist in every tenant the API imports into.
    const tenants = Array.from({ length: 6 }, () => `bench-${randomUUID().slice(0, 8)}`);
    for (const tenant of tenants) {
      for (const s of demo.salespeople)
        await api.call("POST", "/api/salespeople", { tenant, body: s });
    }
    // One container on each side, growing alike run after run: the embedded store scans a whole
    // container per query, so the two sides must hold the same number of documents.
    const companyNames = new Map(
      contacts.filter((c) => c.type === "company").map((c) => [c.no, c.name]),
    );
    const sdkContainer: Container = (await openContainers(sdkClient, "sdk")).contacts;

    const imported = await sideBySide(
      3,
      async (run) => {
        const res = await api.call("POST", "/api/contacts/import", {
          tenant: tenants[run] as string,
          body: { csv },
        });
        if (res.status !== 200 || res.json.imported !== N)
          throw new Error(`import: ${res.status} ${res.text.slice(0, 300)}`);
      },
      async (run) => {
        const tenant = asTenantId(tenants[run] as string);
        const ops = contacts.map((c) => {
          // The same spread as the app's contacts container: a logical partition per contact.
          const pk = `${tenant}|${c.no}`;
          const doc = {
            ...toContactDoc(c, {
              companyName: c.companyNo ? companyNames.get(c.companyNo) : undefined,
            }),
            ...stamp,
            id: c.no,
            pk,
            tenantId: tenant,
            docType: "contact",
          };
          return { operationType: "Create" as const, partitionKey: pk, resourceBody: doc };
        });
        const results = await sdkContainer.items.executeBulkOperations(ops);
        if (results.some((r) => (r.response?.statusCode ?? 0) !== 201))
          throw new Error("sdk bulk failed");
      },
    );

    // The same file again into the same tenants: every row a duplicate, found by lookups in
    // chunks of 1,000, and nothing written; against the first import of the file.
    const reimportedMs = await medianMs(3, async (run) => {
      const res = await api.call("POST", "/api/contacts/import", {
        tenant: tenants[run] as string,
        body: { csv },
      });
      if (res.status !== 200 || res.json.duplicates !== N)
        throw new Error(`import again: ${res.status} ${res.text.slice(0, 300)}`);
    });

    const contactsOf = (tenant: string) => ({
      query: "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = @docType",
      parameters: [
        { name: "@tenantId", value: tenant },
        { name: "@docType", value: "contact" },
      ],
    });
    // Exporting all 10,000 as CSV against reading them all through the SDK (the floor).
    const exported = await sideBySide(
      5,
      async () => {
        const res = await api.call("GET", "/api/contacts/export", { tenant: tenants[0] as string });
        if (res.status !== 200 || res.text.split("\r\n").length !== N + 2)
          throw new Error(`export: ${res.status} ${res.text.slice(0, 300)}`);
      },
      async () => {
        const { resources } = await sdkContainer.items
          .query(contactsOf(tenants[0] as string))
          .fetchAll();
        if (resources.length !== N) throw new Error("sdk export read: wrong count");
      },
    );

    const listTenant = tenants[0] as string;
    const query = {
      query:
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = @docType ORDER BY c.tenantId, c.no",
      parameters: [
        { name: "@tenantId", value: listTenant },
        { name: "@docType", value: "contact" },
      ],
    };
    const listed = await sideBySide(
      7,
      async () => {
        const first = await api.call("GET", "/api/contacts?top=500", { tenant: listTenant });
        const second = await api.call(
          "GET",
          `/api/contacts?top=500&continuationToken=${encodeURIComponent(first.json.continuationToken)}`,
          { tenant: listTenant },
        );
        if (first.json.items.length + second.json.items.length !== 1000)
          throw new Error("list: wrong count");
      },
      async () => {
        const iterator = sdkContainer.items.query(query, { maxItemCount: 500 });
        const first = await iterator.fetchNext();
        const second = await iterator.fetchNext();
        if (first.resources.length + second.resources.length !== 1000)
          throw new Error("sdk list: wrong count");
      },
    );
    return [
      {
        name: "Import 10,000 contacts (CSV via API vs SDK bulk)",
        ours: imported.ours,
        peer: imported.peer,
        peerName: "@azure/cosmos executeBulkOperations",
        unit: "ms",
        ratio: imported.ours / imported.peer,
        target: "<= 1.5x",
      },
      {
        name: "Import the same 10,000 again (all duplicates)",
        ours: reimportedMs,
        peer: imported.ours,
        peerName: "the first import of the file",
        unit: "ms",
        ratio: reimportedMs / imported.ours,
        note: "every row parsed, checked and found a duplicate; nothing written",
      },
      {
        name: "Export 10,000 contacts as CSV",
        ours: exported.ours,
        peer: exported.peer,
        peerName: "SDK query of the same contacts (floor)",
        unit: "ms",
        ratio: exported.ours / exported.peer,
      },
      {
        name: "List 1,000 contacts (2 pages of 500 via API vs SDK query)",
        ours: listed.ours,
        peer: listed.peer,
        peerName: "@azure/cosmos query",
        unit: "ms",
        ratio: listed.ours / listed.peer,
        target: "<= 1.5x",
      },
    ];
  } finally {
    sdkClient.dispose();
    await api.close();
    await cosmos.close();
  }
};
