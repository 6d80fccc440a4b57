import { randomUUID } from "node:crypto";
import type { Problem, ProblemError } from "@shared/model/problem";
import { startApi, type ApiHarness, type CallResult } from "../../harness/api-harness";
import { countStored } from "../../harness/stored-documents";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const goodRows = "Name;E-Mail\nAnna;anna@x.dk\n";

/** Neither a contact nor an import job was written for the tenant. */
const nothingWritten = async (tenant: string) => {
  expect(
    await countStored(api.deps.store.containers.contacts, { tenant, docType: "contact" }),
  ).toBe(0);
  expect(
    await countStored(api.deps.store.containers.setup, { tenant, docType: "contactImportJob" }),
  ).toBe(0);
};

const expectProblem = (
  res: CallResult<Problem>,
  status: number,
  errors?: Partial<ProblemError>[],
) => {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  if (errors) expect(res.json.errors).toEqual(errors.map((e) => expect.objectContaining(e)));
};

describe("import jobs refuse bad input with problem+json naming the field and rule, writing nothing", () => {
  it("POST /contacts/import: a jobId that is not a UUID", async () => {
    const tenant = "jobbad-uuid";
    const res = await api.call("POST", "/api/contacts/import", {
      tenant,
      body: { csv: goodRows, jobId: "../../other-tenant" },
    });
    expectProblem(res, 400, [{ in: "body", field: "jobId", rule: "invalid_format" }]);
    await nothingWritten(tenant);
  });

  it("POST /contacts/import: a jobId in the query of a text/csv body that is not a UUID", async () => {
    const tenant = "jobbad-query";
    const res = await api.call("POST", "/api/contacts/import?jobId=not-a-uuid", {
      tenant,
      rawBody: { contentType: "text/csv", text: goodRows },
    });
    expectProblem(res, 400, [{ in: "query", field: "jobId", rule: "invalid_format" }]);
    await nothingWritten(tenant);
  });

  it("POST /contacts/import: a jobId with dryRun", async () => {
    const tenant = "jobbad-dry";
    const res = await api.call("POST", "/api/contacts/import", {
      tenant,
      body: { csv: goodRows, jobId: randomUUID(), dryRun: true },
    });
    expectProblem(res, 400, [{ in: "body", field: "jobId", rule: "not_with_dry_run" }]);
    await nothingWritten(tenant);
  });

  it("POST /contacts/import: a file refused as a whole writes no job either (a retry may reuse the id)", async () => {
    const tenant = "jobbad-file";
    const jobId = randomUUID();
    const res = await api.call("POST", "/api/contacts/import", {
      tenant,
      body: { csv: "PK\u0003\u0004\u0000\u0000[Content_Types].xml", jobId },
    });
    expectProblem(res, 400, [{ in: "body", field: "csv", rule: "invalid_csv" }]);
    await nothingWritten(tenant);
    const retry = await api.call("POST", "/api/contacts/import", {
      tenant,
      body: { csv: goodRows, jobId },
    });
    expect(retry.json).toMatchObject({ imported: 1, status: "done" });
  });

  it("POST /contacts/import: a body over the import's 16 MiB, with a jobId, is refused unread", async () => {
    const tenant = "jobbad-big";
    const jobId = randomUUID();
    const big = `Name\n${"x".repeat(16 * 1024 * 1024)}\n`;
    const res = await api.call("POST", `/api/contacts/import?jobId=${jobId}`, {
      tenant,
      rawBody: { contentType: "text/csv", text: big },
    });
    expectProblem(res, 413);
    await nothingWritten(tenant);
  });

  it("POST /contacts/import: a header of 60,000 columns still makes a job that can be read (ignored columns are not kept in it)", async () => {
    const tenant = "jobbad-wide";
    const jobId = randomUUID();
    const header = ["Name", ...Array.from({ length: 60_000 }, (_, i) => `junk column ${i}`)];
    const res = await api.call("POST", "/api/contacts/import", {
      tenant,
      body: { csv: `${header.join(";")}\nAnna\n`, jobId },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ imported: 1, status: "done" });
    const job = await api.call("GET", `/api/contact-import-jobs/${jobId}`, { tenant });
    expect(job.status).toBe(200);
    expect(job.json.mapping).toEqual({ Name: "name" });
  });

  it.each([
    ["GET", ""],
    ["POST", "/cancel"],
  ])(
    "%s /contact-import-jobs/{id}%s: an id that is not a job id, and one nobody has",
    async (method, suffix) => {
      const tenant = "jobbad-id";
      const bad = await api.call(method, `/api/contact-import-jobs/bad!id${suffix}`, { tenant });
      expectProblem(bad, 400, [{ in: "path", field: "id", rule: "invalid_format" }]);
      const long = await api.call(method, `/api/contact-import-jobs/${"a".repeat(65)}${suffix}`, {
        tenant,
      });
      expectProblem(long, 400, [{ in: "path", field: "id", rule: "invalid_format" }]);
      const missing = await api.call(method, `/api/contact-import-jobs/${randomUUID()}${suffix}`, {
        tenant,
      });
      expectProblem(missing, 404);
      await nothingWritten(tenant);
    },
  );

  it("POST /contact-import-jobs/{id}/cancel takes no body", async () => {
    const res = await api.call("POST", `/api/contact-import-jobs/${randomUUID()}/cancel`, {
      tenant: "jobbad-body",
      body: { status: "done" },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});
