import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe.each([
  [
    "salespeople",
    "code",
    { code: "MH", name: "Maria Hansen", email: "mh@mergeline.dev" },
    { jobTitle: "Sælger" },
  ],
  [
    "campaigns",
    "no",
    {
      no: "CP2001",
      description: "Julekort 2026",
      startingDate: "2026-11-01",
      endingDate: "2026-12-24",
    },
    { description: "Julekort" },
  ],
  [
    "interaction-templates",
    "code",
    { code: "XMAS", description: "Julekort", unitCost: 8, informationFlow: "outbound" },
    { unitDuration: 2 },
  ],
] as const)("%s CRUD", (resource, key, body, patch) => {
  const id = (body as Record<string, string>)[key] as string;

  it("creates, reads, lists, updates and deletes", async () => {
    const created = await api.call("POST", `/api/${resource}`, { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject(body);
    expect(created.json.createdBy).toBe("alice@a.example");
    const read = await api.call("GET", `/api/${resource}/${id}`);
    expect(read.json).toMatchObject(body);
    const list = await api.call(
      "GET",
      `/api/${resource}?search=${encodeURIComponent(id.slice(0, 2).toLowerCase())}`,
    );
    expect(list.json.items.map((i: Record<string, string>) => i[key])).toContain(id);
    const updated = await api.call("PATCH", `/api/${resource}/${id}`, {
      body: patch,
      ifMatch: read.json.etag,
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ ...body, ...patch });
    expect(updated.json.modifiedAt >= read.json.modifiedAt).toBe(true);
    expect(
      (await api.call("DELETE", `/api/${resource}/${id}`, { ifMatch: updated.json.etag })).status,
    ).toBe(204);
    expect((await api.call("GET", `/api/${resource}/${id}`)).status).toBe(404);
  });
});

describe("setup relations and filters", () => {
  it("keeps a template's attachments across updates and filters campaigns by date", async () => {
    const t = await api.call("POST", "/api/interaction-templates", {
      body: { code: "MEET", description: "Møde" },
    });
    expect(t.json.attachments).toEqual([]);
    const u = await api.call("PATCH", "/api/interaction-templates/MEET", {
      body: { description: "Mødeinvitation" },
      ifMatch: t.json.etag,
    });
    expect(u.json.attachments).toEqual([]);
    await api.call("POST", "/api/campaigns", {
      body: { no: "CP1", startingDate: "2026-01-01", endingDate: "2026-03-31" },
    });
    await api.call("POST", "/api/campaigns", {
      body: { no: "CP2", startingDate: "2026-04-01", endingDate: "2026-06-30" },
    });
    const active = await api.call("GET", "/api/campaigns?activeOn=2026-05-05");
    expect(active.json.items.map((c: { no: string }) => c.no)).toEqual(["CP2"]);
  });

  it("refuses a template whose campaign does not exist", async () => {
    const res = await api.call("POST", "/api/interaction-templates", {
      body: { code: "BAD", campaignNo: "NOPE" },
    });
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({ field: "campaignNo", rule: "exists" });
  });
});
