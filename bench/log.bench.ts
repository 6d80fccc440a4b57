import type { Container } from "@azure/cosmos";
import { startApi } from "../test/integration/harness/api-harness";
import { storedDocuments } from "../test/integration/harness/stored-documents";
import { toContactDoc } from "../functions/contacts/contact-service";
import { ContactFields } from "@shared/model/contact";
import { stampNew } from "../functions/audit/stamp";
import { asTenantId } from "../functions/store/tenant";
import type { BenchRow } from "./bench-row";

const lines = 10_000;

/**
 * Log of a 10,000-line segment through the API against a raw bulk insert of the very same
 * 10,000 entry documents into the same store in the same run: what checks, numbering, the run
 * document and the logged segment cost on top of the writes themselves.
 */
export const benchLog = async (): Promise<BenchRow[]> => {
  const api = await startApi();
  const tenantName = "bench-log";
  const tenant = asTenantId(tenantName);
  try {
    const stamp = stampNew(
      { tenantId: tenant, userId: "bench", userName: "bench", roles: [] },
      new Date(),
    );
    const docs = Array.from({ length: lines }, (_, i) => ({
      ...toContactDoc(
        ContactFields.parse({
          no: `KT${String(i + 1).padStart(6, "0")}`,
          type: "person",
          name: `Kontakt ${i + 1}`,
        }),
      ),
      ...stamp,
    }));
    await api.deps.store.contacts.bulkCreate(tenant, docs);
    const call = async (method: string, path: string, body: object, ifMatch?: string) => {
      const res = await api.call(method, path, {
        tenant: tenantName,
        body,
        ...(ifMatch ? { ifMatch } : {}),
      });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 300)}`);
      return res.json;
    };
    await call("POST", "/api/interaction-templates", {
      code: "LETTER",
      description: "Brev",
      unitCost: 1,
    });
    await call("POST", "/api/salespeople", { code: "JO", name: "Jonas Olsen" });
    await call("POST", "/api/segments", {
      no: "BENCH",
      description: "Bench",
      interactionTemplateCode: "LETTER",
      salespersonCode: "JO",
    });
    await call("POST", "/api/segments/BENCH/add-contacts", {
      filter: { kind: "field", field: "type", op: "eq", value: "person" },
    });
    const header = await call("GET", "/api/segments/BENCH", {});

    const startedLog = process.hrtime.bigint();
    const logged = await call("POST", "/api/segments/BENCH/log", {}, header.etag);
    const logMs = Number(process.hrtime.bigint() - startedLog) / 1e6;
    if (logged.loggedSegment.noOfInteractions !== lines)
      throw new Error("the Log wrote the wrong number of entries");

    // The floor: the same entry documents, bulk-inserted again under other ids, same container.
    const container: Container = api.deps.store.containers.interactions;
    const entries = await storedDocuments<Record<string, unknown>>(container, {
      tenant,
      docType: "interactionLogEntry",
      where: ["c.loggedSegmentEntryNo = @logged"],
      parameters: [{ name: "@logged", value: logged.loggedSegment.entryNo }],
    });
    const operations = entries.map((e) => {
      const body = Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("_")));
      return {
        operationType: "Create" as const,
        partitionKey: e["pk"] as string,
        resourceBody: { ...body, id: `raw|${String(e["id"])}` },
      };
    });
    const startedRaw = process.hrtime.bigint();
    const results = await container.items.executeBulkOperations(operations);
    const rawMs = Number(process.hrtime.bigint() - startedRaw) / 1e6;
    if (results.some((r) => r.response?.statusCode !== 201)) throw new Error("raw insert failed");
    return [
      {
        name: "Log a 10,000-line segment",
        ours: logMs,
        peer: rawMs,
        peerName: "raw bulk insert of the same 10,000 entries",
        unit: "ms",
        ratio: logMs / rawMs,
        target: "<= 1.5x",
      },
    ];
  } finally {
    await api.close();
  }
};
