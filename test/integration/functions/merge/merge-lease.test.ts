import { randomUUID } from "node:crypto";
import type { MergeJob } from "@shared/model/merge-job";
import { newDocumentId, storedDocumentId } from "../../../../functions/store/document-names";
import type { StoredMergeJob } from "../../../../functions/store/stored-merge-job";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { readUntil } from "../../harness/api-process";
import { base64, bigLetter, seedBigSegment, smallLetter } from "./fixtures/big-segment";

/**
 * A merge job under a lease, in-process against the embedded store: the request that runs it
 * renews the lease with each save and by a timer; a job whose process stopped renewing it (a
 * crash, left here as such a process leaves it) ends failed with failure "server_stopped" on the
 * first read, cancel or same-id retry after the lease, and offers no result. A retry never
 * starts a second run.
 */
const contacts = 3_000;
const tenant = "merge-lease";
const id = asTenantId(tenant);
/**
 * Renewed every second: two renewals in a row may be late by a stall of a loaded machine
 * before the lease runs out.
 */
const leaseMs = 3_000;

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({ mergeLeaseMs: leaseMs }, undefined, { blobs: true });
  await seedBigSegment(api, tenant, contacts);
});
afterAll(() => api.close());

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** A running job as a process that died mid-merge leaves it: its lease ran out a minute ago. */
const plantJob = async (
  jobId: string,
  leaseUntil: string,
  extra: Partial<StoredMergeJob> = {},
): Promise<StoredMergeJob> =>
  api.deps.store.mergeJobs.store.create(id, jobId, {
    jobId,
    segmentNo: "BIG",
    status: "running",
    output: "document",
    progress: { done: 700, total: contacts },
    issues: [],
    createdAt: minutes(-3),
    leaseUntil,
    ...extra,
  });

const getJob = (jobId: string) => api.call<MergeJob>("GET", `/api/merge-jobs/${jobId}`, { tenant });
const postMerge = (jobId: string, letter = smallLetter) =>
  api.call<MergeJob>("POST", "/api/segments/BIG/merge", {
    tenant,
    body: { jobId, template: { documentBase64: base64(letter) }, output: "document" },
  });

describe("a merge job whose server stopped", () => {
  it("ends failed with server_stopped on the first read after its lease, says how far it got, and offers no result", async () => {
    const jobId = randomUUID();
    // The process died after writing half a result's blob, before the job said done.
    const resultDocumentId = newDocumentId(id, { kind: "mergeResult", jobId });
    await api.deps.store.documents.put(resultDocumentId, new TextEncoder().encode("PK half"));
    await plantJob(jobId, minutes(-1), { resultDocumentId });

    const read = await getJob(jobId);

    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      status: "failed",
      failure: "server_stopped",
      progress: { done: 700, total: contacts },
    });
    expect(read.json.error).toMatch(/server stopped while merging segment BIG/);
    expect(read.json.error).toContain(`progress was 700 of ${contacts}`);
    expect(read.json.result).toBeUndefined();
    expect(read.json.finishedAt).toBeDefined();
    // The half-written blob is never offered as the result.
    const result = await api.call("GET", `/api/merge-jobs/${jobId}/result`, { tenant });
    expect(result.status).toBe(409);
    // Later reads answer the job as the first one ended it.
    expect((await getJob(jobId)).json).toEqual(read.json);
  });

  it("stays running while its lease lasts: a read does not end a job whose process may still write", async () => {
    const jobId = randomUUID();
    await plantJob(jobId, minutes(1));

    const read = await getJob(jobId);

    expect(read.json).toMatchObject({ status: "running", progress: { done: 700 } });
    expect(read.json.failure).toBeUndefined();
  });

  it("ends failed with server_stopped, not canceled, when canceled after its lease", async () => {
    const jobId = randomUUID();
    await plantJob(jobId, minutes(-1));

    const canceled = await api.call<MergeJob>("POST", `/api/merge-jobs/${jobId}/cancel`, {
      tenant,
    });

    expect(canceled.status).toBe(200);
    expect(canceled.json).toMatchObject({ status: "failed", failure: "server_stopped" });
    expect((await getJob(jobId)).json).toEqual(canceled.json);
  });

  it("answers two same-id retries sent at once after its lease with the failed job, and starts nothing", async () => {
    const jobId = randomUUID();
    const planted = await plantJob(jobId, minutes(-1));
    const before = api.deps.workers.stats();

    const retries = await Promise.all([postMerge(jobId), postMerge(jobId)]);

    expect(retries.map((r) => r.status)).toEqual([200, 200]);
    for (const retry of retries)
      expect(retry.json).toMatchObject({
        id: jobId,
        status: "failed",
        failure: "server_stopped",
        createdAt: planted.createdAt,
        progress: { done: 700, total: contacts },
      });
    // No merge thread read a letter for either, and no result was named or written.
    expect(api.deps.workers.stats()).toMatchObject({
      started: before.started,
      completed: before.completed,
    });
    const stored = await api.deps.store.mergeJobs.store.get(id, jobId);
    expect(stored).toMatchObject({ status: "failed", failure: "server_stopped" });
    expect(stored.resultDocumentId).toBeUndefined();
  });

  it("answers two same-id retries sent at once while its lease lasts with the running job, and writes nothing", async () => {
    const jobId = randomUUID();
    const planted = await plantJob(jobId, minutes(1));
    const before = api.deps.workers.stats();

    const retries = await Promise.all([postMerge(jobId), postMerge(jobId)]);

    for (const retry of retries)
      expect(retry.json).toMatchObject({ id: jobId, status: "running", progress: { done: 700 } });
    expect(api.deps.workers.stats().completed).toBe(before.completed);
    expect((await api.deps.store.mergeJobs.store.get(id, jobId)).etag).toBe(planted.etag);
  });
});

describe("a merge job's lease", () => {
  it("is renewed while the merge runs: reads all along never see it end, and it ends done", async () => {
    const jobId = randomUUID();
    let answered = false;
    const merge = postMerge(jobId, bigLetter).finally(() => (answered = true));
    const statuses = new Set<string>();
    const leases = new Set<string>();
    while (!answered) {
      const res = await getJob(jobId);
      if (res.status === 200) statuses.add(res.json.status);
      const stored = await api.deps.store.mergeJobs.store.find(id, jobId);
      if (stored?.leaseUntil) leases.add(stored.leaseUntil);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answer = await merge;
    expect(answer.json).toMatchObject({ status: "done", progress: { done: contacts } });
    expect([...statuses].filter((s) => s !== "running" && s !== "done")).toEqual([]);
    // The lease moved on while the merge ran.
    expect(leases.size).toBeGreaterThan(1);
    const job = await getJob(jobId);
    expect(job.json.status).toBe("done");
    expect(job.json.failure).toBeUndefined();
    expect((await api.call("GET", `/api/merge-jobs/${jobId}/result`, { tenant })).status).toBe(200);
  });

  it("once it lapses (a process stalled past it), a read ends the job failed; the run stops, answers the failed job and keeps no result", async () => {
    const jobId = randomUUID();
    const merge = postMerge(jobId, bigLetter);
    await readUntil(
      () => api.deps.store.mergeJobs.store.find(id, jobId),
      (job) => !!job && job.progress.done > 0,
    );
    // The readers' clock runs past the lease: to them the run stopped renewing it, as a process
    // stalled longer than its lease would. The run's own lease keeper keeps the real clock.
    const realNow = api.deps.now;
    Object.assign(api.deps, { now: () => new Date(realNow().getTime() + 10 * leaseMs) });
    let read: MergeJob;
    try {
      read = (await getJob(jobId)).json;
    } finally {
      Object.assign(api.deps, { now: realNow });
    }

    expect(read).toMatchObject({ status: "failed", failure: "server_stopped" });
    // The run sees its job ended and stops: it writes nothing over the ending, and no result.
    const answer = await merge;
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: "failed", failure: "server_stopped" });
    expect(answer.json.result).toBeUndefined();
    const stored = await api.deps.store.mergeJobs.store.get(id, jobId);
    expect(stored).toMatchObject({ status: "failed", failure: "server_stopped" });
    // Named before it was written, the result's blob is gone if the run got that far.
    const blob = storedDocumentId(id, stored.resultDocumentId, { kind: "mergeResult", jobId });
    if (blob) expect(await api.deps.store.documents.exists(blob)).toBe(false);
    expect((await api.call("GET", `/api/merge-jobs/${jobId}/result`, { tenant })).status).toBe(409);
  });
});

describe("the same new job id posted twice at once", () => {
  it("runs one merge; the other request answers the same job", async () => {
    const jobId = randomUUID();
    const answers = await Promise.all([postMerge(jobId), postMerge(jobId)]);

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    for (const answer of answers) expect(answer.json.id).toBe(jobId);
    expect(answers.map((a) => a.json.createdAt)[0]).toBe(answers[1]?.json.createdAt);
    await readUntil(
      async () => (await getJob(jobId)).json,
      (job) => job.status !== "running",
    );
    expect((await getJob(jobId)).json.status).toBe("done");
  });
});
