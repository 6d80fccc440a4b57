import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppDeps } from "../../../../functions/app-deps";
import { startEmbeddedCosmos } from "../../../../functions/store/embedded/embedded-cosmos";
import { JOURNAL_FILE_NAME } from "../../../../functions/store/embedded/journal";
import { asTenantId } from "../../../../functions/store/tenant";
import { storedDocuments } from "../../harness/stored-documents";
import { faultDeps } from "./fixtures/fault-deps";

/**
 * Log a 5,000-line segment in a child process, kill it with SIGKILL at points spread over its
 * work (counted in the store's journal, not timed) over several runs, then repeat the request to
 * the end: exactly 5,000 entries, one logged segment, one campaign entry, consistent counts.
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

interface KillPoint {
  /** What a journal record holds to be counted. */
  readonly marker: string;
  readonly count: number;
}

const entriesWritten = (count: number): KillPoint => ({
  marker: '"docType":"interactionLogEntry"',
  count,
});
const loggedSegmentWritten: KillPoint = { marker: '"docType":"loggedSegment"', count: 1 };
const campaignEntryWritten: KillPoint = { marker: '"docType":"campaignEntry"', count: 1 };

/**
 * SIGKILLs `child` once its store has journaled `count` records holding `marker` after this
 * call: the kill lands at a chosen point of the Log's work, however fast the machine is.
 */
const killAfterJournaled = (
  journal: string,
  { marker, count }: KillPoint,
  child: ChildProcess,
): void => {
  let offset = statSync(journal).size;
  let seen = 0;
  const watcher = watch(journal, () => {
    const fd = openSync(journal, "r");
    try {
      const buffer = Buffer.alloc(statSync(journal).size - offset);
      offset += readSync(fd, buffer, 0, buffer.length, offset);
      seen += buffer.toString("utf8").split(marker).length - 1;
    } finally {
      closeSync(fd);
    }
    if (seen >= count) {
      watcher.close();
      child.kill("SIGKILL");
    }
  });
  child.once("exit", () => watcher.close());
};

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

    const interrupted: KillPoint[] = [];
    // Kills spread over the Log's writes: after its first entry, after more and more of them
    // (a repeat writes only the entries still missing), and after the logged segment.
    const killPoints = [
      entriesWritten(1),
      entriesWritten(500),
      entriesWritten(1500),
      entriesWritten(2000),
      campaignEntryWritten,
      loggedSegmentWritten,
    ];
    for (const at of killPoints) {
      const attempt = await run(["log", dataDir, etag], (line, child) => {
        if (line === "logging")
          killAfterJournaled(path.join(dataDir, JOURNAL_FILE_NAME), at, child);
      });
      if (attempt.signal !== "SIGKILL") {
        expect(attempt.err).toBe("");
        continue;
      }
      const state = await withStore((deps) =>
        deps.store.segments.logRuns.find(asTenantId("fault"), "FAULT"),
      );
      if (state?.status === "writing") interrupted.push(at);
    }
    // Every kill among the entries landed in the middle of a Log that had started writing; the
    // last one, with only a few writes left after the logged segment, usually does too.
    expect(interrupted).toEqual(expect.arrayContaining(killPoints.slice(0, 4)));
    const last = await run(["log", dataDir, etag]);
    expect(last.err).toBe("");
    const loggedNo = Number(/done (\d+)/.exec(last.out)?.[1]);

    await withStore(async (deps) => {
      const tenant = asTenantId("fault");
      const logged = (
        await deps.store.interactions.listLogged(tenant, { segmentNo: "FAULT" }, 1000)
      ).items;
      expect(logged.map((l) => l.entryNo)).toEqual([loggedNo]);
      expect(logged[0]?.noOfInteractions).toBe(5000);
      const entries = await storedDocuments<{ entryNo: number; contactNo: string }>(
        deps.store.containers.interactions,
        {
          tenant,
          docType: "interactionLogEntry",
          select: "c.entryNo, c.contactNo",
          where: ["c.segmentNo = 'FAULT'"],
        },
      );
      expect(entries).toHaveLength(5000);
      expect(new Set(entries.map((e) => e.contactNo)).size).toBe(5000);
      const nos = entries.map((e) => e.entryNo).sort((a, b) => a - b);
      expect((nos[4999] ?? 0) - (nos[0] ?? 0)).toBe(4999);
      const header = await deps.store.segments.headers.get(tenant, "FAULT");
      expect(header).toMatchObject({ status: "logged", loggedSegmentEntryNo: loggedNo });
      // One campaign entry for the Log and its campaign, however often it was killed and resumed.
      const campaignEntries = (
        await deps.store.campaignEntries.listForCampaign(tenant, "CP1", undefined, 100)
      ).items;
      expect(campaignEntries).toEqual([
        expect.objectContaining({ loggedSegmentEntryNo: loggedNo, noOfInteractions: 5000 }),
      ]);
      const linked = await storedDocuments<{ campaignEntryNo?: number }>(
        deps.store.containers.interactions,
        {
          tenant,
          docType: "interactionLogEntry",
          select: "c.campaignEntryNo",
          where: ["c.segmentNo = 'FAULT'"],
        },
      );
      expect(new Set(linked.map((e) => JSON.stringify(e)))).toEqual(
        new Set([JSON.stringify({ campaignEntryNo: campaignEntries[0]?.entryNo })]),
      );
      const runDoc = await deps.store.segments.logRuns.get(tenant, "FAULT");
      expect(runDoc).toMatchObject({ status: "done", written: 5000, total: 5000 });
    });
  }, 300_000);
});
