import { startApi, type ApiHarness } from "../../harness/api-harness";

/**
 * Business Central codes may hold `/` and `.`, and so may ours; Cosmos refuses `/` in an item id.
 * Every resource keyed by a code must store, find, change and delete such keys, and keep `X/../Y`
 * apart from `Y`.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const resources = [
  { path: "/api/contacts", key: "no", body: { type: "person", name: "N" }, patch: { name: "P" } },
  { path: "/api/salespeople", key: "code", body: { name: "N" }, patch: { name: "P" } },
  { path: "/api/campaigns", key: "no", body: { description: "N" }, patch: { description: "P" } },
  {
    path: "/api/interaction-templates",
    key: "code",
    body: { description: "N" },
    patch: { description: "P" },
  },
];

describe.each(resources)("$path keyed by codes with / and ..", ({ path, key, body, patch }) => {
  it("stores, finds, changes and deletes each, and keeps X/../Y apart from Y", async () => {
    for (const code of ["Y", "X/../Y", "A/B", "A.B/C"]) {
      const created = await api.call("POST", path, { body: { ...body, [key]: code } });
      expect(created.status).toBe(201);
    }
    const at = (code: string) => `${path}/${encodeURIComponent(code)}`;
    const read = await api.call("GET", at("X/../Y"));
    expect(read.status).toBe(200);
    expect(read.json[key]).toBe("X/../Y");
    const changed = await api.call("PATCH", at("X/../Y"), { body: patch, ifMatch: read.json.etag });
    expect(changed.status).toBe(200);
    expect((await api.call("GET", at("Y"))).json).toMatchObject(body);
    expect((await api.call("DELETE", at("X/../Y"))).status).toBe(204);
    expect((await api.call("GET", at("X/../Y"))).status).toBe(404);
    expect((await api.call("GET", at("Y"))).status).toBe(200);
    const list = await api.call("GET", `${path}?top=500`);
    expect(list.json.items.map((i: Record<string, string>) => i[key]).sort()).toEqual(
      ["A.B/C", "A/B", "Y"].sort(),
    );
  });
});
