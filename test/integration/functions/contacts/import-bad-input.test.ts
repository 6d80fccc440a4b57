import type { Problem, ProblemError } from "@shared/model/problem";
import {
  startApi,
  type ApiHarness,
  type CallOptions,
  type CallResult,
} from "../../harness/api-harness";
import { countStored } from "../../harness/stored-documents";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const goodRows = "Name;E-Mail\nAnna;anna@x.dk\n";

/**
 * Each case gets a tenant of its own, so "nothing was written" is a count of zero there: not
 * a contact, and not a reserved number either.
 */
const expectRefused = async (
  name: string,
  call: (tenant: string) => Promise<CallResult<Problem>>,
  status: number,
  errors: Partial<ProblemError>[] | undefined,
) => {
  const tenant = `bad-${name}`;
  const response = await call(tenant);
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(response.json.status).toBe(status);
  if (errors) expect(response.json.errors).toEqual(errors.map((e) => expect.objectContaining(e)));
  expect(
    await countStored(api.deps.store.containers.contacts, { tenant, docType: "contact" }),
  ).toBe(0);
  // Had a number been reserved, the first contact created now would not get the first one.
  const first = await api.call("POST", "/api/contacts", {
    tenant,
    body: { type: "person", name: "First" },
  });
  expect(first.json.no).toBe("KT000001");
  return response;
};

const post = (tenant: string, options: CallOptions, query = "") =>
  api.call("POST", `/api/contacts/import${query}`, { tenant, ...options });
const csvBody = (text: string) => ({ rawBody: { contentType: "text/csv", text } });

describe("POST /api/contacts/import refuses input it cannot import, writing nothing", () => {
  it("an empty csv in JSON", () =>
    expectRefused("empty-json", (t) => post(t, { body: { csv: "" } }), 400, [
      { in: "body", field: "csv", rule: "too_small" },
    ]));

  it("a csv of blank lines", () =>
    expectRefused("blank", (t) => post(t, { body: { csv: "\r\n  \r\n" } }), 400, [
      { in: "body", field: "csv", rule: "required" },
    ]));

  it("an empty text/csv body", () =>
    expectRefused("empty-text", (t) => post(t, csvBody("")), 400, [
      { in: "body", field: "csv", rule: "required" },
    ]));

  it("a header without data rows", () =>
    expectRefused("header-only", (t) => post(t, csvBody("\uFEFFNavn;E-mail\r\n\r\n")), 400, [
      { in: "body", field: "csv", rule: "no_rows" },
    ]));

  it("a body that is not text (an .xlsx sent as CSV)", () =>
    expectRefused(
      "binary",
      (t) => post(t, csvBody("PK\u0003\u0004\u0000\u0000[Content_Types].xml")),
      400,
      [{ in: "body", field: "csv", rule: "invalid_csv" }],
    ));

  it("a body that is not UTF-8 (Excel's plain CSV, Windows-1252)", () =>
    expectRefused("latin1", (t) => post(t, csvBody("Navn\nS\uFFFDren\n")), 400, [
      { in: "body", field: "csv", rule: "invalid_encoding" },
    ]));

  it("text with an unclosed quote", () =>
    expectRefused("unclosed", (t) => post(t, { body: { csv: 'Name,City\n"Anna,Aarhus\n' } }), 400, [
      { in: "body", field: "csv", rule: "invalid_csv" },
    ]));

  it("text without a name column (not a contact list at all)", () =>
    expectRefused(
      "no-name",
      (t) =>
        post(t, { body: { csv: "Dear customer, we are pleased\nto announce our new product\n" } }),
      400,
      [{ in: "body", field: "csv", rule: "required_column" }],
    ));

  it("a mapping to a field that does not exist", () =>
    expectRefused(
      "mapping-unknown",
      (t) => post(t, { body: { csv: goodRows, mapping: { "E-Mail": "emailAddress" } } }),
      400,
      [{ in: "body", field: "mapping.E-Mail", rule: "unknown_field" }],
    ));

  it("a mapping to something a column cannot fill (profile answers)", () =>
    expectRefused(
      "mapping-profile",
      (t) => post(t, { body: { csv: goodRows, mapping: { "E-Mail": "profileAnswers" } } }),
      400,
      [{ in: "body", field: "mapping.E-Mail", rule: "unknown_field" }],
    ));

  it("a mapping target that is not even a name", () =>
    expectRefused(
      "mapping-format",
      (t) => post(t, { body: { csv: goodRows, mapping: { "E-Mail": "e-mail!" } } }),
      400,
      [{ in: "body", field: "mapping.E-Mail", rule: "invalid_format" }],
    ));

  it("a mapping for a column the CSV does not have", () =>
    expectRefused(
      "mapping-column",
      (t) => post(t, { body: { csv: goodRows, mapping: { Telefon: "phone" } } }),
      400,
      [{ in: "body", field: "mapping.Telefon", rule: "unknown_column" }],
    ));

  it("a mapping that sends two columns to one field", () =>
    expectRefused(
      "mapping-twice",
      (t) => post(t, { body: { csv: "A;B\nx;y\n", mapping: { A: "name", B: "name" } } }),
      400,
      [{ in: "body", field: "mapping.B", rule: "duplicate_target" }],
    ));

  it("mapping JSON in the query string that does not parse", () =>
    expectRefused("mapping-json", (t) => post(t, csvBody(goodRows), "?mapping=%7BName%3A"), 400, [
      { in: "query", field: "mapping", rule: "invalid_json" },
    ]));

  it("a bad mapping target in the query string", () =>
    expectRefused(
      "mapping-query",
      (t) =>
        post(
          t,
          csvBody(goodRows),
          `?mapping=${encodeURIComponent(JSON.stringify({ Name: "fullName" }))}`,
        ),
      400,
      [{ in: "query", field: "mapping.Name", rule: "unknown_field" }],
    ));

  it("a delimiter option that is not , ; or tab", () =>
    expectRefused(
      "delimiter-json",
      (t) => post(t, { body: { csv: goodRows, delimiter: "|" } }),
      400,
      [{ in: "body", field: "delimiter", rule: "invalid_value" }],
    ));

  it("a delimiter option in the query string that is not , ; or tab", () =>
    expectRefused("delimiter-query", (t) => post(t, csvBody(goodRows), "?delimiter=%7C"), 400, [
      { in: "query", field: "delimiter", rule: "invalid_value" },
    ]));

  it("a dryRun in the query string that is not a yes/no", () =>
    expectRefused("dryrun-query", (t) => post(t, csvBody(goodRows), "?dryRun=maybe"), 400, [
      { in: "query", field: "dryRun", rule: "invalid_type" },
    ]));

  it("an unknown query option on a text/csv import", () =>
    expectRefused("unknown-query", (t) => post(t, csvBody(goodRows), "?dryrun=true"), 400, [
      { in: "query", field: "dryrun", rule: "unknown_field" },
    ]));

  it("options in the query string of a JSON import", () =>
    expectRefused(
      "json-with-query",
      (t) => post(t, { body: { csv: goodRows } }, "?dryRun=true"),
      400,
      [{ in: "query", field: "dryRun", rule: "unknown_field" }],
    ));

  it("an unknown field in the JSON body", () =>
    expectRefused("json-unknown", (t) => post(t, { body: { csv: goodRows, dryrun: true } }), 400, [
      { in: "body", field: "dryrun", rule: "unknown_field" },
    ]));

  it("a content type that is neither JSON nor CSV", async () => {
    const response = await expectRefused(
      "content-type",
      (t) => post(t, { rawBody: { contentType: "text/plain", text: goodRows } }),
      415,
      undefined,
    );
    expect(response.json.detail).toContain("text/csv");
  });
});
