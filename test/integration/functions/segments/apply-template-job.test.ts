import { randomUUID } from "node:crypto";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";

/**
 * Applying an interaction template to a segment's many lines as a job (issue 16): the pane names
 * the job, follows its progress at /apply-template-jobs/{id} while the request runs and cancels
 * it there; the same id twice applies once; two different applies on one segment at once: the
 * second is refused (409) with nothing written.
 */
let api: ApiHarness;
const tenant = asTenantId("tenant-a");
const LINES = 3000;

interface Job {
  id: string;
  status: string;
  progress: { done: number; total: number };
  changed: number;
  error?: string;
}

const header = async (no: string) =>
  (await api.call<{ etag: string; interactionTemplateCode?: string }>("GET", `/api/segments/${no}`))
    .json;
const job = (id: string) => api.call<Job>("GET", `/api/apply-template-jobs/${id}`);
const apply = async (no: string, code: string, jobId?: string, ifMatch?: string) =>
  api.call("POST", `/api/segments/${no}/apply-template`, {
    body: { interactionTemplateCode: code, updateLines: true, ...(jobId ? { jobId } : {}) },
    ifMatch: ifMatch ?? (await header(no)).etag,
  });
/** Lines by the template they carry. */
const templatesOnLines = async (no: string) => {
  const lines = await api.deps.store.segments.allLines(tenant, no);
  const counts: Record<string, number> = {};
  for (const l of lines) {
    const key = l.interactionTemplateCode ?? "-";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};
const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
  for (let i = 0; i < 5000; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("never happened");
};

beforeAll(async () => {
  api = await startApi();
  const rows = Array.from(
    { length: LINES },
    (_, i) => `AP${String(i + 1).padStart(5, "0")};Person ${i + 1};person;Applyby`,
  );
  const imported = await api.call("POST", "/api/contacts/import", {
    body: { csv: `No.;Name;Type;City\r\n${rows.join("\r\n")}\r\n` },
  });
  expect(imported.status).toBe(200);
  for (const [code, unitCost] of [
    ["LETTER", 12.5],
    ["EMAIL", 1],
    ["PHONE", 3],
  ] as const)
    await api.call("POST", "/api/interaction-templates", {
      body: { code, description: code, unitCost, unitDuration: 1 },
    });
  for (const no of ["BIG", "RACE", "TWICE"]) {
    await api.call("POST", "/api/segments", { body: { no, description: "Everyone in Applyby" } });
    const added = await api.call("POST", `/api/segments/${no}/add-contacts`, {
      body: { filter: { kind: "field", field: "city", filter: "Applyby" } },
    });
    expect(added.status).toBe(200);
  }
}, 300_000);
afterAll(() => api.close());

describe("applying a template to many lines is a job", () => {
  it("shows its progress moving while the request runs, and ends done with every line", async () => {
    const id = randomUUID();
    const running = apply("BIG", "LETTER", id);
    const seen: number[] = [];
    let last = await until(
      () => job(id),
      (r) => r.status === 200,
    );
    while (last.json.status === "running") {
      if (seen[seen.length - 1] !== last.json.progress.done) seen.push(last.json.progress.done);
      last = await job(id);
    }
    const answer = await running;
    expect(answer.status).toBe(200);
    expect(answer.headers.get("location")).toBe(`/api/apply-template-jobs/${id}`);
    expect(answer.json).toMatchObject({ interactionTemplateCode: "LETTER", unitCost: 12.5 });
    expect(last.json).toMatchObject({
      id,
      segmentNo: "BIG",
      interactionTemplateCode: "LETTER",
      status: "done",
      progress: { done: LINES, total: LINES },
      changed: LINES,
    });
    // Seen between pages: a count short of the end, never backwards.
    expect(seen.some((d) => d > 0 && d < LINES)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(await templatesOnLines("BIG")).toEqual({ LETTER: LINES });
  });

  it("Cancel stops it between pages: the lines done stay done, the count stops; the same template again finishes", async () => {
    const id = randomUUID();
    const running = apply("BIG", "EMAIL", id);
    await until(
      () => job(id),
      (r) => r.status === 200 && r.json.progress.done > 0,
    );
    const canceled = await api.call<Job>("POST", `/api/apply-template-jobs/${id}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.json.status).toBe("canceled");
    expect((await running).status).toBe(200);
    const ended = (await job(id)).json;
    expect(ended.status).toBe("canceled");
    expect(ended.progress.done).toBeLessThan(LINES);
    // Nothing more is written once the request has answered: the count and the lines agree.
    await new Promise((r) => setTimeout(r, 500));
    expect((await job(id)).json).toEqual(ended);
    const onLines = await templatesOnLines("BIG");
    expect(onLines.EMAIL).toBe(ended.changed);
    // Every line needed the change: the lines gone through are the lines changed, the rest wait.
    expect(ended.changed).toBe(ended.progress.done);
    expect(LINES - (onLines.EMAIL ?? 0)).toBe(LINES - ended.changed);
    // A cancel of a job that ended answers it as it ended.
    expect((await api.call<Job>("POST", `/api/apply-template-jobs/${id}/cancel`)).json).toEqual(
      ended,
    );

    // The header has the template already: applying it again changes only the lines left.
    const again = randomUUID();
    expect((await apply("BIG", "EMAIL", again)).status).toBe(200);
    expect((await job(again)).json).toMatchObject({
      status: "done",
      progress: { done: LINES, total: LINES },
      changed: LINES - ended.changed,
    });
    expect(await templatesOnLines("BIG")).toEqual({ EMAIL: LINES });
  });

  it("the same job id twice (a retry, also at the same moment) applies once", async () => {
    const id = randomUUID();
    const etag = (await header("TWICE")).etag;
    const [first, second] = await Promise.all([
      apply("TWICE", "LETTER", id, etag),
      apply("TWICE", "LETTER", id, etag),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await job(id)).json).toMatchObject({ status: "done", changed: LINES });
    // A line changed after the job: a later retry of the same id must leave it alone.
    const [line] = (
      await api.call<{ items: { lineNo: number; etag: string }[] }>(
        "GET",
        "/api/segments/TWICE/lines?top=1",
      )
    ).json.items;
    const patched = await api.call("PATCH", `/api/segments/TWICE/lines/${line?.lineNo}`, {
      body: { unitCost: 99 },
      ifMatch: line?.etag ?? "",
    });
    expect(patched.status).toBe(200);
    const retry = await apply("TWICE", "LETTER", id, etag);
    expect(retry.status).toBe(200);
    const after = await api.call<{ unitCost: number }>(
      "GET",
      `/api/segments/TWICE/lines/${line?.lineNo}`,
    );
    expect(after.json.unitCost).toBe(99);
    expect((await job(id)).json).toMatchObject({ status: "done", changed: LINES });
  });

  it("two different applies on one segment at once: one runs, the other is refused with 409 and writes nothing", async () => {
    const etag = (await header("RACE")).etag;
    const ids = [randomUUID(), randomUUID()];
    const answers = await Promise.all([
      apply("RACE", "LETTER", ids[0], etag),
      apply("RACE", "PHONE", ids[1], etag),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.findIndex((a) => a.status === 409);
    const winner = 1 - loser;
    expect(answers[loser]?.headers.get("content-type")).toMatch(/problem\+json/);
    expect(answers[loser]?.json.errors).toEqual([
      expect.objectContaining({ in: "path", field: "no", rule: "segment_busy" }),
    ]);
    // The refused job was taken back; the segment and its lines are the winner's.
    expect((await job(ids[loser] ?? "")).status).toBe(404);
    const code = winner === 0 ? "LETTER" : "PHONE";
    expect((await job(ids[winner] ?? "")).json).toMatchObject({ status: "done", changed: LINES });
    expect((await header("RACE")).interactionTemplateCode).toBe(code);
    expect(await templatesOnLines("RACE")).toEqual({ [code]: LINES });
  });
});

describe("bad input to the apply-template job endpoints", () => {
  it("a job id that is not a UUID: 400 naming body.jobId", async () => {
    const res = await apply("RACE", "LETTER", "not-a-uuid");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ in: "body", field: "jobId", rule: expect.any(String) }),
    ]);
  });

  it.each(["GET", "POST"])("%s with a job id that is not a UUID: 400 naming path id", async (m) => {
    const res = await api.call(m, `/api/apply-template-jobs/nope${m === "POST" ? "/cancel" : ""}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ in: "path", field: "id", rule: expect.any(String) }),
    ]);
  });

  it.each(["GET", "POST"])("%s of a job nobody has: 404", async (m) => {
    const res = await api.call(
      m,
      `/api/apply-template-jobs/${randomUUID()}${m === "POST" ? "/cancel" : ""}`,
    );
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("a job id of another segment's job: 409 naming body.jobId, nothing applied", async () => {
    const id = randomUUID();
    expect((await apply("TWICE", "LETTER", id)).status).toBe(200);
    const before = await header("RACE");
    const res = await apply("RACE", "EMAIL", id, before.etag);
    expect(res.status).toBe(409);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ in: "body", field: "jobId", rule: "unique" }),
    ]);
    expect((await header("RACE")).etag).toBe(before.etag);
  });

  it("a template that does not exist, or a stale ETag: refused before any job is written", async () => {
    const id = randomUUID();
    const missing = await apply("RACE", "NOPE", id);
    expect(missing.status).toBe(422);
    expect(missing.json.errors).toEqual([
      expect.objectContaining({ in: "body", field: "interactionTemplateCode", rule: "exists" }),
    ]);
    expect((await job(id)).status).toBe(404);
    const stale = await apply("RACE", "EMAIL", id, '"stale"');
    expect(stale.status).toBe(412);
    expect((await job(id)).status).toBe(404);
  });
});
