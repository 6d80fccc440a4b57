import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const tables = [
  "job-responsibilities",
  "business-relations",
  "industry-groups",
  "mailing-groups",
] as const;

describe.each(tables)("/%s: a code table contacts carry (BC setup)", (resource) => {
  it("creates (upper-casing the code), reads, searches, updates and deletes", async () => {
    const created = await api.call("POST", `/api/${resource}`, {
      body: { code: "news", description: "Newsletter", descriptionDa: "Nyhedsbrev" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      code: "NEWS",
      description: "Newsletter",
      descriptionDa: "Nyhedsbrev",
      createdBy: "alice@a.example",
    });
    expect((await api.call("GET", `/api/${resource}/news`)).json.code).toBe("NEWS");
    const found = await api.call("GET", `/api/${resource}?search=nyheds`);
    expect(found.json.items.map((i: { code: string }) => i.code)).toEqual(["NEWS"]);
    const updated = await api.call("PATCH", `/api/${resource}/NEWS`, {
      body: { descriptionDa: "Nyhedsbreve" },
      ifMatch: created.json.etag,
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ description: "Newsletter", descriptionDa: "Nyhedsbreve" });
    const stale = await api.call("PATCH", `/api/${resource}/NEWS`, {
      body: { description: "Stale" },
      ifMatch: created.json.etag,
    });
    expect(stale.status).toBe(412);
    expect(
      (await api.call("DELETE", `/api/${resource}/NEWS`, { ifMatch: updated.json.etag })).status,
    ).toBe(204);
    expect((await api.call("GET", `/api/${resource}/NEWS`)).status).toBe(404);
  });

  it("refuses bad input with problem+json naming the field and rule, writing nothing", async () => {
    const badCode = await api.call("POST", `/api/${resource}`, { body: { code: "A!B" } });
    expect(badCode.status).toBe(400);
    expect(badCode.json.errors[0]).toMatchObject({ in: "body", field: "code" });
    const tooLong = await api.call("POST", `/api/${resource}`, {
      body: { code: "X".repeat(21), description: "d".repeat(101) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "code",
      "description",
    ]);
    const noCode = await api.call("POST", `/api/${resource}`, { body: { description: "x" } });
    expect(noCode.status).toBe(400);
    expect(noCode.json.errors[0]).toMatchObject({ field: "code" });
    const unknownField = await api.call("POST", `/api/${resource}`, {
      body: { code: "OK1", colour: "red" },
    });
    expect(unknownField.status).toBe(400);
    await api.call("POST", `/api/${resource}`, { body: { code: "TWICE" } });
    expect((await api.call("POST", `/api/${resource}`, { body: { code: "twice" } })).status).toBe(
      409,
    );
    const rename = await api.call("PATCH", `/api/${resource}/TWICE`, {
      body: { code: "OTHER" },
      ifMatch: "*",
    });
    expect(rename.status).toBe(400);
    const noIfMatch = await api.call("PATCH", `/api/${resource}/TWICE`, {
      body: { description: "x" },
    });
    expect(noIfMatch.status).toBe(428);
    expect((await api.call("GET", `/api/${resource}/NOPE`)).status).toBe(404);
    expect((await api.call("DELETE", `/api/${resource}/NOPE`)).status).toBe(404);
    const list = await api.call("GET", `/api/${resource}`);
    expect(list.json.items.map((i: { code: string }) => i.code)).toEqual(["TWICE"]);
  });
});
