import { startApi, type ApiHarness } from "../../harness/api-harness";
import { seedLoggingTenant } from "./logging-fixture";

// Business Central: once a segment is logged it can only be found among the logged segments.
let api: ApiHarness;
let loggedEntryNo: number;
let staleEtag: string;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await seedLoggingTenant(api);
  await api.call("POST", "/api/segments", {
    body: {
      no: "H1",
      description: "Forårsbrev",
      interactionTemplateCode: "LETTER",
      salespersonCode: "JO",
    },
  });
  await api.call("POST", "/api/segments", { body: { no: "H2", description: "Still open" } });
  for (const contactNo of ["KT11", "KT12"])
    await api.call("POST", "/api/segments/H1/lines", { body: { contactNo } });
  staleEtag = (await api.call("GET", "/api/segments/H1")).json.etag;
  const res = await api.call("POST", "/api/segments/H1/log", { body: {}, ifMatch: staleEtag });
  expect(res.status).toBe(200);
  loggedEntryNo = res.json.loggedSegment.entryNo;
});
afterAll(() => api.close());

const nos = (json: { items: { no: string }[] }) => json.items.map((s) => s.no);

describe("a logged segment becomes history", () => {
  it("no longer lists among the segments, and lists among the logged segments", async () => {
    const list = await api.call("GET", "/api/segments?top=100");
    expect(list.status).toBe(200);
    expect(nos(list.json)).toContain("H2");
    expect(nos(list.json)).not.toContain("H1");
    const logged = await api.call("GET", "/api/logged-segments?segmentNo=H1");
    expect(logged.json.items.map((l: { entryNo: number }) => l.entryNo)).toEqual([loggedEntryNo]);
  });

  it("finds a logged segment by entry No., segment No. or a word of its description", async () => {
    const entryNos = async (search: string) => {
      const res = await api.call(
        "GET",
        `/api/logged-segments?search=${encodeURIComponent(search)}`,
      );
      expect(res.status).toBe(200);
      return res.json.items.map((l: { entryNo: number }) => l.entryNo);
    };
    expect(await entryNos(String(loggedEntryNo))).toEqual([loggedEntryNo]);
    expect(await entryNos("h1")).toEqual([loggedEntryNo]);
    expect(await entryNos("forårs")).toEqual([loggedEntryNo]);
    expect(await entryNos("H2")).toEqual([]);
    expect(await entryNos(String(loggedEntryNo + 1000))).toEqual([]);
  });

  it("refuses a search longer than 100 characters and a page above 500, naming the field", async () => {
    const long = await api.call("GET", `/api/logged-segments?search=${"x".repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.headers.get("content-type")).toMatch(/problem\+json/);
    expect(long.json.errors).toEqual([
      expect.objectContaining({ in: "query", field: "search", rule: "too_big" }),
    ]);
    const big = await api.call("GET", "/api/logged-segments?search=H&top=501");
    expect(big.status).toBe(400);
    expect(big.json.errors).toEqual([
      expect.objectContaining({ in: "query", field: "top", rule: "too_big" }),
    ]);
  });

  it("refuses a list filtered on status logged, naming the field", async () => {
    const res = await api.call("GET", "/api/segments?status=logged");
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: "query", field: "status" })]),
    );
  });

  it("GET answers 410 naming the logged segment entry", async () => {
    const res = await api.call("GET", "/api/segments/H1");
    expect(res.status).toBe(410);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json).toMatchObject({ type: expect.stringMatching(/segment-logged$/) });
    expect(res.json.loggedSegmentEntryNo).toBe(loggedEntryNo);
    expect(res.json.detail).toContain(`logged segment ${loggedEntryNo}`);
  });

  it("refuses DELETE, PATCH and line changes with 4xx and writes nothing", async () => {
    const del = await api.call("DELETE", "/api/segments/H1", { ifMatch: staleEtag });
    expect(del.status).toBe(410);
    const delNoMatch = await api.call("DELETE", "/api/segments/H1");
    expect(delNoMatch.status).toBe(410);
    const patch = await api.call("PATCH", "/api/segments/H1", {
      body: { description: "x" },
      ifMatch: staleEtag,
    });
    expect(patch.status).toBe(410);
    const add = await api.call("POST", "/api/segments/H1/lines", { body: { contactNo: "KT13" } });
    expect(add.status).toBe(410);
    const criteria = await api.call("POST", "/api/segments/H1/add-contacts", {
      body: { criteria: { field: "no", op: "eq", value: "KT13" } },
      ifMatch: staleEtag,
    });
    expect(criteria.status).toBeGreaterThanOrEqual(400);
    expect(criteria.status).toBeLessThan(500);
    // The logged segment still points at its entries.
    const entries = await api.call("GET", `/api/logged-segments/${loggedEntryNo}/entries?top=10`);
    expect(entries.json.items).toHaveLength(2);
    const logged = await api.call("GET", `/api/logged-segments/${loggedEntryNo}`);
    expect(logged.json).toMatchObject({ segmentNo: "H1", noOfInteractions: 2 });
  });

  it("a merge of a logged segment is refused with the same answer", async () => {
    for (const path of ["/api/segments/H1/merge-data", "/api/segments/H1/lines"]) {
      const res = await api.call("GET", path);
      expect({ path, status: res.status }).toEqual({ path, status: 410 });
    }
  });

  it("the same Log again answers its outcome, and log-status still answers", async () => {
    const again = await api.call("POST", "/api/segments/H1/log", {
      body: {},
      ifMatch: staleEtag,
    });
    expect(again.status).toBe(409);
    expect(again.json.detail).toMatch(/already logged/);
    const status = await api.call("GET", "/api/segments/H1/log-status");
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ status: "done", loggedSegmentEntryNo: loggedEntryNo });
  });

  it("an unknown segment is still 404", async () => {
    expect((await api.call("GET", "/api/segments/NOPE")).status).toBe(404);
  });
});
