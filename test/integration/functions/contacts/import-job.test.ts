import { randomUUID } from "node:crypto";
import type { ContactImportResult } from "@shared/model/contact-import";
import type { ContactImportJob } from "@shared/model/contact-import-job";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { countStored, storedDocuments } from "../../harness/stored-documents";

let api: ApiHarness;
beforeAll(async () => {
  // Small pages, so that a few thousand rows are many pages: progress and a cancel have room.
  api = await startApi({ importPageRows: 50 });
});
afterAll(() => api.close());

/** Rows without No. and e-mail: recognised again only as rows of the same file. */
const unkeyedCsv = (rows: number, prefix: string) =>
  ["Name;Type", ...Array.from({ length: rows }, (_, i) => `${prefix} ${i + 1};person`)].join(
    "\r\n",
  );

/** Rows keyed by No. (KI + the prefix + a number), as a re-run of the same export would be. */
const keyedCsv = (rows: number, prefix: string, from = 1) =>
  [
    "No.;Name;Type",
    ...Array.from({ length: rows }, (_, i) => `${prefix}${from + i};${prefix} ${from + i};person`),
  ].join("\r\n");

const contactsOf = (tenant: string) =>
  countStored(api.deps.store.containers.contacts, { tenant, docType: "contact" });

const startImport = (tenant: string, csv: string, jobId: string) =>
  api.call<ContactImportResult>("POST", "/api/contacts/import", { tenant, body: { csv, jobId } });

const jobOf = async (tenant: string, id: string) => {
  const res = await api.call<ContactImportJob>("GET", `/api/contact-import-jobs/${id}`, {
    tenant,
  });
  return res.status === 200 ? res.json : undefined;
};

/** Polls the job while `until` has not settled; every progress seen, in order. */
const watch = async (tenant: string, id: string, until: Promise<unknown>) => {
  let settled = false;
  void until.finally(() => {
    settled = true;
  });
  const seen: number[] = [];
  while (!settled) {
    const job = await jobOf(tenant, id);
    if (job && job.status === "running" && seen.at(-1) !== job.progress.done)
      seen.push(job.progress.done);
  }
  return seen;
};

describe("POST /contacts/import with a jobId: the import as a job", () => {
  it("shows its progress page by page while the request runs, then the counts", async () => {
    const tenant = "job-progress";
    const id = randomUUID();
    const request = startImport(tenant, unkeyedCsv(1500, "Progress"), id);
    const seen = await watch(tenant, id, request);
    const res = await request;
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ rows: 1500, imported: 1500, jobId: id, status: "done" });
    // More than one count between 0 and the end: it moved while the request was open.
    expect(seen.filter((done) => done > 0 && done < 1500).length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const job = await jobOf(tenant, id);
    expect(job).toMatchObject({
      id,
      status: "done",
      progress: { done: 1500, total: 1500 },
      created: 1500,
      skipped: 0,
      failed: 0,
      problemGroups: [],
    });
    expect(job?.finishedAt).toBeDefined();
    expect(await contactsOf(tenant)).toBe(1500);
  });

  it("stops between pages on a cancel: what was written stays, the job says how much, and no more is written", async () => {
    const tenant = "job-cancel";
    const id = randomUUID();
    const request = startImport(tenant, unkeyedCsv(3000, "Cancel"), id);
    let job: ContactImportJob | undefined;
    do job = await jobOf(tenant, id);
    while (!job || job.progress.done === 0);
    const cancel = await api.call<ContactImportJob>(
      "POST",
      `/api/contact-import-jobs/${id}/cancel`,
      { tenant },
    );
    expect(cancel.status).toBe(200);
    expect(cancel.json.status).toBe("canceled");
    const res = await request;
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("canceled");
    const ended = (await jobOf(tenant, id)) as ContactImportJob;
    expect(ended.status).toBe("canceled");
    expect(ended.created).toBeGreaterThan(0);
    expect(ended.created).toBeLessThan(3000);
    expect(ended.created).toBe(res.json.imported);
    expect(await contactsOf(tenant)).toBe(ended.created);
    // The request has answered, so the work is over: nothing grows after it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await contactsOf(tenant)).toBe(ended.created);
    expect((await jobOf(tenant, id))?.created).toBe(ended.created);
    // A cancel of an ended job answers it as it is.
    const again = await api.call<ContactImportJob>(
      "POST",
      `/api/contact-import-jobs/${id}/cancel`,
      { tenant },
    );
    expect(again.json).toMatchObject({ status: "canceled", created: ended.created });
  });

  it("imports once when the same job id is posted twice, one after the other and at once", async () => {
    const tenant = "job-twice";
    const csv = unkeyedCsv(400, "Twice");
    const id = randomUUID();
    const first = await startImport(tenant, csv, id);
    const second = await startImport(tenant, csv, id);
    expect(first.json).toMatchObject({ imported: 400, status: "done" });
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ imported: 400, status: "done", jobId: id });
    expect(await contactsOf(tenant)).toBe(400);

    // Another file (the same file's rows would be recognised whatever the job id), posted under
    // one job id twice at once: one run.
    const atOnce = randomUUID();
    const otherCsv = unkeyedCsv(400, "AtOnce");
    const both = await Promise.all([
      startImport(tenant, otherCsv, atOnce),
      startImport(tenant, otherCsv, atOnce),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await contactsOf(tenant)).toBe(800);
    expect((await jobOf(tenant, atOnce))?.created).toBe(400);
  });

  it("refuses the same job id with another file (409 naming jobId) and writes nothing", async () => {
    const tenant = "job-other-file";
    const id = randomUUID();
    expect((await startImport(tenant, unkeyedCsv(3, "First"), id)).status).toBe(200);
    const other = await startImport(tenant, unkeyedCsv(3, "Other"), id);
    expect(other.status).toBe(409);
    expect(other.json).toMatchObject({
      errors: [expect.objectContaining({ field: "jobId", rule: "unique" })],
    });
    expect(await contactsOf(tenant)).toBe(3);
  });

  it("re-run of the same file keyed by No. under a new job creates nothing and skips every row", async () => {
    const tenant = "job-rerun";
    const csv = keyedCsv(300, "KR");
    expect((await startImport(tenant, csv, randomUUID())).json.imported).toBe(300);
    const id = randomUUID();
    const rerun = await startImport(tenant, csv, id);
    expect(rerun.json).toMatchObject({ imported: 0, duplicates: 300 });
    expect(await jobOf(tenant, id)).toMatchObject({
      created: 0,
      skipped: 300,
      problemGroups: [{ rule: "unique", field: "no", status: "duplicate", count: 300 }],
    });
    expect(await contactsOf(tenant)).toBe(300);
  });

  it("runs two imports at once on one tenant safely: unkeyed rows get distinct Nos., keyed rows are there once", async () => {
    const tenant = "job-concurrent";
    const [a, b] = await Promise.all([
      startImport(tenant, unkeyedCsv(600, "Left"), randomUUID()),
      startImport(tenant, unkeyedCsv(600, "Right"), randomUUID()),
    ]);
    expect([a.json.imported, b.json.imported]).toEqual([600, 600]);
    const nos = await storedDocuments<string>(api.deps.store.containers.contacts, {
      tenant,
      docType: "contact",
      select: "VALUE c.no",
    });
    expect(nos).toHaveLength(1200);
    expect(new Set(nos).size).toBe(1200);

    // The same Nos. in both files, at once: each contact once; the loser reports the rows.
    const [c, d] = await Promise.all([
      startImport(tenant, keyedCsv(400, "KC"), randomUUID()),
      startImport(tenant, keyedCsv(400, "KC", 201), randomUUID()),
    ]);
    expect(await contactsOf(tenant)).toBe(1200 + 600);
    expect(c.json.imported + d.json.imported).toBe(600);
    expect(c.json.imported + c.json.duplicates).toBe(400);
    expect(d.json.imported + d.json.duplicates).toBe(400);
  });

  it("keeps every row problem readable from the job: grouped by rule and field, and the rows in full", async () => {
    const tenant = "job-problems";
    const rows = [
      "Name;Type;E-Mail",
      ...Array.from({ length: 120 }, (_, i) =>
        i % 3 === 0 ? `Bad ${i};person;not-an-address` : `Good ${i};person;good${i}@x.dk`,
      ),
      ";person;",
    ];
    const id = randomUUID();
    const res = await startImport(tenant, rows.join("\r\n"), id);
    expect(res.json).toMatchObject({ rows: 121, imported: 80, invalid: 41 });
    const job = (await jobOf(tenant, id)) as ContactImportJob;
    expect(job).toMatchObject({ created: 80, failed: 41, skipped: 0, problemsOmitted: 0 });
    expect(job.problemGroups.map((g) => [g.field, g.count, g.rows[0]])).toEqual([
      ["email", 40, 1],
      ["name", 1, 121],
    ]);
    expect(job.problemGroups[0]?.rows).toHaveLength(20);
    expect(job.problems).toHaveLength(41);
    expect(job.problems[1]).toMatchObject({
      row: 4,
      status: "invalid",
      errors: [expect.objectContaining({ field: "email", row: 4 })],
    });
  });
});

describe("the import job's lease", () => {
  /**
   * Seconds, so that an event loop stalled by a loaded machine (renewals are a third of the lease
   * apart) does not let the lease run out. Each of the three pages' contacts is held back longer
   * than the lease (a slow store; under the embedded server's 5 s keep-alive, whose closed idle
   * sockets the SDK would otherwise meet), so the job lives on only if the run renews it.
   */
  const leaseMs = 3_000;
  const pageMs = 4_000;
  let short: ApiHarness;
  beforeAll(async () => {
    short = await startApi({ importPageRows: 50, importLeaseMs: leaseMs }, api.cosmos);
    const contacts = short.deps.store.contacts;
    const bulkCreate = contacts.bulkCreate.bind(contacts);
    contacts.bulkCreate = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, pageMs));
      return bulkCreate(...args);
    };
  });
  afterAll(() => short.close());

  it("is renewed while the import runs: a job read again and again never ends failed while its request lives", async () => {
    const tenant = "job-lease-live";
    const id = randomUUID();
    const request = short.call<ContactImportResult>("POST", "/api/contacts/import", {
      tenant,
      body: { csv: unkeyedCsv(150, "Lease"), jobId: id },
    });
    let settled = false;
    void request.finally(() => {
      settled = true;
    });
    const statuses = new Set<string>();
    let reads = 0;
    while (!settled) {
      const res = await short.call<ContactImportJob>("GET", `/api/contact-import-jobs/${id}`, {
        tenant,
      });
      if (res.status === 200) {
        statuses.add(res.json.status);
        reads++;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const res = await request;
    expect(res.json).toMatchObject({ imported: 150, status: "done" });
    expect(reads).toBeGreaterThan(1);
    // Running throughout; done only at the very end (the job ends before its answer arrives).
    expect([...statuses].join()).toMatch(/^running(,done)?$/);
    const job = await short.call<ContactImportJob>("GET", `/api/contact-import-jobs/${id}`, {
      tenant,
    });
    expect(job.json).toMatchObject({ status: "done", created: 150 });
    expect(job.json.failure).toBeUndefined();
  });
});
