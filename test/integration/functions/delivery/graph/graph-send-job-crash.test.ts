import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAzurite, type LocalAzurite } from "../../../../../functions/store/embedded/azurite";
import { asTenantId } from "../../../../../functions/store/tenant";
import { startGraphStandIn, type GraphStandIn } from "../../../harness/graph-stand-in";
import { readSendOutcome } from "../fixtures/crash-store";
import { contactEmail, crashJobId } from "../fixtures/email-segment";
import { sharedMailbox, standInSettings } from "./graph-test-setup";

/**
 * The whole send job through Microsoft Graph, killed with SIGKILL: log a 500-line e-mail
 * segment and send it from a child process running the send queue's handler, through the Graph
 * stand-in's shared mailbox; kill -9 the child at points counted in the stand-in's events (a
 * draft created or a message sent, the worker never hearing the answer), not timed; start it
 * again each time, then run it to the end. Exactly 500 entries, one logged segment, and exactly
 * one message per contact in Sent Items: each line's draft carries its delivery id, looked up
 * before anything is sent again.
 */
const root = path.resolve(__dirname, "../../../../..");
const worker = path.join(__dirname, "..", "fixtures", "send-worker.ts");
const lines = 500;
const tenant = asTenantId("crash");

type Event = "draft_created" | "sent";
/** The kill the next run waits for: after this many more stand-in events of this kind. */
let armed: { event: Event; left: number; kill: () => void } | undefined;
let standIn: GraphStandIn;
let azurite: LocalAzurite;
const dataDir = mkdtempSync(path.join(tmpdir(), "mergeline-graph-crash-"));
const settingsPath = path.join(dataDir, "graph.json");

const run = (mode: string, killAt?: { event: Event; after: number }) =>
  new Promise<{ signal: NodeJS.Signals | null; out: string; err: string }>((resolve) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        worker,
        mode,
        dataDir,
        azurite.connectionString,
        `graph:${settingsPath}`,
        String(lines),
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    if (killAt)
      armed = { event: killAt.event, left: killAt.after, kill: () => child.kill("SIGKILL") };
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("exit", (_code, signal) => {
      armed = undefined;
      resolve({ signal, out, err });
    });
  });

beforeAll(async () => {
  standIn = await startGraphStandIn({
    perMinute: 100_000,
    // The kill lands after the stand-in carried out the request and before the worker hears it:
    // the worst moment, a draft or a sent message the dead worker knows nothing of.
    beforeAnswer: async (event) => {
      if (!armed || armed.event !== event || --armed.left > 0) return;
      armed.kill();
      armed = undefined;
    },
  });
  writeFileSync(settingsPath, JSON.stringify(standInSettings(standIn)));
  azurite = await startAzurite({ queue: true });
}, 120_000);

afterAll(async () => {
  await standIn?.close();
  await azurite?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a Graph send job survives kill -9 anywhere", () => {
  it("ends with exactly one message per contact in Sent Items, 500 entries and one logged segment", async () => {
    const setup = await run("setup");
    expect(setup.err).toBe("");
    expect(setup.out).toContain("ready");

    // Points of the sending from a seeded choice, so a failure can be replayed; sent messages
    // and created drafts in turn. Three kills: each restart costs a process and the store's load.
    let seed = 15;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const kills: { event: Event; after: number }[] = [
      { event: "sent", after: 1 + Math.floor(random() * 90) },
      { event: "draft_created", after: 1 + Math.floor(random() * 90) },
      { event: "sent", after: 1 + Math.floor(random() * 90) },
    ];
    let killed = 0;
    for (const at of kills) {
      const attempt = await run("send", at);
      if (attempt.signal === "SIGKILL") killed++;
      else expect(attempt.err).toBe("");
    }
    expect(killed).toBe(kills.length);
    const sentBeforeLast = standIn.sent.length;
    expect(sentBeforeLast).toBeGreaterThan(0);
    expect(sentBeforeLast).toBeLessThan(lines);
    const last = await run("send");
    expect(last.err).toBe("");
    expect(last.out).toContain("done");

    const { job, logged, entries } = await readSendOutcome(
      dataDir,
      azurite.connectionString,
      tenant,
      crashJobId,
    );
    expect(job).toMatchObject({
      state: "done",
      transport: "graph",
      counts: { total: lines, sent: lines, waiting: 0, sending: 0, failed: 0 },
    });
    expect(logged).toHaveLength(1);
    expect(entries).toHaveLength(lines);
    expect(entries.every((e) => e.deliveryStatus === "sent")).toBe(true);

    // Exactly one message per contact, none lost, none twice: Graph is looked up, not trusted
    // to the worker's memory. And no draft left behind in the mailbox.
    const byAddress = new Map<string, number>();
    for (const message of standIn.sent) {
      expect(message.mailbox).toBe(sharedMailbox);
      for (const to of message.to) byAddress.set(to, (byAddress.get(to) ?? 0) + 1);
    }
    for (let i = 1; i <= lines; i++)
      expect({ contact: i, messages: byAddress.get(contactEmail(i)) }).toEqual({
        contact: i,
        messages: 1,
      });
    expect(standIn.sent).toHaveLength(lines);
    expect(new Set(standIn.sent.map((m) => m.deliveryId)).size).toBe(lines);
    expect(standIn.drafts(sharedMailbox)).toHaveLength(0);
  }, 300_000);
});
