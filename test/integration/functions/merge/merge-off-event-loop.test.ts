import { randomUUID } from "node:crypto";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { base64, bigLetter, seedBigSegment, smallLetter } from "./fixtures/big-segment";

/**
 * Merging runs in worker threads: while one user's big merge runs, the API answers others, a
 * cancel stops the thread doing the merge, and a pool with its queue full says so (503).
 * Nothing here measures time: the pool's own counts and the order of answers tell.
 */
const contacts = 3_000;
const tenant = "big-merges";
let api: ApiHarness;

const seed = (harness: ApiHarness) => seedBigSegment(harness, tenant, contacts);

const startMerge = (harness: ApiHarness, letter: Uint8Array, jobId = randomUUID()) => {
  let answered = false;
  const response = harness
    .call("POST", "/api/segments/BIG/merge", {
      tenant,
      body: { jobId, template: { documentBase64: base64(letter) }, output: "document" },
    })
    .finally(() => (answered = true));
  return { jobId, response, answered: () => answered };
};

/** Turns of the event loop until `ready` holds (the threads report by messages). */
const until = async (ready: () => boolean) => {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
};

/**
 * The merge's work has reached a thread: the letter read (before the job exists) and Check for
 * Errors done, the merge itself running.
 */
const mergeRunning = (harness: ApiHarness, completedBefore: number) => () => {
  const stats = harness.deps.workers.stats();
  return stats.completed >= completedBefore + 2 && stats.busy === 1 && stats.queued === 0;
};

beforeAll(async () => {
  api = await startApi({ workers: { size: 1, maxQueue: 64 } }, undefined, { blobs: true });
  await seed(api);
  // One small merge first: the thread is started and warm before the tests count its work.
  const warm = await startMerge(api, smallLetter).response;
  if (warm.json.status !== "done") throw new Error(warm.text);
});
afterAll(() => api.close());

describe("merging off the event loop", () => {
  it("answers /health while a 3,000-letter merge runs in a merge thread", async () => {
    const before = api.deps.workers.stats();
    const merge = startMerge(api, bigLetter);
    await until(mergeRunning(api, before.completed));

    const health = await api.call("GET", "/api/health");

    expect(health.status).toBe(200);
    // Answered before the merge finished: the merge request is open and its thread still busy.
    expect(merge.answered()).toBe(false);
    expect(api.deps.workers.stats()).toMatchObject({ busy: 1, completed: before.completed + 2 });
    await api.call("POST", `/api/merge-jobs/${merge.jobId}/cancel`, { tenant });
    expect((await merge.response).json.status).toBe("canceled");
  });

  it("stops the merge thread on cancel: the big merge never completes, and the pool runs the next merge", async () => {
    const before = api.deps.workers.stats();
    const big = startMerge(api, bigLetter);
    await until(mergeRunning(api, before.completed));
    const running = api.deps.workers.stats();

    const canceled = await api.call("POST", `/api/merge-jobs/${big.jobId}/cancel`, { tenant });
    expect(canceled.status).toBe(200);
    expect(canceled.json.status).toBe("canceled");
    const answer = await big.response;
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: "canceled", progress: { total: contacts } });
    expect(answer.json.result).toBeUndefined();
    // The thread merging it was terminated, not left to finish: canceled, never completed, and
    // the thread ends (its exit is reported a turn or two later).
    expect(api.deps.workers.stats()).toMatchObject({
      canceled: running.canceled + 1,
      completed: running.completed,
    });
    await until(() => api.deps.workers.stats().exited === running.exited + 1);

    const next = await startMerge(api, smallLetter).response;
    expect(next.json.status).toBe("done");
    // The next merge's three tasks (read, check, merge) ran on a fresh thread; the big merge's
    // never did.
    expect(api.deps.workers.stats()).toMatchObject({
      completed: running.completed + 3,
      canceled: running.canceled + 1,
      started: running.started + 1,
      busy: 0,
    });
    const job = await api.call("GET", `/api/merge-jobs/${big.jobId}`, { tenant });
    expect(job.json.status).toBe("canceled");
    const result = await api.call("GET", `/api/merge-jobs/${big.jobId}/result`, { tenant });
    expect(result.status).toBe(409);
  });
});

describe("a pool with its queue full", () => {
  let small: ApiHarness;
  beforeAll(async () => {
    small = await startApi({ workers: { size: 1, maxQueue: 1 } }, api.cosmos, { blobs: true });
    await seed(small);
    await small.call("POST", "/api/interaction-templates", {
      tenant,
      body: { code: "OTHER", description: "Other" },
    });
  });
  afterAll(() => small.close());

  it("answers 503 problem+json with Retry-After to an upload and a merge, and writes nothing", async () => {
    const before = small.deps.workers.stats();
    const big = startMerge(small, bigLetter);
    await until(mergeRunning(small, before.completed));
    // One upload waits for the thread; the queue holds one.
    const waiting = small.call("PUT", "/api/interaction-templates/LETTER/attachments/da-DK", {
      tenant,
      rawBody: { contentType: "application/octet-stream", bytes: smallLetter },
    });
    await until(() => small.deps.workers.stats().queued === 1);

    const refused = await small.call("PUT", "/api/interaction-templates/OTHER/attachments/da-DK", {
      tenant,
      rawBody: { contentType: "application/octet-stream", bytes: smallLetter },
    });

    expect(refused.status).toBe(503);
    expect(refused.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.json).toMatchObject({ status: 503, title: "Busy with other letters" });
    expect(refused.json.detail).toMatch(/1 tasks waiting/);
    const other = await small.call("GET", "/api/interaction-templates/OTHER", { tenant });
    expect(other.json.attachments).toEqual([]);

    // A merge refused so leaves no job behind either: a retry with its id starts afresh.
    const jobId = randomUUID();
    const merge = await small.call("POST", "/api/segments/BIG/merge", {
      tenant,
      body: {
        jobId,
        template: { documentBase64: base64(smallLetter) },
        output: "perContact",
        keep: true,
      },
    });
    expect(merge.status).toBe(503);
    expect(merge.json.title).toBe("Busy with other letters");
    expect((await small.call("GET", `/api/merge-jobs/${jobId}`, { tenant })).status).toBe(404);

    await small.call("POST", `/api/merge-jobs/${big.jobId}/cancel`, { tenant });
    expect((await big.response).json.status).toBe("canceled");
    expect((await waiting).status).toBe(200);
  });
});
