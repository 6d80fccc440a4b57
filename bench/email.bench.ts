/**
 * E-mail through the send job (issue 15): 1,000 messages of a logged segment sent by the job
 * (its delivery documents, the line states written before and after each send, the mailbox's
 * pace, the entries' delivery status) to a local SMTP server, against nodemailer sending the same
 * prebuilt messages in a loop to the same server: the job's overhead over the wire's floor.
 * Second row: with a limit of N a minute, the busiest minute of the server's receive times
 * (on an injected clock, so the minutes pass at once).
 */
import { randomUUID } from "node:crypto";
import { createLocalJWKSet } from "jose";
import { createTransport } from "nodemailer";
import { createAppDeps, type AppDeps } from "../functions/app-deps";
import { runSendJobSlice } from "../functions/delivery/job/send-job-run";
import { startSendJob } from "../functions/delivery/job/send-job-service";
import type { ComposedLine } from "../functions/delivery/job/line-composer";
import type { MailMessage } from "../functions/delivery/mail-transport";
import { createSmtpTransport } from "../functions/delivery/smtp/smtp-transport";
import { startAzurite } from "../functions/store/embedded/azurite";
import { startEmbeddedCosmos } from "../functions/store/embedded/embedded-cosmos";
import { asTenantId, type TenantId } from "../functions/store/tenant";
import {
  identityOf,
  loggedEmailSegment,
} from "../test/integration/functions/delivery/fixtures/email-segment";
import { testConfig } from "../test/integration/harness/api-harness";
import { startRecordingSmtpServer } from "../test/integration/harness/recording-smtp-server";
import type { BenchRow } from "./bench-row";
import { sideBySide } from "./measure";

const MESSAGES = 1_000;
const PER_MINUTE = 30;

const messageOf = (i: number): MailMessage => ({
  deliveryId: `bench-${i}`,
  messageId: `<bench.${i}@mergeline.test>`,
  to: { name: `Contact ${i}`, address: `contact${i}@example.test` },
  subject: "December news",
  html: `<p>Dear Contact ${i},</p><p>${"The December news. ".repeat(40)}</p>`,
  text: `Dear Contact ${i}, ${"The December news. ".repeat(40)}`,
  attachments: [],
});

const runJob = async (deps: AppDeps, tenant: TenantId, logged: number) => {
  const job = await startSendJob(deps, identityOf(tenant), {
    jobId: randomUUID(),
    loggedSegmentEntryNo: logged,
    options: { email: { kind: "attachment", format: "docx", text: "" }, hardCopy: "none" },
    origin: "send",
  });
  for (;;) {
    const outcome = await runSendJobSlice(deps, tenant, job.id, {
      workerId: randomUUID(),
      sliceMs: 3_600_000,
      inlineWaitMs: 15_000,
      sleep: deps.delivery.sleep,
    });
    if (outcome.kind !== "again" && outcome.kind !== "busy") return outcome;
    await deps.delivery.sleep(outcome.delayMs);
  }
};

const busiestMinute = (stamps: readonly number[]): number => {
  const sorted = [...stamps].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] as number) - (sorted[i] as number) >= 60_000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
};

export const benchEmail = async (): Promise<BenchRow[]> => {
  let clock = Date.now();
  let virtual = false;
  const now = () => (virtual ? clock : Date.now());
  const smtp = await startRecordingSmtpServer({ now });
  const cosmos = await startEmbeddedCosmos();
  const azurite = await startAzurite();
  const base = testConfig(cosmos);
  const created = await createAppDeps(
    {
      ...base,
      blob: { connectionString: azurite.connectionString, containerName: "documents" },
      sendJob: { ...base.sendJob, queueConnectionString: azurite.connectionString },
    },
    createLocalJWKSet({ keys: [] }),
  );
  const transport = createSmtpTransport({
    smtpUrl: smtp.url,
    from: "news@mergeline.test",
    concurrency: 4,
    maxMessageBytes: 25 * 1024 * 1024,
  });
  // The same prebuilt messages for both: the job's cost, not composition's, is measured.
  const compose = async (
    _deps: AppDeps,
    _tenant: TenantId,
    _job: unknown,
    lines: readonly { entryNo: number; contactNo: string }[],
  ): Promise<ComposedLine[]> =>
    lines.map((l) => ({ kind: "message", message: messageOf(Number(l.contactNo.slice(2))) }));
  const deps: AppDeps = {
    ...created,
    delivery: {
      ...created.delivery,
      transport: async () => transport,
      transportKind: "smtp",
      compose,
      limits: { perMinute: 1_000_000, concurrency: 4, perDay: 10_000_000 },
    },
  };
  const peerTransport = createTransport(smtp.url, { pool: true, maxConnections: 4 } as object);
  try {
    const tenant = asTenantId("bench-email");
    const logged = await loggedEmailSegment(deps, tenant, MESSAGES);
    const prebuilt = Array.from({ length: MESSAGES }, (_, i) => messageOf(i + 1));
    const { ours, peer } = await sideBySide(
      3,
      () => runJob(deps, tenant, logged),
      async () => {
        for (const m of prebuilt)
          await peerTransport.sendMail({
            from: "news@mergeline.test",
            to: m.to,
            subject: m.subject,
            html: m.html,
            text: m.text,
            messageId: m.messageId,
          });
      },
    );

    // The pace on an injected clock: 4N messages at N a minute.
    virtual = true;
    const paced: AppDeps = {
      ...deps,
      now: () => new Date(clock),
      delivery: {
        ...deps.delivery,
        limits: { perMinute: PER_MINUTE, concurrency: 4, perDay: 10_000 },
        sleep: async (ms) => {
          clock += ms;
        },
      },
    };
    const pacedTenant = asTenantId("bench-pace");
    const pacedLogged = await loggedEmailSegment(paced, pacedTenant, PER_MINUTE * 4);
    smtp.received.length = 0;
    await runJob(paced, pacedTenant, pacedLogged);
    const busiest = busiestMinute(smtp.received.map((m) => m.receivedAt));
    if (smtp.received.length !== PER_MINUTE * 4)
      throw new Error(`the paced job sent ${smtp.received.length} messages`);
    return [
      {
        name: `E-mail: ${MESSAGES.toLocaleString("en-US")} messages through the send job to a local SMTP server`,
        ours,
        peer,
        peerName: "nodemailer sending the same prebuilt messages in a loop",
        unit: "ms",
        ratio: ours / peer,
        target: "<= 1.3x",
      },
      {
        name: `E-mail: busiest minute with a limit of ${PER_MINUTE} a minute (${PER_MINUTE * 4} messages)`,
        ours: busiest,
        peer: PER_MINUTE,
        peerName: "the limit",
        unit: "messages/minute",
        ratio: busiest / PER_MINUTE,
        target: "<= 1x",
      },
    ];
  } finally {
    peerTransport.close();
    await transport.close();
    await deps.workers.close();
    await deps.pdf.close();
    await azurite.close();
    await cosmos.close();
    await smtp.close();
  }
};
