import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sweepEndedJobs } from "../../../../functions/jobs/job-retention";
import { asTenantId } from "../../../../functions/store/tenant";
import {
  appBeside,
  callerOf,
  okFrom,
  readUntil,
  signInTo,
  startApiProcess,
  stopApiProcesses,
  type ApiProcess,
  type ApiProcessCaller,
} from "../../harness/api-process";
import { startAzurite, type LocalAzurite } from "../../../../functions/store/embedded/azurite";
import { base64, bigLetter } from "./fixtures/big-segment";

/**
 * The API as `npm start -- --api-only` runs it, in a child process on a real port: alice merges
 * a segment of 3,000 contacts and the process is killed with SIGKILL mid-merge. Started again on
 * the same data, the job does not stay "running": same-id retries while the dead process's lease
 * lasts start no second run; once the lease has run out the job reads as failed with failure
 * "server_stopped", saying how far it got, with no result; a new merge of the segment succeeds.
 */
const contacts = 3000;
/** Short, so the test waits little; renewed every second, so a stall of a loaded CI is no lapse. */
const leaseSeconds = 3;
/** Blob Storage outlives the API, as a storage account does: Azurite in the test's process. */
const startApi = (dataDir: string, blobs: LocalAzurite) =>
  startApiProcess(dataDir, {
    MERGELINE_MERGE_LEASE_SECONDS: String(leaseSeconds),
    MERGELINE_EXPENSIVE_PER_MINUTE: "1000",
    AZURE_STORAGE_CONNECTION_STRING: blobs.connectionString,
  });
const tenant = "merge-kill";

interface Job {
  id: string;
  status: string;
  progress: { done: number; total: number };
  createdAt: string;
  result?: { fileName: string; size: number };
  failure?: string;
  error?: string;
}

const mergeSegment = (call: ApiProcessCaller, jobId: string) =>
  call<Job>("POST", "/segments/MKILL/merge", {
    body: { jobId, template: { documentBase64: base64(bigLetter) }, output: "document" },
  });

describe("a merge killed with SIGKILL over HTTP", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mergeline-merge-kill-"));
  const running: ApiProcess[] = [];
  let blobs: LocalAzurite;
  beforeAll(async () => {
    blobs = await startAzurite({ queue: false });
  });
  afterAll(async () => {
    await stopApiProcesses(running);
    await blobs.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("ends failed/server_stopped once its lease ran out, offers no result, and a new merge succeeds", async () => {
    const first = await startApi(dataDir, blobs);
    running.push(first);
    const alice = await callerOf(first, tenant, "alice");
    const csv = ["No.;Type;Name;City"];
    for (let i = 1; i <= contacts; i++)
      csv.push(`MK${String(i).padStart(5, "0")};Person;Kontakt ${i};Aarhus C`);
    await okFrom(alice, "POST", "/contacts/import", { body: { csv: `${csv.join("\r\n")}\r\n` } });
    await okFrom(alice, "POST", "/interaction-templates", {
      body: { code: "LETTER", description: "Brev" },
    });
    await okFrom(alice, "POST", "/segments", {
      body: { no: "MKILL", description: "Kill test", interactionTemplateCode: "LETTER" },
    });
    await okFrom(alice, "POST", "/segments/MKILL/add-contacts", {
      body: { filter: { kind: "field", field: "type", op: "eq", value: "person" } },
    });

    // alice merges the segment; the process dies once the job has saved some progress.
    const id = randomUUID();
    const merging = mergeSegment(alice, id).catch((error: unknown) => error);
    const seen = await readUntil(
      () => alice<Job>("GET", `/merge-jobs/${id}`),
      (r) => r.status === 200 && r.json.progress.done > 0,
    );
    first.child.kill("SIGKILL");
    await first.exited;
    expect(seen.json.status).toBe("running");
    // The connection died with the process: alice never got an answer.
    expect(String(await merging)).toMatch(/fetch failed/);

    const second = await startApi(dataDir, blobs);
    running.push(second);
    const alice2 = await callerOf(second, tenant, "alice");
    const bob = await callerOf(second, tenant, "bob");

    // alice's pane never heard back and posts the same job id again, twice at once: neither
    // starts a run of its own, whether the dead process's lease still lasts or not.
    const retries = await Promise.all([mergeSegment(alice2, id), mergeSegment(alice2, id)]);
    expect(retries.map((r) => r.status)).toEqual([200, 200]);
    for (const retry of retries) {
      expect(["running", "failed"]).toContain(retry.json.status);
      expect(retry.json.createdAt).toBe(seen.json.createdAt);
    }

    // Read again and again: "running" while the dead process's lease lasts, then failed, never
    // running forever.
    const statuses = new Set<string>();
    const ended = await readUntil(
      async () => {
        const job = await okFrom<Job>(bob, "GET", `/merge-jobs/${id}`);
        statuses.add(job.status);
        return job;
      },
      (job) => job.status !== "running",
    );
    expect([...statuses].filter((s) => s !== "running" && s !== "failed")).toEqual([]);
    expect(ended).toMatchObject({ status: "failed", failure: "server_stopped" });
    expect(ended.error).toMatch(/The server stopped while merging segment MKILL/);
    expect(ended.progress.done).toBeGreaterThan(0);
    expect(ended.progress.done).toBeLessThan(contacts);
    expect(ended.error).toContain(`progress was ${ended.progress.done} of ${contacts}`);
    // No result, half-written or not, is offered.
    expect(ended.result).toBeUndefined();
    expect((await bob("GET", `/merge-jobs/${id}/result`)).status).toBe(409);

    // Once ended, a retry and a cancel answer the failed job as it is and start nothing.
    const late = await okFrom<Job>(alice2, "POST", "/segments/MKILL/merge", {
      body: { jobId: id, template: { documentBase64: base64(bigLetter) } },
    });
    expect(late).toEqual(ended);
    expect(await okFrom<Job>(alice2, "POST", `/merge-jobs/${id}/cancel`)).toEqual(ended);
    expect(await okFrom<Job>(bob, "GET", `/merge-jobs/${id}`)).toEqual(ended);

    // Merging again (the pane's way on) makes the whole file.
    const again = await mergeSegment(alice2, randomUUID());
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({
      status: "done",
      progress: { done: contacts, total: contacts },
    });
    expect(again.json.failure).toBeUndefined();
    const file = await fetch(`${second.url}/merge-jobs/${again.json.id}/result`, {
      headers: await signInTo(second, tenant, "alice"),
    });
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(again.json.result?.size);

    // Killed again mid-merge, and this time nobody reads the job again (the pane was closed):
    // after the restart the periodic sweep, not a read, ends it once the dead lease ran out.
    const unread = randomUUID();
    void mergeSegment(alice2, unread).catch(() => undefined);
    await readUntil(
      () => alice2<Job>("GET", `/merge-jobs/${unread}`),
      (r) => r.status === 200 && r.json.progress.done > 0,
    );
    second.child.kill("SIGKILL");
    await second.exited;
    const third = await startApi(dataDir, blobs);
    running.push(third);
    const timer = await appBeside(third);
    try {
      // The timer's sweep, run by another instance of the app; the job read from the store.
      const swept = await readUntil(
        async () => {
          await sweepEndedJobs(timer.deps);
          return timer.deps.store.mergeJobs.get(asTenantId(tenant), unread);
        },
        (job) => job.status !== "running",
      );
      expect(swept).toMatchObject({ status: "failed", failure: "server_stopped" });
      expect(swept.progress.done).toBeGreaterThan(0);
      expect(swept.error).toContain(`progress was ${swept.progress.done} of ${contacts}`);
      const bob3 = await callerOf(third, tenant, "bob");
      expect(await okFrom<Job>(bob3, "GET", `/merge-jobs/${unread}`)).toMatchObject({
        status: "failed",
        failure: "server_stopped",
        finishedAt: swept.finishedAt,
      });
    } finally {
      await timer.close();
    }
  }, 300_000);
});
