import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  callerOf,
  okFrom,
  readUntil,
  startApiProcess,
  type ApiProcess,
  type ApiProcessCaller,
  stopApiProcesses,
} from "../../harness/api-process";

/**
 * The API as `npm start -- --api-only` runs it, in a child process on a real port: alice applies
 * a template to 2,000 lines and the process is killed with SIGKILL mid-way. Started again on the
 * same data, the job does not stay "running": once its lease has run out it reads as failed,
 * saying how far it got; a retry with the same job id starts no second run; applying the same
 * template again (a new job) finishes the lines left.
 */
const lines = 2000;
/** Short, so the test waits little for the dead process's lease to run out. */
const leaseSeconds = 2;
const startApi = (dataDir: string) =>
  startApiProcess(dataDir, {
    MERGELINE_SEGMENT_LEASE_SECONDS: String(leaseSeconds),
    MERGELINE_EXPENSIVE_PER_MINUTE: "1000",
  });
const tenant = "apply-kill";
/** One page of lines the job writes before it saves its count (apply-template-job.ts). */
const page = 250;

interface Job {
  status: string;
  progress: { done: number; total: number };
  changed: number;
  error?: string;
  failure?: string;
}

const signIn = (api: ApiProcess, user: string) => callerOf(api, tenant, user);

/** How many of the segment's lines carry each template, read through the API a page at a time. */
const templatesOnLines = async (call: ApiProcessCaller, no: string) => {
  const counts: Record<string, number> = {};
  let token: string | undefined;
  do {
    const res: { items: { interactionTemplateCode?: string }[]; continuationToken?: string } =
      await okFrom(
        call,
        "GET",
        `/segments/${no}/lines?top=500${token ? `&continuationToken=${encodeURIComponent(token)}` : ""}`,
      );
    for (const l of res.items) {
      const key = l.interactionTemplateCode ?? "-";
      counts[key] = (counts[key] ?? 0) + 1;
    }
    token = res.continuationToken;
  } while (token);
  return counts;
};

describe("applying a template killed with SIGKILL over HTTP", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mergeline-apply-kill-"));
  const running: ApiProcess[] = [];
  afterAll(async () => {
    await stopApiProcesses(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("ends failed once its lease ran out, says how far it got, and the same template again finishes", async () => {
    const first = await startApi(dataDir);
    running.push(first);
    const alice = await signIn(first, "alice");
    const csv = ["No.;Type;Name"];
    for (let i = 1; i <= lines; i++)
      csv.push(`AK${String(i).padStart(5, "0")};Person;Kontakt ${i}`);
    await okFrom(alice, "POST", "/contacts/import", { body: { csv: `${csv.join("\r\n")}\r\n` } });
    for (const code of ["LETTER", "EMAIL"])
      await okFrom(alice, "POST", "/interaction-templates", {
        body: { code, description: code, unitCost: 1, unitDuration: 1 },
      });
    await okFrom(alice, "POST", "/segments", {
      body: { no: "AKILL", description: "Kill test", interactionTemplateCode: "LETTER" },
    });
    await okFrom(alice, "POST", "/segments/AKILL/add-contacts", {
      body: { filter: { kind: "field", field: "type", op: "eq", value: "person" } },
    });
    const segment = await okFrom<{ etag: string; noOfLines: number }>(
      alice,
      "GET",
      "/segments/AKILL",
    );
    expect(segment.noOfLines).toBe(lines);

    // alice applies EMAIL to every line; the process dies once a page has been written.
    const id = randomUUID();
    const applying = alice("POST", "/segments/AKILL/apply-template", {
      body: { interactionTemplateCode: "EMAIL", updateLines: true, jobId: id },
      ifMatch: segment.etag,
    }).catch((error: unknown) => error);
    const seen = await readUntil(
      () => alice<Job>("GET", `/apply-template-jobs/${id}`),
      (r) => r.status === 200 && r.json.progress.done > 0,
    );
    first.child.kill("SIGKILL");
    await first.exited;
    expect(seen.json.status).toBe("running");
    // The connection died with the process: alice never got an answer.
    expect(String(await applying)).toMatch(/fetch failed/);

    const second = await startApi(dataDir);
    running.push(second);
    const bob = await signIn(second, "bob");
    // Read again and again: "running" while the dead process's lease lasts, then failed, never
    // running forever.
    const statuses = new Set<string>();
    const ended = await readUntil(
      async () => {
        const job = await okFrom<Job>(bob, "GET", `/apply-template-jobs/${id}`);
        statuses.add(job.status);
        return job;
      },
      (job) => job.status !== "running",
    );
    expect([...statuses].filter((s) => s !== "running" && s !== "failed")).toEqual([]);
    // The same ending as a merge's or an import's whose server stopped.
    expect(ended).toMatchObject({ status: "failed", failure: "server_stopped" });
    expect(ended.error).toMatch(/The server stopped while applying interaction template EMAIL/);
    expect(ended.progress.done).toBeGreaterThan(0);
    expect(ended.progress.done).toBeLessThan(lines);
    // What the job counts changed is changed; a page in flight may have landed uncounted.
    const onLines = await templatesOnLines(bob, "AKILL");
    expect(onLines["EMAIL"] ?? 0).toBeGreaterThanOrEqual(ended.changed);
    expect(onLines["EMAIL"] ?? 0).toBeLessThanOrEqual(ended.changed + page);

    // alice's retry of the same job id (her pane never heard back) starts no second run.
    const header = await okFrom<{ etag: string }>(bob, "GET", "/segments/AKILL");
    const alice2 = await signIn(second, "alice");
    const repeat = await alice2("POST", "/segments/AKILL/apply-template", {
      body: { interactionTemplateCode: "EMAIL", updateLines: true, jobId: id },
      ifMatch: header.etag,
    });
    expect(repeat.status).toBe(200);
    expect(await okFrom<Job>(bob, "GET", `/apply-template-jobs/${id}`)).toEqual(ended);

    // Applying the same template again is idempotent: a new job finishes the lines left.
    const again = randomUUID();
    let answer: { status: number; json: Record<string, unknown> };
    for (;;) {
      const current = await okFrom<{ etag: string }>(bob, "GET", "/segments/AKILL");
      answer = await bob("POST", "/segments/AKILL/apply-template", {
        body: { interactionTemplateCode: "EMAIL", updateLines: true, jobId: again },
        ifMatch: current.etag,
      });
      // The dead process's hold on the segment lasts as long as its lease.
      if (answer.status !== 409) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer.status).toBe(200);
    const finished = await okFrom<Job>(bob, "GET", `/apply-template-jobs/${again}`);
    expect(finished).toMatchObject({ status: "done", progress: { done: lines, total: lines } });
    expect(finished.changed).toBe(lines - (onLines["EMAIL"] ?? 0));
    expect(await templatesOnLines(bob, "AKILL")).toEqual({ EMAIL: lines });
  }, 300_000);
});
