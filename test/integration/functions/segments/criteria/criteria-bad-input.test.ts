import { asTenantId } from "../../../../../functions/store/tenant";
import type { ApiHarness } from "../../../harness/api-harness";
import { field, lineContacts, startCriteriaApi } from "./criteria-fixture";

let api: ApiHarness;
beforeAll(async () => {
  api = await startCriteriaApi();
  await api.call("POST", "/api/segments", { body: { no: "BAD" } });
  await api.call("POST", "/api/segments/BAD/add-contacts", {
    body: { filter: field("no", "eq", "KT1") },
  });
});
afterAll(() => api.close());

const attempt = async (path: string, body: object) => {
  const before = [
    await lineContacts(api, "BAD"),
    (await api.call("GET", "/api/segments/BAD/criteria-actions")).text,
  ];
  const res = await api.call("POST", path, { body });
  expect([
    await lineContacts(api, "BAD"),
    (await api.call("GET", "/api/segments/BAD/criteria-actions")).text,
  ]).toEqual(before);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return res;
};

describe("bad criteria answer 4xx naming the exact part, and change nothing", () => {
  it.each([
    [
      "an unknown field",
      { kind: "field", field: "shoeSize", op: "eq", value: 42 },
      "filter.field",
      "unknown_field",
    ],
    [
      "an operator that does not fit the type",
      field("excludeFromSegments", "startsWith", "t"),
      "filter.op",
      "operator_mismatch",
    ],
    ["a missing value", field("city", "eq"), "filter.value", "missing_value"],
    [
      "an enum value that does not exist",
      field("type", "eq", "robot"),
      "filter.value",
      "invalid_value",
    ],
    [
      "an unparsable Business Central filter",
      { kind: "field", field: "postCode", filter: "8000..9000..1" },
      "filter.filter",
      "invalid_filter",
    ],
    [
      "three dots, which Business Central refuses rather than matching nothing",
      { kind: "field", field: "no", filter: "10000..." },
      "filter.filter",
      "invalid_filter",
    ],
    [
      "? with * at both ends",
      { kind: "field", field: "name", filter: "*A?B*" },
      "filter.filter",
      "invalid_filter",
    ],
    [
      "a like pattern with * in the middle",
      { kind: "field", field: "name", op: "like", value: "A*?" },
      "filter.value",
      "invalid_value",
    ],
    [
      "a wildcard in the middle",
      { kind: "field", field: "name", filter: "A*B" },
      "filter.filter",
      "invalid_filter",
    ],
    [
      "an unparsable relative date",
      field("createdAt", "ge", "last fortnight"),
      "filter.value",
      "invalid_date",
    ],
  ])("%s", async (_what, filter, path, rule) => {
    const res = await attempt("/api/segments/BAD/add-contacts", { filter });
    expect(res.status).toBe(400);
    expect(res.json.errors).toContainEqual(
      expect.objectContaining({ in: "body", field: path, rule }),
    );
  });

  it("names the exact place of each problem deep in a tree, all at once", async () => {
    const res = await attempt("/api/segments/BAD/refine-contacts", {
      filter: {
        kind: "and",
        items: [
          field("city", "eq", "x"),
          { kind: "or", items: [field("nope", "eq", 1), field("type", "lt", "company")] },
        ],
      },
    });
    expect(res.status).toBe(400);
    const fields = res.json.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["filter.items.1.items.0.field", "filter.items.1.items.1.op"]);
  });

  it("refuses a tree that is not a tree", async () => {
    const res = await attempt("/api/segments/BAD/add-contacts", {
      filter: { kind: "xor", items: [] },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toMatch(/^filter/);
  });

  it("refuses membership of a segment that does not exist", async () => {
    const res = await attempt("/api/segments/BAD/add-contacts", {
      filter: { kind: "segment", segmentNo: "GHOST" },
    });
    expect(res.status).toBe(422);
  });

  it("refuses Go Back with nothing to undo", async () => {
    await api.call("POST", "/api/segments", { body: { no: "NOTHING" } });
    const res = await api.call("POST", "/api/segments/NOTHING/go-back", { body: {} });
    expect(res.status).toBe(409);
    expect(res.json.detail).toMatch(/no criteria actions/);
  });

  it("refuses every action on a logged segment", async () => {
    await api.call("POST", "/api/segments", { body: { no: "LOGGED" } });
    await api.call("POST", "/api/segments/LOGGED/add-contacts", {
      body: { filter: field("no", "eq", "KT2") },
    });
    const tenant = asTenantId("tenant-a");
    const header = await api.deps.store.segments.headers.get(tenant, "LOGGED");
    const { etag, ...rest } = header;
    await api.deps.store.segments.headers.replace(
      tenant,
      "LOGGED",
      { ...rest, status: "logged" },
      etag,
    );
    for (const [path, body] of [
      ["add-contacts", { filter: field("no", "eq", "KT1") }],
      ["reduce-contacts", { filter: field("no", "eq", "KT2") }],
      ["refine-contacts", { filter: field("no", "eq", "KT2") }],
      ["go-back", {}],
      ["lines", { contactNo: "KT1" }],
    ] as const) {
      const res = await api.call("POST", `/api/segments/LOGGED/${path}`, { body });
      // A logged segment is history: 410, naming the logged segment it became.
      expect(res.status).toBe(410);
      expect(res.json.detail).toMatch(/logged/);
    }
    expect((await api.call("GET", "/api/segments/LOGGED/lines")).status).toBe(410);
    const kept = await api.deps.store.segments.allLines<{ contactNo: string }>(tenant, "LOGGED");
    expect(kept.map((l) => l.contactNo)).toEqual(["KT2"]);
  });
});
