import { loadConfig } from "../../../../functions/config";
import { sweepEndedJobs, type JobRetentionOptions } from "../../../../functions/jobs/job-retention";
import { startJobRetentionTimer } from "../../../../functions/jobs/job-retention-timer";
import { newDocumentId } from "../../../../functions/store/document-names";
import type { NewApplyTemplateJob } from "../../../../functions/store/apply-template-job-repository";
import type { StoredContactImportJob } from "../../../../functions/store/contact-import-job-repository";
import type { StoredSendJob } from "../../../../functions/store/send-job-repository";
import { asTenantId, type TenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { readUntil } from "../../harness/api-process";
import { leasedKinds } from "./fixtures/leased-jobs";

// The sweep's clock: jobs are planted relative to it, never to the wall clock.
const now = new Date("2026-06-15T12:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({ jobRetentionDays: 7 }, undefined, { blobs: true });
});
afterAll(async () => {
  await api.close();
});

const sweep = (options?: JobRetentionOptions) =>
  sweepEndedJobs({ ...api.deps, now: () => now }, options);

let seq = 0;
const newTenant = () => asTenantId(`00000000-0000-4000-8000-${String(++seq).padStart(12, "0")}`);

/** A merge job that ended `endedDaysAgo` days ago with its result in Blob Storage. */
const plantMergeJob = async (
  tenant: TenantId,
  jobId: string,
  status: "running" | "done" | "failed" | "canceled",
  endedDaysAgo: number,
) => {
  const resultDocumentId = newDocumentId(tenant, { kind: "mergeResult", jobId });
  await api.deps.store.documents.put(resultDocumentId, new TextEncoder().encode("result"), {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
  await api.deps.store.mergeJobs.store.create(tenant, jobId, {
    jobId,
    segmentNo: "SEG01",
    status,
    output: "docx",
    progress: { done: 1, total: 1 },
    issues: [],
    createdAt: daysAgo(endedDaysAgo + 1),
    ...(status === "running" ? {} : { finishedAt: daysAgo(endedDaysAgo) }),
    resultDocumentId,
  });
  return resultDocumentId;
};

const plantApplyJob = async (
  tenant: TenantId,
  jobId: string,
  status: "running" | "done" | "failed" | "canceled",
  endedDaysAgo: number,
  leaseUntil = daysAgo(endedDaysAgo),
) => {
  const job: NewApplyTemplateJob = {
    jobId,
    segmentNo: "SEG01",
    interactionTemplateCode: "ABSTRACT",
    updateLines: true,
    status,
    progress: { done: 1, total: 1 },
    changed: 1,
    createdAt: daysAgo(endedDaysAgo + 1),
    ...(status === "running" ? {} : { finishedAt: daysAgo(endedDaysAgo) }),
    leaseUntil,
  };
  await api.deps.store.applyTemplateJobs.start(tenant, job);
};

const plantImportJob = async (
  tenant: TenantId,
  jobId: string,
  status: "running" | "done" | "failed" | "canceled",
  endedDaysAgo: number,
) => {
  const job: Omit<StoredContactImportJob, "etag"> = {
    jobId,
    fingerprint: "f",
    status,
    progress: { done: 1, total: 1 },
    created: 1,
    skipped: 0,
    failed: 0,
    problemGroups: [],
    problems: [],
    problemsOmitted: 0,
    mapping: {},
    createdAt: daysAgo(endedDaysAgo + 1),
    ...(status === "running" ? {} : { finishedAt: daysAgo(endedDaysAgo) }),
    leaseUntil: daysAgo(endedDaysAgo),
  } as Omit<StoredContactImportJob, "etag">;
  await api.deps.store.contactImportJobs.begin(tenant, job);
};

/** A send job that ended long ago: a business record the sweep never touches. */
const plantSendJob = async (tenant: TenantId, id: string) => {
  const job = {
    id,
    loggedSegmentEntryNo: 1,
    state: "done",
    status: "done",
    transport: "none",
    counts: { total: 0, waiting: 0, sending: 0, sent: 0, failed: 0, skipped: 0, canceled: 0 },
    createdAt: daysAgo(60),
    finishedAt: daysAgo(60),
    options: {},
    mailbox: "m@example.com",
    origin: "log",
  } as unknown as Omit<StoredSendJob, "etag">;
  await api.deps.store.sendJobs.createJob(tenant, job, []);
};

const exists = {
  merge: async (t: TenantId, id: string) => !!(await api.deps.store.mergeJobs.store.find(t, id)),
  apply: async (t: TenantId, id: string) => !!(await api.deps.store.applyTemplateJobs.find(t, id)),
  import: async (t: TenantId, id: string) => !!(await api.deps.store.contactImportJobs.find(t, id)),
};

describe("the job retention sweep", () => {
  it("deletes old ended jobs of each kind with their result blob, and keeps running, young and other jobs", async () => {
    const tenant = newTenant();
    const oldBlobs = [
      await plantMergeJob(tenant, "merge-done", "done", 8),
      await plantMergeJob(tenant, "merge-failed", "failed", 30),
      await plantMergeJob(tenant, "merge-canceled", "canceled", 10),
    ];
    const runningBlob = await plantMergeJob(tenant, "merge-running", "running", 30);
    const youngBlob = await plantMergeJob(tenant, "merge-young", "done", 6);
    await plantApplyJob(tenant, "apply-old", "done", 8);
    await plantApplyJob(tenant, "apply-young", "failed", 1);
    await plantApplyJob(tenant, "apply-running", "running", 30);
    // Canceled long ago, but its process's lease still runs: it may write once more.
    await plantApplyJob(tenant, "apply-leased", "canceled", 8, daysAgo(-1));
    await plantImportJob(tenant, "import-old", "canceled", 9);
    await plantImportJob(tenant, "import-young", "done", 0);
    await plantImportJob(tenant, "import-running", "running", 30);
    await plantSendJob(tenant, "send-old");

    const outcome = await sweep({ pageSize: 2 });

    expect(outcome.mergeJobs.deleted).toBe(3);
    expect(outcome.applyTemplateJobs.deleted).toBe(1);
    expect(outcome.contactImportJobs.deleted).toBe(1);
    for (const id of ["merge-done", "merge-failed", "merge-canceled"])
      expect(await exists.merge(tenant, id)).toBe(false);
    for (const blob of oldBlobs) expect(await api.deps.store.documents.exists(blob)).toBe(false);
    expect(await exists.merge(tenant, "merge-running")).toBe(true);
    expect(await exists.merge(tenant, "merge-young")).toBe(true);
    expect(await api.deps.store.documents.exists(runningBlob)).toBe(true);
    expect(await api.deps.store.documents.exists(youngBlob)).toBe(true);
    expect(await exists.apply(tenant, "apply-old")).toBe(false);
    expect(await exists.apply(tenant, "apply-young")).toBe(true);
    expect(await exists.apply(tenant, "apply-running")).toBe(true);
    expect(await exists.apply(tenant, "apply-leased")).toBe(true);
    expect(await exists.import(tenant, "import-old")).toBe(false);
    expect(await exists.import(tenant, "import-young")).toBe(true);
    expect(await exists.import(tenant, "import-running")).toBe(true);
    expect(await api.deps.store.sendJobs.findJob(tenant, "send-old")).toBeDefined();
  });

  it("sweeps every tenant's jobs and touches nothing else of either tenant", async () => {
    const a = newTenant();
    const b = newTenant();
    for (const tenant of [a, b]) {
      await plantMergeJob(tenant, "old-merge", "done", 20);
      await plantApplyJob(tenant, "old-apply", "done", 20);
      await plantImportJob(tenant, "old-import", "failed", 20);
      await api.deps.store.salespeople.store.create(tenant, "KEEP", { code: "KEEP", name: "K" });
      await plantSendJob(tenant, "send-kept");
    }

    await sweep();

    for (const tenant of [a, b]) {
      expect(await exists.merge(tenant, "old-merge")).toBe(false);
      expect(await exists.apply(tenant, "old-apply")).toBe(false);
      expect(await exists.import(tenant, "old-import")).toBe(false);
      expect(await api.deps.store.salespeople.store.find(tenant, "KEEP")).toBeDefined();
      expect(await api.deps.store.sendJobs.findJob(tenant, "send-kept")).toBeDefined();
    }
  });

  it("keeps a job that changed between the query and the delete", async () => {
    const tenant = newTenant();
    const blob = await plantMergeJob(tenant, "merge-changed", "done", 20);
    await plantApplyJob(tenant, "apply-changed", "done", 20);
    await plantImportJob(tenant, "import-changed", "done", 20);
    await plantApplyJob(tenant, "apply-unchanged", "done", 20);
    // Every time the sweep reads one of the changed jobs, another writer has changed it since.
    let touches = 1;

    const outcome = await sweep({
      beforeDelete: async (kind, t, jobId) => {
        if (t !== tenant || jobId === "apply-unchanged") return;
        // Another writer touches the job after the sweep read it (a new ETag).
        if (kind === "mergeJobs") {
          const job = await api.deps.store.mergeJobs.store.get(t, jobId);
          const { etag, ...rest } = job;
          await api.deps.store.mergeJobs.store.replace(t, jobId, rest, etag);
        } else if (kind === "applyTemplateJobs") {
          await api.deps.store.applyTemplateJobs.advance(t, jobId, {
            done: 1,
            total: 1,
            changed: ++touches,
            leaseUntil: daysAgo(20),
          });
        } else {
          await api.deps.store.contactImportJobs.end(t, jobId, { status: "done", at: daysAgo(20) });
        }
      },
    });

    expect(outcome.mergeJobs.changed).toBeGreaterThanOrEqual(1);
    expect(outcome.applyTemplateJobs.changed).toBeGreaterThanOrEqual(1);
    expect(outcome.contactImportJobs.changed).toBeGreaterThanOrEqual(1);
    expect(await exists.apply(tenant, "apply-unchanged")).toBe(false);
    expect(await exists.merge(tenant, "merge-changed")).toBe(true);
    expect(await api.deps.store.documents.exists(blob)).toBe(true);
    expect(await exists.apply(tenant, "apply-changed")).toBe(true);
    expect(await exists.import(tenant, "import-changed")).toBe(true);
  });

  it("run twice at once deletes each job once, without errors", async () => {
    // A database of its own, so the two sweeps' counts are this test's jobs alone.
    const own = await startApi({ jobRetentionDays: 7 }, api.cosmos, { blobs: true });
    try {
      const tenant = newTenant();
      const ids = Array.from({ length: 6 }, (_, i) => `twice-${i}`);
      const store = own.deps.store;
      for (const id of ids) {
        const resultDocumentId = newDocumentId(tenant, { kind: "mergeResult", jobId: `${id}-m` });
        await store.documents.put(resultDocumentId, new TextEncoder().encode("result"));
        await store.mergeJobs.store.create(tenant, `${id}-m`, {
          jobId: `${id}-m`,
          segmentNo: "SEG01",
          status: "done",
          output: "docx",
          progress: { done: 1, total: 1 },
          issues: [],
          createdAt: daysAgo(11),
          finishedAt: daysAgo(10),
          resultDocumentId,
        });
        await store.applyTemplateJobs.start(tenant, {
          jobId: `${id}-a`,
          segmentNo: "SEG01",
          interactionTemplateCode: "ABSTRACT",
          updateLines: true,
          status: "done",
          progress: { done: 1, total: 1 },
          changed: 1,
          createdAt: daysAgo(11),
          finishedAt: daysAgo(10),
          leaseUntil: daysAgo(10),
        });
      }
      const sweepOwn = () => sweepEndedJobs({ ...own.deps, now: () => now }, { pageSize: 2 });

      const [first, second] = await Promise.all([sweepOwn(), sweepOwn()]);

      expect(first.mergeJobs.deleted + second.mergeJobs.deleted).toBe(ids.length);
      expect(first.applyTemplateJobs.deleted + second.applyTemplateJobs.deleted).toBe(ids.length);
      for (const id of ids) {
        expect(await store.mergeJobs.store.find(tenant, `${id}-m`)).toBeUndefined();
        expect(await store.applyTemplateJobs.find(tenant, `${id}-a`)).toBeUndefined();
      }
    } finally {
      await own.close();
    }
  });
});

describe("a merge job whose server stopped", () => {
  it("is ended by the sweep, and deleted with the blob it named once retention has passed since; a leased one stays", async () => {
    const tenant = newTenant();
    const wall = Date.now();
    const at = (ms: number) => new Date(wall + ms).toISOString();
    const sweepAt = (days: number) =>
      sweepEndedJobs({ ...api.deps, now: () => new Date(wall + days * 86_400_000) });
    // Its process died after writing the result's blob, before the job said done.
    const jobId = "merge-stopped";
    const blob = await leasedKinds.mergeJobs.plant(api.deps, tenant, jobId, at(-60_000));
    // Ended long ago, but a process's lease on it runs past the sweeps below.
    await api.deps.store.mergeJobs.store.create(tenant, "merge-leased", {
      jobId: "merge-leased",
      segmentNo: "SEG01",
      status: "canceled",
      output: "document",
      progress: { done: 1, total: 40 },
      issues: [],
      createdAt: at(-30 * 86_400_000),
      finishedAt: at(-30 * 86_400_000),
      leaseUntil: at(30 * 86_400_000),
    });

    // Nobody reads it: the sweep ends it, as a read would, and retention counts from then.
    await sweepAt(1);
    expect(await api.deps.store.mergeJobs.find(tenant, jobId)).toMatchObject({
      status: "failed",
      failure: "server_stopped",
      finishedAt: at(86_400_000),
    });

    await sweepAt(7);
    expect(await exists.merge(tenant, jobId)).toBe(true);
    expect(blob && (await api.deps.store.documents.exists(blob))).toBe(true);

    await sweepAt(9);
    expect(await exists.merge(tenant, jobId)).toBe(false);
    expect(blob && (await api.deps.store.documents.exists(blob))).toBe(false);
    expect(await exists.merge(tenant, "merge-leased")).toBe(true);
  });
});

describe("the local host's retention timer", () => {
  it("sweeps as soon as it starts, with the app's own clock", async () => {
    const tenant = newTenant();
    const ended = new Date(api.deps.now().getTime() - 30 * 86_400_000).toISOString();
    await api.deps.store.applyTemplateJobs.start(tenant, {
      jobId: "timer-old",
      segmentNo: "SEG01",
      interactionTemplateCode: "ABSTRACT",
      updateLines: true,
      status: "done",
      progress: { done: 1, total: 1 },
      changed: 1,
      createdAt: ended,
      finishedAt: ended,
      leaseUntil: ended,
    });

    const timer = startJobRetentionTimer(api.deps);
    try {
      await readUntil(
        () => exists.apply(tenant, "timer-old"),
        (found) => !found,
      );
    } finally {
      await timer.stop();
    }
    expect(await exists.apply(tenant, "timer-old")).toBe(false);
  });
});

describe("MERGELINE_JOB_RETENTION_DAYS", () => {
  const env = { COSMOS_ENDPOINT: "https://localhost:8081/", AUTH_AUDIENCE: "api://mergeline" };

  it("defaults to 7 days and takes the setting", () => {
    expect(loadConfig(env).jobRetentionDays).toBe(7);
    expect(loadConfig({ ...env, MERGELINE_JOB_RETENTION_DAYS: "30" }).jobRetentionDays).toBe(30);
  });

  it.each(["0", "-1", "1.5", "week"])("refuses %s, naming the setting", (value) => {
    expect(() => loadConfig({ ...env, MERGELINE_JOB_RETENTION_DAYS: value })).toThrow(
      /MERGELINE_JOB_RETENTION_DAYS/,
    );
  });
});
