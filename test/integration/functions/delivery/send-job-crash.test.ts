import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAzurite, type LocalAzurite } from "../../../../functions/store/embedded/azurite";
import { asTenantId } from "../../../../functions/store/tenant";
import {
  startRecordingSmtpServer,
  type RecordingSmtpServer,
} from "../../harness/recording-smtp-server";
import { readSendOutcome } from "./fixtures/crash-store";
import { contactEmail, crashJobId } from "./fixtures/email-segment";

/**
 * Log a 500-line e-mail segment and send it from a child process running the send queue's
 * handler, kill -9 it at random points of the sending (counted in messages the SMTP server has
 * received, not timed) several times, then run it to the end: exactly 500 entries, one logged
 * segment, every contact got its message, and any message that came twice carries the same
 * Message-ID (SMTP cannot look up what a dead worker had in flight).
 */
const root = path.resolve(__dirname, "../../../..");
const worker = path.join(__dirname, "fixtures", "send-worker.ts");
const lines = 500;
const tenant = asTenantId("crash");

let smtp: RecordingSmtpServer;
let azurite: LocalAzurite;
const dataDir = mkdtempSync(path.join(tmpdir(), "mergeline-send-crash-"));

const run = (mode: string, killAfterReceived?: number) =>
  new Promise<{ signal: NodeJS.Signals | null; out: string; err: string }>((resolve) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", worker, mode, dataDir, azurite.connectionString, smtp.url, String(lines)],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    let watch: NodeJS.Timeout | undefined;
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (killAfterReceived !== undefined && out.includes("sending") && !watch) {
        const target = smtp.received.length + killAfterReceived;
        watch = setInterval(() => {
          if (smtp.received.length >= target) {
            clearInterval(watch);
            child.kill("SIGKILL");
          }
        }, 2);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("exit", (_code, signal) => {
      if (watch) clearInterval(watch);
      resolve({ signal, out, err });
    });
  });

beforeAll(async () => {
  smtp = await startRecordingSmtpServer();
  azurite = await startAzurite();
});

afterAll(async () => {
  await smtp.close();
  await azurite.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a send job survives kill -9 anywhere", () => {
  it("ends with every contact sent to once, repeats only with the same Message-ID", async () => {
    const setup = await run("setup");
    expect(setup.err).toBe("");
    expect(setup.out).toContain("ready");

    // Random points of the sending: a seeded choice, so a failure can be replayed.
    let seed = 15;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const kills = Array.from({ length: 4 }, () => 1 + Math.floor(random() * 90));
    let killed = 0;
    for (const after of kills) {
      const attempt = await run("send", after);
      if (attempt.signal === "SIGKILL") killed++;
      else expect(attempt.err).toBe("");
    }
    expect(killed).toBeGreaterThanOrEqual(3);
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
      counts: { total: lines, sent: lines, waiting: 0, sending: 0, failed: 0 },
    });
    expect(logged).toHaveLength(1);
    expect(entries).toHaveLength(lines);
    expect(entries.every((e) => e.deliveryStatus === "sent")).toBe(true);
    // Every contact got its message; a repeat (a message in flight when a worker died) is the
    // same message, with the same Message-ID.
    const byAddress = new Map<string, Set<string>>();
    for (const mail of smtp.received)
      byAddress.set(mail.to, (byAddress.get(mail.to) ?? new Set()).add(mail.messageId));
    for (let i = 1; i <= lines; i++) {
      const ids = byAddress.get(contactEmail(i));
      expect({ contact: i, ids: ids?.size }).toEqual({ contact: i, ids: 1 });
    }
    expect(byAddress.size).toBe(lines);
    // At most the messages in flight repeat: the concurrency (4) per kill.
    expect(smtp.received.length - lines).toBeLessThanOrEqual(4 * killed);
  }, 600_000);
});
