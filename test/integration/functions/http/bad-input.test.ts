import { api as contract, type EndpointName } from "@shared/model/api";
import type { EndpointSpec } from "@shared/model/endpoint";
import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
  await api.call("POST", "/api/contacts", {
    body: { no: "KT100001", type: "company", name: "Gamma A/S" },
  });
  await api.call("POST", "/api/segments", { body: { no: "SEG1" } });
});
afterAll(() => api.close());

const entries = Object.entries(contract) as [EndpointName, EndpointSpec][];
const validPath = (spec: EndpointSpec) =>
  "/api" +
  spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "lineNo") return "10000";
    if (name === "entryNo") return "1";
    if (name === "contactNo") return "KT100001";
    if (name === "languageCode") return "da-DK";
    if (name === "field") return "city";
    if (name === "id") return "00000000-0000-0000-0000-000000000000";
    if (name === "code") return "X";
    return spec.path.startsWith("/contacts") ? "KT100001" : "SEG1";
  });
/** Everything the store holds for the test tenant, to prove bad requests wrote nothing. */
const snapshot = async () => {
  const parts = await Promise.all(
    [
      "/api/contacts?top=500",
      "/api/segments?top=500",
      "/api/salespeople?top=500",
      "/api/campaigns?top=500",
      "/api/interaction-templates?top=500",
      "/api/segments/SEG1/lines?top=500",
    ].map(async (p) => (await api.call("GET", p)).text),
  );
  return parts.join("\n");
};

const expectProblem = (
  res: { status: number; headers: Headers; json: { errors?: unknown[] } },
  status: number,
) => {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
};

describe("bad input answers 4xx problem+json naming the field and the rule, and writes nothing", () => {
  let before: string;
  beforeAll(async () => {
    before = await snapshot();
  });
  afterAll(async () => {
    expect(await snapshot()).toBe(before);
  });

  const withBody = entries.filter(([, spec]) => spec.body);
  it.each(withBody)("%s: malformed JSON", async (_name, spec) => {
    const res = await api.call(spec.method, validPath(spec), {
      rawBody: { contentType: "application/json", text: "{ nope" },
      ifMatch: "x",
    });
    expectProblem(res, 400);
    expect(res.json.errors).toContainEqual(
      expect.objectContaining({ in: "body", rule: "invalid_json" }),
    );
  });

  it.each(withBody)("%s: an unknown field", async (_name, spec) => {
    const res = await api.call(spec.method, validPath(spec), {
      body: { bogusField: 1 },
      ifMatch: "x",
    });
    expectProblem(res, 400);
    expect(res.json.errors).toContainEqual(
      expect.objectContaining({ in: "body", field: "bogusField", rule: "unknown_field" }),
    );
  });

  it.each(withBody)("%s: an unsupported content type", async (_name, spec) => {
    const res = await api.call(spec.method, validPath(spec), {
      rawBody: { contentType: "application/xml", text: "<a/>" },
      ifMatch: "x",
    });
    expectProblem(res, 415);
  });

  it.each(withBody)("%s: a body over the limit", async (_name, spec) => {
    const limit = spec.maxBodyBytes ?? 1_048_576;
    const res = await api.call(spec.method, validPath(spec), {
      rawBody: {
        contentType: "application/json",
        text: JSON.stringify({ pad: "x".repeat(limit + 10) }),
      },
      ifMatch: "x",
    });
    expectProblem(res, 413);
  });

  const withFile = entries.filter(([, spec]) => !spec.body && spec.bodyTypes);
  it.each(withFile)("%s: JSON where a file is expected", async (_name, spec) => {
    const res = await api.call(spec.method, validPath(spec), { body: { not: "a file" } });
    expectProblem(res, 415);
  });

  it.each(withFile)("%s: a file over the limit", async (_name, spec) => {
    const res = await api.call(spec.method, validPath(spec), {
      rawBody: {
        contentType: "application/octet-stream",
        bytes: new Uint8Array((spec.maxBodyBytes ?? 1_048_576) + 1),
      },
    });
    expectProblem(res, 413);
  });

  const withParams = entries.filter(([, spec]) => spec.params);
  it.each(withParams)("%s: a malformed key in the path", async (_name, spec) => {
    // The first parameter gets a value no parameter accepts; the others stay valid.
    const path = validPath({ ...spec, path: spec.path.replace(/\{\w+\}/, "not a key!") });
    const res = await api.call(spec.method, path, {
      ...(spec.body ? { body: {} } : {}),
      ifMatch: "x",
    });
    expectProblem(res, 400);
    expect(res.json.errors[0]).toMatchObject({ in: "path" });
  });

  const withQuery = entries.filter(([, spec]) => spec.query);
  it.each(withQuery)("%s: an unknown or out-of-range query parameter", async (_name, spec) => {
    const unknown = await api.call(spec.method, `${validPath(spec)}?colour=blue`);
    expectProblem(unknown, 400);
    expect(unknown.json.errors).toContainEqual(
      expect.objectContaining({ in: "query", field: "colour", rule: "unknown_field" }),
    );
    if ("top" in (spec.query?.shape ?? {})) {
      const top = await api.call(spec.method, `${validPath(spec)}?top=5000`);
      expectProblem(top, 400);
      expect(top.json.errors).toContainEqual(
        expect.objectContaining({
          in: "query",
          field: "top",
          rule: "too_big",
          message: expect.stringMatching(/^the query parameter top must be at most \d+$/),
        }),
      );
    }
  });

  it("names each invalid contact field with its rule", async () => {
    const res = await api.call("POST", "/api/contacts", {
      body: {
        type: "person",
        name: "",
        email: "not-an-email",
        countryRegionCode: "Denmark",
        industryGroups: ["IT"],
        mailingGroups: ["not a code!"], // lower case alone is upper-cased, as in BC
      },
    });
    expectProblem(res, 400);
    const byField = Object.fromEntries(
      (res.json.errors as { field: string; rule: string }[]).map((e) => [e.field, e.rule]),
    );
    expect(byField).toMatchObject({
      name: "too_small",
      email: "invalid_format",
      countryRegionCode: "invalid_format",
      industryGroups: "contactType",
      "mailingGroups.0": "invalid_format",
    });
  });

  it("names a missing required field as required", async () => {
    const res = await api.call("POST", "/api/contacts", { body: { name: "No type" } });
    expectProblem(res, 400);
    expect(res.json.errors).toContainEqual({
      in: "body",
      field: "type",
      rule: "required",
      message: "is required",
    });
  });

  it("refuses references to things that do not exist (422) and a company that is a person", async () => {
    await api.call("POST", "/api/contacts", {
      body: { no: "KT100002", type: "person", name: "Per Son" },
    });
    const res = await api.call("POST", "/api/contacts", {
      body: { type: "person", name: "Eva", companyNo: "KT100002", salespersonCode: "NOPE" },
    });
    expectProblem(res, 422);
    expect(res.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "companyNo", rule: "exists" }),
        expect.objectContaining({ field: "salespersonCode", rule: "exists" }),
      ]),
    );
    await api.call("DELETE", "/api/contacts/KT100002");
  });

  it("refuses a campaign that ends before it starts", async () => {
    const res = await api.call("POST", "/api/campaigns", {
      body: { no: "CP1", startingDate: "2026-05-01", endingDate: "2026-04-01" },
    });
    expectProblem(res, 400);
    expect(res.json.errors).toContainEqual(
      expect.objectContaining({ field: "endingDate", rule: "dateOrder" }),
    );
  });

  it("refuses a duplicate No. with 409 naming the field", async () => {
    const res = await api.call("POST", "/api/contacts", {
      body: { no: "KT100001", type: "company", name: "Copy" },
    });
    expectProblem(res, 409);
    expect(res.json.errors).toContainEqual(
      expect.objectContaining({ field: "no", rule: "unique" }),
    );
  });

  it("refuses a patch that breaks a cross-field rule, and one that sets read-only fields", async () => {
    const company = await api.call("GET", "/api/contacts/KT100001");
    const rule = await api.call("PATCH", "/api/contacts/KT100001", {
      body: { jobTitle: "CEO" },
      ifMatch: company.json.etag,
    });
    expectProblem(rule, 400);
    expect(rule.json.errors).toContainEqual(
      expect.objectContaining({ field: "jobTitle", rule: "contactType" }),
    );
    const readOnly = await api.call("PATCH", "/api/contacts/KT100001", {
      body: { no: "KT999999", etag: "x" },
      ifMatch: company.json.etag,
    });
    expectProblem(readOnly, 400);
    expect(readOnly.json.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(["no", "etag"]),
    );
  });

  it("answers 404 and 405 for unknown routes and methods", async () => {
    expectProblem(await api.call("GET", "/api/nothing-here"), 404);
    const wrong = await api.call("PUT", "/api/contacts");
    expectProblem(wrong, 405);
    expect(wrong.headers.get("allow")).toContain("GET");
  });
});
