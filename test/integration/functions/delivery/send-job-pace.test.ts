import type { AppDeps } from "../../../../functions/app-deps";
import { startSendJob } from "../../../../functions/delivery/job/send-job-service";
import { runSendJobSlice } from "../../../../functions/delivery/job/send-job-run";
import { nextDayStart } from "../../../../functions/delivery/job/mailbox-pace";
import type { MailTransport } from "../../../../functions/delivery/mail-transport";
import { createSmtpTransport } from "../../../../functions/delivery/smtp/smtp-transport";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import {
  startRecordingSmtpServer,
  type RecordingSmtpServer,
} from "../../harness/recording-smtp-server";
import { identityOf, loggedEmailSegment } from "./fixtures/email-segment";

/**
 * The mailbox's pace on a clock the test drives: the job waits by the injected sleep (the clock
 * moves on at once) and comes back from the queue when the slice says, so a day of sending runs
 * in seconds. The SMTP server stamps each message with the same clock, and no minute of its
 * stamps may hold more than the limit.
 */
let api: ApiHarness;
let smtp: RecordingSmtpServer;
let transport: MailTransport;
let clock = Date.UTC(2026, 11, 7, 22, 0, 0);

beforeAll(async () => {
  smtp = await startRecordingSmtpServer({ now: () => clock });
  transport = createSmtpTransport({
    smtpUrl: smtp.url,
    from: "news@mergeline.test",
    concurrency: 4,
    maxMessageBytes: 25 * 1024 * 1024,
  });
  api = await startApi({}, undefined, { queue: true, blobs: true });
});

afterAll(async () => {
  await transport.close();
  await smtp.close();
  await api.close();
});

const pacedDeps = (limits: {
  perMinute: number;
  concurrency: number;
  perDay: number;
}): AppDeps => ({
  ...api.deps,
  now: () => new Date(clock),
  delivery: {
    ...api.deps.delivery,
    transport: async () => transport,
    transportKind: "smtp",
    limits,
    // Each message takes a little time on this clock, as on a real wire.
    sleep: async (ms) => {
      clock += ms;
    },
  },
});

/** The largest number of receive stamps in any 60-second window. */
const busiestMinute = (stamps: readonly number[]): number => {
  const sorted = [...stamps].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] as number) - (sorted[i] as number) >= 60_000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
};

/** Runs slices as the queue would bring them back: after each one's delay, on the test's clock. */
const runToEnd = async (deps: AppDeps, tenant: ReturnType<typeof asTenantId>, jobId: string) => {
  const outcomes: string[] = [];
  for (let slices = 0; slices < 1000; slices++) {
    const outcome = await runSendJobSlice(deps, tenant, jobId, {
      workerId: `w${slices}`,
      sliceMs: 3_600_000,
      inlineWaitMs: 15_000,
      sleep: deps.delivery.sleep,
    });
    outcomes.push(outcome.kind);
    if (outcome.kind !== "again" && outcome.kind !== "busy") return outcomes;
    clock += outcome.delayMs;
  }
  throw new Error("the job did not finish");
};

describe("the mailbox's pace", () => {
  it("never puts more than the per-minute limit in any minute of the server's receive times", async () => {
    const tenant = asTenantId("pace-minute");
    const deps = pacedDeps({ perMinute: 3, concurrency: 2, perDay: 10_000 });
    const logged = await loggedEmailSegment(deps, tenant, 11);
    const job = await startSendJob(deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "attachment", format: "docx", text: "" }, hardCopy: "none" },
      origin: "send",
    });
    smtp.received.length = 0;
    const startedAt = clock;
    await runToEnd(deps, tenant, job.id);
    const stamps = smtp.received.map((m) => m.receivedAt);
    expect(stamps).toHaveLength(11);
    expect(busiestMinute(stamps)).toBe(3);
    // 11 messages at 3 a minute take more than three minutes of the clock, and not much more.
    expect(clock - startedAt).toBeGreaterThanOrEqual(3 * 60_000);
    expect(clock - startedAt).toBeLessThan(5 * 60_000);
  });

  it("pauses a job past the day's allowance until the next day, saying when it resumes and will finish", async () => {
    const tenant = asTenantId("pace-day");
    const deps = pacedDeps({ perMinute: 100, concurrency: 4, perDay: 5 });
    const logged = await loggedEmailSegment(deps, tenant, 12);
    const job = await startSendJob(deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "attachment", format: "docx", text: "" }, hardCopy: "none" },
      origin: "send",
    });
    smtp.received.length = 0;
    const firstDay = clock;
    const first = await runSendJobSlice(deps, tenant, job.id, {
      workerId: "day-1",
      sliceMs: 3_600_000,
      inlineWaitMs: 15_000,
      sleep: deps.delivery.sleep,
    });
    expect(first.kind).toBe("again");
    expect(smtp.received).toHaveLength(5);
    const paused = await deps.store.sendJobs.findJob(tenant, job.id);
    expect(paused).toMatchObject({
      state: "paused",
      resumesAt: new Date(nextDayStart(firstDay)).toISOString(),
      counts: { sent: 5, waiting: 7 },
    });
    // 7 to go at 5 a day: the day after next.
    expect(Date.parse(paused?.estimatedFinishAt ?? "")).toBeGreaterThan(
      nextDayStart(nextDayStart(firstDay)),
    );
    clock += first.kind === "again" ? first.delayMs : 0;
    await runToEnd(deps, tenant, job.id);
    expect(smtp.received).toHaveLength(12);
    const perDay = new Map<string, number>();
    for (const m of smtp.received) {
      const day = new Date(m.receivedAt).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect([...perDay.values()]).toEqual([5, 5, 2]);
  });
});
