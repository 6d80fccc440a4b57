import { api as contract, type EndpointName } from "@shared/model/api";
import type { EndpointSpec } from "@shared/model/endpoint";
import { startApi, type ApiHarness } from "../../harness/api-harness";

/**
 * Every JSON body is bounded in depth before any schema recurses over it, and no body or query
 * may name JavaScript's object machinery (__proto__, constructor, prototype) as a key: such a
 * key is refused with 400 naming it, never silently dropped.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
  await api.call("POST", "/api/contacts", {
    body: { no: "KT1", type: "company", name: "Form A/S", customFields: { branche: "byg" } },
  });
  await api.call("POST", "/api/segments", { body: { no: "SEG1" } });
});
afterAll(() => api.close());

type Errors = { in: string; field: string; rule: string; message: string }[];

const raw = (method: string, path: string, text: string, ifMatch?: string) =>
  api.call(method, path, {
    rawBody: { contentType: "application/json", text },
    ...(ifMatch ? { ifMatch } : {}),
  });

const contactsSnapshot = async () => (await api.call("GET", "/api/contacts?top=500")).text;

const validPath = (spec: EndpointSpec) =>
  "/api" +
  spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "lineNo") return "10000";
    if (name === "entryNo") return "1";
    if (name === "languageCode") return "da-DK";
    if (name === "field") return "city";
    if (name === "id") return "00000000-0000-0000-0000-000000000000";
    if (name === "code") return "X";
    return spec.path.startsWith("/contacts") ? "KT1" : "SEG1";
  });

const withBody = (Object.entries(contract) as [EndpointName, EndpointSpec][]).filter(
  ([, spec]) => spec.body,
);

describe("body size before sign-in", () => {
  it("an oversized declared body is refused with 413 before authentication (as Azure runs it)", async () => {
    const res = await api.call("POST", "/api/segments", {
      anonymous: true,
      headers: { "content-length": String(50 * 1024 * 1024) },
      body: { no: "BIG" },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("JSON depth", () => {
  const deep = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${"}".repeat(levels - 1)}`;

  it.each(withBody)("%s: 1,000 levels deep is refused as max_depth", async (_name, spec) => {
    const res = await raw(spec.method, validPath(spec), deep(1000), "x");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.errors).toEqual([
      expect.objectContaining({
        in: "body",
        rule: "max_depth",
        message: expect.stringContaining("64"),
      }),
    ]);
  });

  it("64 levels pass the edge and reach the schema", async () => {
    const res = await raw("POST", "/api/contacts", deep(64));
    expect(res.status).toBe(400);
    expect((res.json.errors as Errors).map((e) => e.rule)).not.toContain("max_depth");
  });

  it("arrays count as levels too", async () => {
    const res = await raw("POST", "/api/segments", `${"[".repeat(65)}${"]".repeat(65)}`);
    expect(res.status).toBe(400);
    expect((res.json.errors as Errors)[0]?.rule).toBe("max_depth");
  });
});

describe("reserved keys", () => {
  it.each(["__proto__", "constructor", "prototype"])(
    "a custom field named %s is refused on create, naming it",
    async (key) => {
      const before = await contactsSnapshot();
      const res = await raw(
        "POST",
        "/api/contacts",
        `{"no":"KT9","type":"person","name":"X","customFields":{"${key}":{"polluted":true},"ok":1}}`,
      );
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.errors).toContainEqual(
        expect.objectContaining({
          in: "body",
          field: `customFields.${key}`,
          rule: "reserved_key",
        }),
      );
      expect(await contactsSnapshot()).toBe(before);
    },
  );

  it("a custom field named __proto__ is refused in a merge patch", async () => {
    const current = await api.call("GET", "/api/contacts/KT1");
    const res = await raw(
      "PATCH",
      "/api/contacts/KT1",
      '{"customFields":{"__proto__":"x"}}',
      current.json.etag,
    );
    expect(res.status).toBe(400);
    expect(res.json.errors).toContainEqual(
      expect.objectContaining({ field: "customFields.__proto__", rule: "reserved_key" }),
    );
    expect((await api.call("GET", "/api/contacts/KT1")).json.etag).toBe(current.json.etag);
  });

  it("a reserved key anywhere in a body is refused, at any depth", async () => {
    const top = await raw("POST", "/api/segments", '{"no":"S2","__proto__":{"x":1}}');
    expect(top.status).toBe(400);
    expect(top.json.errors).toContainEqual(
      expect.objectContaining({ field: "__proto__", rule: "reserved_key" }),
    );
    const mapping = await raw(
      "POST",
      "/api/contacts/import",
      '{"csv":"Name\\nA","mapping":{"Name":"name","constructor":"city"},"dryRun":true}',
    );
    expect(mapping.status).toBe(400);
    expect(mapping.json.errors).toContainEqual(
      expect.objectContaining({ field: "mapping.constructor", rule: "reserved_key" }),
    );
  });

  it("a reserved key in the query is refused", async () => {
    const res = await api.call("GET", "/api/contacts?__proto__=1");
    expect(res.status).toBe(400);
    expect(res.json.errors).toContainEqual(
      expect.objectContaining({ in: "query", field: "__proto__", rule: "reserved_key" }),
    );
  });

  it("an import mapping may not target a reserved custom field", async () => {
    const res = await api.call("POST", "/api/contacts/import", {
      body: {
        csv: "Name;X\nA;1",
        mapping: { Name: "name", X: "custom.constructor" },
        dryRun: true,
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toContainEqual(
      expect.objectContaining({ field: "mapping.X", rule: "reserved_key" }),
    );
  });
});

describe("merge patch of custom fields", () => {
  it("null removes one custom field and leaves the others", async () => {
    const created = await api.call("POST", "/api/contacts", {
      body: {
        no: "KT2",
        type: "person",
        name: "Patch Person",
        customFields: { score: 5, branche: "byg", vip: true },
      },
    });
    expect(created.status).toBe(201);
    const patched = await api.call("PATCH", "/api/contacts/KT2", {
      body: { customFields: { score: null, region: "Nord" } },
      ifMatch: created.json.etag,
    });
    expect(patched.status).toBe(200);
    expect(patched.json.customFields).toEqual({ branche: "byg", vip: true, region: "Nord" });
    expect((await api.call("GET", "/api/contacts/KT2")).json.customFields).toEqual({
      branche: "byg",
      vip: true,
      region: "Nord",
    });
  });

  it("null for customFields removes them all", async () => {
    const current = await api.call("GET", "/api/contacts/KT2");
    const patched = await api.call("PATCH", "/api/contacts/KT2", {
      body: { customFields: null },
      ifMatch: current.json.etag,
    });
    expect(patched.status).toBe(200);
    expect(patched.json.customFields).toEqual({});
  });

  it("a value that is neither text, number, yes/no nor null is still refused", async () => {
    const current = await api.call("GET", "/api/contacts/KT2");
    const patched = await api.call("PATCH", "/api/contacts/KT2", {
      body: { customFields: { score: { nested: 1 } } },
      ifMatch: current.json.etag,
    });
    expect(patched.status).toBe(400);
    expect(patched.json.errors[0].field).toBe("customFields.score");
  });
});
