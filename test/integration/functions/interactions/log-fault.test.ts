import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppDeps } from "../../../../functions/app-deps";
import { startEmbeddedCosmos } from "../../../../functions/store/embedded/embedded-cosmos";
import { asTenantId } from "../../../../functions/store/tenant";
import { faultDeps } from "./fixtures/fault-deps";

/**
 * Log a 5,000-line segment in a child process, kill it with SIGKILL at random points over
 * several runs, then repeat the request to the end: exactly 5,000 entries, one logged segment,
 * consistent counts.
 */
const root = path.resolve(__dirname, "../../../..");
const worker = path.join(__dirname, "fixtures", "log-worker.ts");

const run = (args: string[], onLine?: (line: string, child: ChildProcess) => void) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>(
    (resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", worker, ...args], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        for (const line of chunk.toString().split("\n")) if (line) onLine?.(line, child);
      });
      child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
      child.once("exit", (code, signal) => resolve({ code, signal, out, err }));
    },
  );

describe("Log survives being killed anywhere", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mergeline-log-fault-"));
  /** Opens the store the workers use, while none of them runs. */
  const withStore = async <T>(work: (deps: AppDeps) => Promise<T>): Promise<T> => {
    const cosmos = await startEmbeddedCosmos({ dataDir });
    try {
      const deps = await faultDeps(cosmos);

      return await work(deps);
    } finally {
      await cosmos.close();
    }
  };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("ends with exactly one entry per line and one logged segment", async () => {
    const setup = await run(["setup", dataDir]);
    expect(setup.err).toBe("");
    const etag = /etag (\S+)/.exec(setup.out)?.[1] as string;
    expect(etag).toBeTruthy();

    const interrupted: { delay: number; written: number }[] = [];
    // Delays spread over the Log's run, so the kill lands before, during and after the writes.
    for (const delay of [30, 400, 900, 1500, 2500]) {
      const attempt = await run(["log", dataDir, etag], (line, child) => {
        if (line === "logging") setTimeout(() => child.kill("SIGKILL"), delay);
      });
      if (attempt.signal !== "SIGKILL") {
        expect(attempt.err).toBe("");
        continue;
      }
      const state = await withStore((deps) =>
        deps.store.segments.logRuns.find(asTenantId("fault"), "FAULT"),
      );
      if (state?.status === "writing") interrupted.push({ delay, written: state.written });
    }
    // At least one kill landed in the middle of a Log that had started writing.
    expect(interrupted.length).toBeGreaterThan(0);
    const last = await run(["log", dataDir, etag]);
    expect(last.err).toBe("");
    const loggedNo = Number(/done (\d+)/.exec(last.out)?.[1]);

    await withStore(async (deps) => {
      const tenant = asTenantId("fault");
      const logged = await deps.store.interactions.loggedSegments.all(tenant, {
        where: ["c.segmentNo = 'FAULT'"],
      });
      expect(logged.map((l) => l.entryNo)).toEqual([loggedNo]);
      expect(logged[0]?.noOfInteractions).toBe(5000);
      const entries = await deps.store.interactions.entries.allRaw<{
        entryNo: number;
        contactNo: string;
      }>(tenant, {
        select: "c.entryNo, c.contactNo",
        where: ["c.segmentNo = 'FAULT'"],
      });
      expect(entries).toHaveLength(5000);
      expect(new Set(entries.map((e) => e.contactNo)).size).toBe(5000);
      const nos = entries.map((e) => e.entryNo).sort((a, b) => a - b);
      expect((nos[4999] ?? 0) - (nos[0] ?? 0)).toBe(4999);
      const header = await deps.store.segments.headers.get(tenant, "FAULT");
      expect(header).toMatchObject({ status: "logged", loggedSegmentEntryNo: loggedNo });
      const runDoc = await deps.store.segments.logRuns.get(tenant, "FAULT");
      expect(runDoc).toMatchObject({ status: "done", written: 5000, total: 5000 });
    });
  }, 300_000);
});
