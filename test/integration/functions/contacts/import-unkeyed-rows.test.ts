import { randomUUID } from "node:crypto";
import type { ContactImportResult } from "@shared/model/contact-import";
import type { ContactImportJob } from "@shared/model/contact-import-job";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { storedDocuments } from "../../harness/stored-documents";

/**
 * Rows with neither a No. nor an e-mail have nothing of their own that says "this contact is
 * there already"; they are recognised as rows of the same file imported before. Through the API
 * on the embedded store, pages of 50 so that imports at once interleave page by page.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({ importPageRows: 50 });
});
afterAll(() => api.close());

/** Persons with a name and a city, no No., no e-mail: a list from outside Business Central. */
const unkeyedRows = (rows: number, prefix: string) =>
  Array.from({ length: rows }, (_, i) => [`${prefix} ${i + 1}`, "person", `By ${i % 7}`]);

const csvOf = (rows: readonly string[][], delimiter = ";", eol = "\r\n") =>
  [["Name", "Type", "City"], ...rows].map((r) => r.join(delimiter)).join(eol);

const importFile = (tenant: string, csv: string, extra: Record<string, unknown> = {}) =>
  api.call<ContactImportResult>("POST", "/api/contacts/import", {
    tenant,
    body: { csv, ...extra },
  });

const storedNos = (tenant: string) =>
  storedDocuments<string>(api.deps.store.containers.contacts, {
    tenant,
    docType: "contact",
    select: "VALUE c.no",
  });

const storedNames = (tenant: string) =>
  storedDocuments<string>(api.deps.store.containers.contacts, {
    tenant,
    docType: "contact",
    select: "VALUE c.name",
  });

const jobOf = async (tenant: string, id: string) =>
  (await api.call<ContactImportJob>("GET", `/api/contact-import-jobs/${id}`, { tenant })).json;

describe("importing rows without No. and e-mail again", () => {
  it("adds nothing the second time, also when the file was saved again another way; another file's rows are new", async () => {
    const tenant = "unkeyed-twice";
    const rows = unkeyedRows(300, "Twice");
    // Two rows alike in every cell are two rows of the file: both are imported, once each.
    rows.push(["Twice 1", "person", "By 0"]);
    const csv = csvOf(rows);
    const first = await importFile(tenant, csv);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ rows: 301, imported: 301, duplicates: 0 });
    const nosAfterFirst = (await storedNos(tenant)).sort();
    expect(nosAfterFirst).toHaveLength(301);

    // The same file again, as a job: every row is recognised, nothing is written.
    const id = randomUUID();
    const again = await importFile(tenant, csv, { jobId: id });
    expect(again.json).toMatchObject({ rows: 301, imported: 0, duplicates: 301, status: "done" });
    const row1 = again.json.problems.find((p) => p.row === 1);
    expect(row1).toMatchObject({ status: "duplicate", no: expect.stringMatching(/^KT\d{6}$/) });
    expect(row1?.errors).toEqual([
      expect.objectContaining({ field: "", rule: "imported_before", row: 1 }),
    ]);
    const job = await jobOf(tenant, id);
    expect(job).toMatchObject({ created: 0, skipped: 301, failed: 0 });
    expect(job.problemGroups).toEqual([
      expect.objectContaining({ rule: "imported_before", field: "", count: 301 }),
    ]);

    // The same table saved again with commas, LF, a BOM and trailing empty cells is the same
    // file; a dry run says the same without writing.
    const resaved = `\uFEFF${csvOf(
      rows.map((r) => [...r, "", ""]),
      ",",
      "\n",
    )}\n\n`;
    const dry = await importFile(tenant, resaved, { dryRun: true });
    expect(dry.json).toMatchObject({ rows: 301, imported: 0, duplicates: 301, dryRun: true });
    const resavedRun = await importFile(tenant, resaved);
    expect(resavedRun.json).toMatchObject({ imported: 0, duplicates: 301 });
    expect((await storedNos(tenant)).sort()).toEqual(nosAfterFirst);

    // Another file (here: the same persons and one more): its rows are other rows, so the
    // persons in it are created again, as the README documents for rows without No. or e-mail.
    const other = csvOf([...rows.slice(0, 10), ["Someone New", "person", "By 1"]]);
    const otherRun = await importFile(tenant, other);
    expect(otherRun.json).toMatchObject({ rows: 11, imported: 11, duplicates: 0 });
    expect(await storedNos(tenant)).toHaveLength(312);
  });

  it("creates each row once when the same file is imported twice at once", async () => {
    const tenant = "unkeyed-at-once";
    const csv = csvOf(unkeyedRows(600, "AtOnce"));
    const answers = await Promise.all([
      importFile(tenant, csv, { jobId: randomUUID() }),
      importFile(tenant, csv, { jobId: randomUUID() }),
      importFile(tenant, csv),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // Between them every row was created exactly once; each says it skipped the others' rows.
    expect(answers.reduce((n, a) => n + a.json.imported, 0)).toBe(600);
    for (const a of answers) {
      expect(a.json.imported + a.json.duplicates).toBe(600);
      expect(a.json.invalid).toBe(0);
    }
    const nos = await storedNos(tenant);
    expect(nos).toHaveLength(600);
    expect(new Set(nos).size).toBe(600);
    const names = await storedNames(tenant);
    expect(new Set(names).size).toBe(600);

    // And a fourth time, alone: nothing.
    const after = await importFile(tenant, csv);
    expect(after.json).toMatchObject({ imported: 0, duplicates: 600 });
  });

  it("writes again, under its first No., a row whose contact is gone (deleted, or a crash before it was written)", async () => {
    const tenant = "unkeyed-gone";
    const csv = csvOf(unkeyedRows(40, "Gone"));
    expect((await importFile(tenant, csv)).json.imported).toBe(40);
    const nos = (await storedNos(tenant)).sort();
    // The state a crash between a row's claim and its contact leaves: the claim, no contact.
    const gone = nos.slice(0, 5);
    for (const no of gone) {
      const contact = await api.call<{ etag: string }>("GET", `/api/contacts/${no}`, { tenant });
      const deleted = await api.call("DELETE", `/api/contacts/${no}`, {
        tenant,
        ifMatch: contact.json.etag,
      });
      expect(deleted.status).toBe(204);
    }
    expect(await storedNos(tenant)).toHaveLength(35);

    const again = await importFile(tenant, csv);
    expect(again.json).toMatchObject({ imported: 5, duplicates: 35 });
    expect((await storedNos(tenant)).sort()).toEqual(nos);
  });
});
