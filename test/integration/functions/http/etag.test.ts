import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe("optimistic concurrency with ETags", () => {
  it("lets the first of two writers win and answers the second 412 without overwriting", async () => {
    const created = await api.call("POST", "/api/contacts", {
      body: { no: "KT800001", type: "company", name: "Alfa ApS" },
    });
    const etag = created.json.etag as string;
    const first = await api.call("PATCH", "/api/contacts/KT800001", {
      body: { city: "Vejle" },
      ifMatch: etag,
    });
    const second = await api.call("PATCH", "/api/contacts/KT800001", {
      body: { city: "Herning" },
      ifMatch: etag,
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(412);
    expect(second.headers.get("content-type")).toBe("application/problem+json");
    expect(second.json.detail).toMatch(/someone else changed/i);
    expect((await api.call("GET", "/api/contacts/KT800001")).json.city).toBe("Vejle");
  });

  it("accepts the ETag header form (quoted) as well as the body's", async () => {
    const created = await api.call("POST", "/api/contacts", {
      body: { no: "KT800002", type: "company", name: "Beta ApS" },
    });
    const header = created.headers.get("etag") as string;
    expect(header.startsWith('"')).toBe(true);
    const updated = await api.call("PATCH", "/api/contacts/KT800002", {
      body: { city: "Aalborg" },
      ifMatch: header,
    });
    expect(updated.status).toBe(200);
    expect(updated.json.etag).not.toBe(created.json.etag);
  });

  it("requires If-Match on updates (428) and refuses a stale one on delete (412)", async () => {
    const created = await api.call("POST", "/api/segments", {
      body: { no: "SEGETAG", description: "x" },
    });
    const missing = await api.call("PATCH", "/api/segments/SEGETAG", {
      body: { description: "y" },
    });
    expect(missing.status).toBe(428);
    expect(missing.json.errors[0]).toMatchObject({
      in: "header",
      field: "If-Match",
      rule: "required",
    });
    await api.call("PATCH", "/api/segments/SEGETAG", {
      body: { description: "y" },
      ifMatch: created.json.etag,
    });
    const stale = await api.call("DELETE", "/api/segments/SEGETAG", { ifMatch: created.json.etag });
    expect(stale.status).toBe(412);
    expect((await api.call("GET", "/api/segments/SEGETAG")).status).toBe(200);
  });

  it("serialises concurrent line inserts on one segment without losing a line number", async () => {
    await api.call("POST", "/api/segments", { body: { no: "SEGCONC" } });
    const nos = Array.from({ length: 8 }, (_, i) => `KT80010${i}`);
    for (const no of nos)
      await api.call("POST", "/api/contacts", { body: { no, type: "company", name: `C ${no}` } });
    const results = await Promise.all(
      nos.map((contactNo) =>
        api.call("POST", "/api/segments/SEGCONC/lines", { body: { contactNo } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(nos.map(() => 201));
    const lineNos = results.map((r) => r.json.lineNo as number);
    expect(new Set(lineNos).size).toBe(nos.length);
    expect((await api.call("GET", "/api/segments/SEGCONC")).json.noOfLines).toBe(nos.length);
  });
});
