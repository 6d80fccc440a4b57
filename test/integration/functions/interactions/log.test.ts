import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { minimalDocx, seedLoggingTenant } from "./logging-fixture";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await seedLoggingTenant(api);
});
afterAll(() => api.close());

const make = async (no: string, contacts: string[], header: object = {}) => {
  await api.call("POST", "/api/segments", {
    body: {
      no,
      description: "Forårsbrev",
      interactionTemplateCode: "LETTER",
      campaignNo: "CP1",
      salespersonCode: "JO",
      unitCost: 12.5,
      unitDuration: 5,
      ...header,
    },
  });
  for (const contactNo of contacts)
    await api.call("POST", `/api/segments/${no}/lines`, { body: { contactNo } });
  return (await api.call("GET", `/api/segments/${no}`)).json;
};
const log = (no: string, etag: string, body: object = {}, key?: string) =>
  api.call("POST", `/api/segments/${no}/log`, {
    body,
    ifMatch: etag,
    ...(key ? { headers: { "idempotency-key": key } } : {}),
  });
const entriesOf = async (loggedEntryNo: number) =>
  (await api.call("GET", `/api/logged-segments/${loggedEntryNo}/entries?top=500`)).json.items;

describe("Log", () => {
  it("writes one entry per line and one logged segment, and makes the segment read-only", async () => {
    const segment = await make("L1", ["KT11", "KT12", "KT13"]);
    const res = await log("L1", segment.etag);
    expect(res.status).toBe(200);
    const logged = res.json.loggedSegment;
    expect(logged).toMatchObject({
      segmentNo: "L1",
      description: "Forårsbrev",
      noOfInteractions: 3,
      noOfCampaignEntries: 1,
      canceled: false,
      userId: "alice@a.example",
    });
    const entries = await entriesOf(logged.entryNo);
    expect(entries.map((e: { contactNo: string }) => e.contactNo)).toEqual([
      "KT11",
      "KT12",
      "KT13",
    ]);
    expect(new Set(entries.map((e: { entryNo: number }) => e.entryNo)).size).toBe(3);
    expect(entries[0]).toMatchObject({
      contactName: "Anna",
      contactCompanyNo: "KT1",
      contactCompanyName: "Nord A/S",
      interactionTemplateCode: "LETTER",
      interactionGroupCode: "POST",
      description: "Forårsbrev",
      cost: 12.5,
      duration: 5,
      campaignNo: "CP1",
      segmentNo: "L1",
      loggedSegmentEntryNo: logged.entryNo,
      userId: "alice@a.example",
      deliveryStatus: "none",
      canceled: false,
    });
    // After Log the segment is history: it answers only as the logged segment it became.
    const after = await api.call("GET", "/api/segments/L1");
    expect(after.status).toBe(410);
    expect(after.json).toMatchObject({ loggedSegmentEntryNo: logged.entryNo });
    const edit = await api.call("PATCH", "/api/segments/L1", {
      body: { description: "x" },
      ifMatch: segment.etag,
    });
    expect(edit.status).toBe(410);
    expect(
      (await api.call("POST", "/api/segments/L1/lines", { body: { contactNo: "KT1" } })).status,
    ).toBe(410);
    const listed = await api.call("GET", "/api/logged-segments?segmentNo=L1");
    expect(listed.json.items.map((l: { entryNo: number }) => l.entryNo)).toEqual([logged.entryNo]);
  });

  it("answers a retry with the same result and writes nothing twice; a second Log is refused", async () => {
    const segment = await make("L2", ["KT11", "KT12"]);
    const first = await log("L2", segment.etag, {}, "key-L2");
    const again = await log("L2", segment.etag, {}, "key-L2");
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({
      replayed: true,
      loggedSegment: { entryNo: first.json.loggedSegment.entryNo },
    });
    expect(await entriesOf(first.json.loggedSegment.entryNo)).toHaveLength(2);
    const other = await log("L2", segment.etag, {}, "another-key");
    expect(other.status).toBe(409);
    expect(other.json.detail).toMatch(/already logged/);
  });

  it("refuses a stale ETag, an empty segment, and lines that fail the checks, naming every line", async () => {
    const segment = await make("L3", ["KT11", "KT12", "KT13"], {
      interactionTemplateCode: undefined,
      description: "",
    });
    await api.call("PATCH", "/api/segments/L3", { body: { subject: "x" }, ifMatch: segment.etag });
    expect((await log("L3", segment.etag)).status).toBe(412);

    const lines = (await api.call("GET", "/api/segments/L3/lines")).json.items as {
      lineNo: number;
      contactNo: string;
      etag: string;
    }[];
    const cai = lines.find((l) => l.contactNo === "KT13") as { lineNo: number; etag: string };
    // Cai has no e-mail address but the line says e-mail; and his own letter was lost from storage.
    const own = await api.call("PUT", `/api/segments/L3/lines/${cai.lineNo}/attachment`, {
      rawBody: {
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes: minimalDocx("Kære Cai"),
      },
    });
    expect(own.status).toBe(200);
    for await (const blob of (api.deps.blobs as NonNullable<typeof api.deps.blobs>).listBlobsFlat({
      prefix: "tenant-a/line-letters/L3/",
    }))
      await api.deps.blobs?.deleteBlob(blob.name);
    await api.call("PATCH", `/api/segments/L3/lines/${cai.lineNo}`, {
      body: { correspondenceType: "email" },
      ifMatch: own.json.etag,
    });
    // Read after the lines changed: the segment's ETag covers them.
    const fresh = (await api.call("GET", "/api/segments/L3")).json;
    const check = await api.call("POST", "/api/segments/L3/log-check");
    expect(check.json.lines).toBe(3);
    const bad = await log("L3", fresh.etag);
    expect(bad.status).toBe(422);
    const rules = (bad.json.errors as { field: string; rule: string }[])
      .map((e) => `${e.field}:${e.rule}`)
      .sort();
    expect(rules).toEqual(
      [
        ...lines.flatMap((l) => [
          `lines.${l.lineNo}.interactionTemplateCode:template_set`,
          `lines.${l.lineNo}.description:description_present`,
        ]),
        `lines.${cai.lineNo}.correspondenceType:email_address`,
        `lines.${cai.lineNo}.attachment:attachment_exists`,
      ].sort(),
    );
    expect(check.json.problems).toHaveLength(rules.length);
    expect((await api.call("GET", "/api/segments/L3")).json.status).toBe("open");
    expect((await api.call("GET", "/api/logged-segments?segmentNo=L3")).json.items).toEqual([]);

    const empty = await make("L4", []);
    const none = await log("L4", empty.etag);
    expect(none.status).toBe(422);
    expect(none.json.errors[0]).toMatchObject({ rule: "not_empty" });
  });

  it("creates a follow-up segment with the same contacts and campaign", async () => {
    const segment = await make("L5", ["KT11", "KT13"]);
    const res = await log("L5", segment.etag, { followUp: true });
    expect(res.json.followUpSegmentNo).toMatch(/^SEG\d{5}$/);
    const followUp = await api.call("GET", `/api/segments/${res.json.followUpSegmentNo}`);
    expect(followUp.json).toMatchObject({ status: "open", campaignNo: "CP1", noOfLines: 2 });
    const contacts = (
      await api.call("GET", `/api/segments/${res.json.followUpSegmentNo}/lines`)
    ).json.items.map((l: { contactNo: string }) => l.contactNo);
    expect(contacts.sort()).toEqual(["KT11", "KT13"]);
    expect(res.json.loggedSegment.followUpSegmentNo).toBe(res.json.followUpSegmentNo);
    const another = await api.call(
      "POST",
      `/api/logged-segments/${res.json.loggedSegment.entryNo}/follow-up`,
    );
    expect(another.status).toBe(201);
    expect(another.json.noOfLines).toBe(2);
  });

  it("finishes a Log that a crash interrupted when the request is repeated", async () => {
    const segment = await make("L6", ["KT11", "KT12", "KT13"]);
    const tenant = asTenantId("tenant-a");
    // Simulate a process that died after locking the segment and writing one entry.
    const { etag, ...header } = await api.deps.store.segments.headers.get(tenant, "L6");
    await api.deps.store.segments.logRuns.create(tenant, "L6", {
      segmentNo: "L6",
      status: "writing",
      headerEtag: segment.etag,
      loggedSegmentEntryNo: 900,
      firstEntryNo: 9000,
      total: 3,
      written: 0,
      followUp: false,
      startedAt: "2026-11-22T10:00:00.000Z",
      userId: "alice@a.example",
    });
    await api.deps.store.segments.headers.replace(
      tenant,
      "L6",
      { ...header, status: "logging" },
      etag,
    );
    await api.deps.store.interactions.entries.create(
      tenant,
      api.deps.store.interactions.entryKey("KT11", 9000),
      {
        entryNo: 9000,
        contactNo: "KT11",
        contactName: "Anna",
        date: "2026-11-22",
        timeOfInteraction: "2026-11-22T10:00:00.000Z",
        description: "Forårsbrev",
        cost: 12.5,
        duration: 5,
        campaignTarget: false,
        campaignResponse: false,
        segmentNo: "L6",
        loggedSegmentEntryNo: 900,
        userId: "alice@a.example",
        deliveryStatus: "none",
        canceled: false,
      },
    );
    const status = await api.call("GET", "/api/segments/L6/log-status");
    // Nobody holds the segment any more: the Log waits to be finished.
    expect(status.json).toMatchObject({ status: "abandoned", total: 3 });
    const someoneElse = await log("L6", "not-the-etag");
    expect(someoneElse.status).toBe(409);
    expect(someoneElse.json.detail).toMatch(/stopped before it finished.*log\/resume/);
    const resumed = await log("L6", segment.etag);
    expect(resumed.status).toBe(200);
    expect(resumed.json.loggedSegment).toMatchObject({ entryNo: 900, noOfInteractions: 3 });
    const entries = await entriesOf(900);
    expect(entries.map((e: { entryNo: number }) => e.entryNo)).toEqual([9000, 9001, 9002]);
    expect((await api.call("GET", "/api/segments/L6/log-status")).json).toMatchObject({
      status: "done",
      written: 3,
      total: 3,
    });
  });
});

describe("logged segments, the interaction log and statistics", () => {
  let loggedNo: number;
  beforeAll(async () => {
    const segment = await make("S1", ["KT11", "KT12"]);
    loggedNo = (await log("S1", segment.etag)).json.loggedSegment.entryNo;
  });

  it("cancel takes a logged segment out of statistics; undo brings it back; only canceled ones may be deleted", async () => {
    const stats = async (): Promise<Record<string, { key: string; count: number; cost: number }>> =>
      Object.fromEntries(
        (
          (await api.call("GET", "/api/interaction-statistics?by=template")).json.items as {
            key: string;
            count: number;
            cost: number;
          }[]
        ).map((r) => [r.key, r]),
      );
    const before = (await stats()).LETTER as { count: number; cost: number };
    expect((await api.call("DELETE", `/api/logged-segments/${loggedNo}`)).status).toBe(409);
    const canceled = await api.call("POST", `/api/logged-segments/${loggedNo}/cancel`);
    expect(canceled.json.canceled).toBe(true);
    expect((await entriesOf(loggedNo)).every((e: { canceled: boolean }) => e.canceled)).toBe(true);
    const during = (await stats()).LETTER as { count: number; cost: number };
    expect(during.count).toBe(before.count - 2);
    expect(during.cost).toBeCloseTo(before.cost - 25);
    await api.call("POST", `/api/logged-segments/${loggedNo}/undo-cancel`);
    expect((await stats()).LETTER?.count).toBe(before.count);
    await api.call("POST", `/api/logged-segments/${loggedNo}/cancel`);
    expect((await api.call("DELETE", `/api/logged-segments/${loggedNo}`)).status).toBe(204);
    expect((await api.call("GET", `/api/logged-segments/${loggedNo}`)).status).toBe(404);
    expect((await stats()).LETTER?.count).toBe(before.count - 2);
  });

  it("shows a contact's log, a company's with its persons', filtered, and lets an entry be evaluated", async () => {
    const segment = await make("S2", ["KT11", "KT1"], { campaignNo: undefined });
    expect((await log("S2", segment.etag)).status).toBe(200);
    const anna = await api.call("GET", "/api/contacts/KT11/interactions");
    expect(anna.json.items.length).toBeGreaterThanOrEqual(2);
    expect(anna.json.items.every((e: { contactNo: string }) => e.contactNo === "KT11")).toBe(true);
    const entryNos = anna.json.items.map((e: { entryNo: number }) => e.entryNo);
    expect(entryNos).toEqual([...entryNos].sort((a: number, b: number) => b - a));
    const company = await api.call("GET", "/api/contacts/KT1/interactions");
    const who = new Set(company.json.items.map((e: { contactNo: string }) => e.contactNo));
    expect(who).toEqual(new Set(["KT1", "KT11", "KT12"]));
    const onlyCompany = await api.call(
      "GET",
      "/api/contacts/KT1/interactions?includeCompanyPersons=false",
    );
    expect(onlyCompany.json.items.every((e: { contactNo: string }) => e.contactNo === "KT1")).toBe(
      true,
    );
    const letters = await api.call(
      "GET",
      "/api/contacts/KT1/interactions?interactionTemplateCode=LETTER&segmentNo=S2",
    );
    expect(letters.json.items.map((e: { contactNo: string }) => e.contactNo).sort()).toEqual([
      "KT1",
      "KT11",
    ]);
    const entry = anna.json.items[0];
    const evaluated = await api.call("PATCH", `/api/interactions/KT11/${entry.entryNo}`, {
      body: { evaluation: "veryPositive" },
      ifMatch: entry.etag,
    });
    expect(evaluated.json.evaluation).toBe("veryPositive");
    const stale = await api.call("PATCH", `/api/interactions/KT11/${entry.entryNo}`, {
      body: { evaluation: "negative" },
      ifMatch: entry.etag,
    });
    expect(stale.status).toBe(412);
    const byCampaign = await api.call("GET", "/api/interaction-statistics?by=campaign");
    expect(byCampaign.json.items.map((r: { key: string }) => r.key)).toEqual(
      expect.arrayContaining(["", "CP1"]),
    );
  });

  it("keeps a contact's own letter on a line and downloads it", async () => {
    await make("S3", ["KT12"]);
    const line = (await api.call("GET", "/api/segments/S3/lines")).json.items[0];
    const up = await api.call("PUT", `/api/segments/S3/lines/${line.lineNo}/attachment`, {
      rawBody: {
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes: minimalDocx("Kære Bo"),
      },
      headers: { "x-file-name": encodeURIComponent("Brev til Bo.docx") },
    });
    expect(up.status).toBe(200);
    expect(up.json.attachment).toMatchObject({ kind: "unique", fileName: "Brev til Bo.docx" });
    const down = await api.call("GET", `/api/segments/S3/lines/${line.lineNo}/attachment`);
    expect(down.bytes?.byteLength).toBe(minimalDocx("Kære Bo").byteLength);
    const segment = (await api.call("GET", "/api/segments/S3")).json;
    const logged = await log("S3", segment.etag);
    const [entry] = await entriesOf(logged.json.loggedSegment.entryNo);
    expect(entry.keptLetter).toBe("own");
    expect(entry).not.toHaveProperty("documentId");
  });
});
