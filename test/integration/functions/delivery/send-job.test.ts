import { randomUUID } from "node:crypto";
import type { Delivery, SendJob } from "@shared/model/delivery";
import type { AppDeps } from "../../../../functions/app-deps";
import { startSendQueuePoller } from "../../../../functions/delivery/job/send-queue-poller";
import { startSendJob } from "../../../../functions/delivery/job/send-job-service";
import type { MailTransport } from "../../../../functions/delivery/mail-transport";
import { asTenantId } from "../../../../functions/store/tenant";
import type { ApiHarness } from "../../harness/api-harness";
import type { RecordingSmtpServer } from "../../harness/recording-smtp-server";
import {
  contactEmail,
  identityOf,
  loggedEmailSegment,
  seedEmailSegment,
} from "./fixtures/email-segment";
import {
  jobInState,
  runQueueUntilSettled,
  smtpTransport,
  startSendStack,
  type SendStack,
} from "./fixtures/send-stack";

/**
 * The send job end to end: POST .../send puts a job on Azurite's queue, the local poller runs
 * the queue handler, and a real SMTP server (smtp-server + mailparser) receives what it sends.
 */
let api: ApiHarness;
let smtp: RecordingSmtpServer;
/** Each test its own tenant: its contacts and segments start from nothing. */
let tenant = asTenantId("send-0");
let tenantCount = 0;
const nextSegment = () => "MAIL";

const waitFor = (deps: AppDeps, jobId: string, states: SendJob["state"][]) =>
  jobInState(deps, tenant, jobId, states);

const deliveries = async (jobId: string): Promise<Delivery[]> => {
  const res = await api.call<{ items: Delivery[] }>(
    "GET",
    `/api/send-jobs/${jobId}/deliveries?pageSize=500`,
    { tenant },
  );
  expect(res.status).toBe(200);
  return res.json.items;
};

const receivedBy = (address: string) => smtp.received.filter((m) => m.to === address);

let stack: SendStack;

beforeAll(async () => {
  stack = await startSendStack();
  ({ api, smtp } = stack);
});

afterAll(() => stack.close());

beforeEach(() => {
  tenant = asTenantId(`send-${++tenantCount}`);
  smtp.received.length = 0;
  smtp.setAuthFailing(false);
});

describe("a send job", () => {
  it("sends a 20-line logged segment's e-mails, one message per contact, and records each line", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 20, { segmentNo: nextSegment() });
    const jobId = randomUUID();
    const res = await api.call<SendJob>("POST", `/api/logged-segments/${logged}/send`, {
      tenant,
      body: { jobId, subject: "Hello «Name»", email: { kind: "attachment", format: "docx" } },
    });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({
      id: jobId,
      state: "queued",
      counts: { total: 20, waiting: 20 },
    });

    const poller = startSendQueuePoller(api.deps, { idleMs: 50 });
    try {
      const done = await waitFor(api.deps, jobId, ["done", "paused"]);
      expect(done.state).toBe("done");
    } finally {
      await poller.stop();
    }
    expect(smtp.received).toHaveLength(20);
    for (let i = 1; i <= 20; i++) expect(receivedBy(contactEmail(i))).toHaveLength(1);

    const job = await api.call<SendJob>("GET", `/api/send-jobs/${jobId}`, { tenant });
    expect(job.json).toMatchObject({
      state: "done",
      transport: "smtp",
      counts: { total: 20, sent: 20, waiting: 0, sending: 0, failed: 0 },
    });
    expect(job.json.finishedAt).toBeDefined();
    const lines = await deliveries(jobId);
    expect(lines.map((l) => l.state)).toEqual(Array(20).fill("sent"));
    // Each line's Message-ID is the one its message carried.
    for (const line of lines) {
      const [mail] = receivedBy(line.email as string);
      expect(mail?.messageId).toBe(line.messageId);
      expect(mail?.subject).toBe(`Hello ${line.contactName}`);
      expect(line.sentAt).toBeDefined();
    }
    // The entries follow their lines (Business Central's Delivery Status, and the time sent).
    const entries = await api.deps.store.interactions.entriesOfLogged(tenant, logged);
    expect(entries.every((e) => e.deliveryStatus === "sent" && e.sentAt)).toBe(true);

    // The same request again answers the same job and sends nothing more.
    const again = await api.call<SendJob>("POST", `/api/logged-segments/${logged}/send`, {
      tenant,
      body: { jobId },
    });
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ id: jobId, state: "done" });
    const listed = await api.call<{ items: SendJob[] }>(
      "GET",
      `/api/logged-segments/${logged}/send-jobs`,
      { tenant },
    );
    expect(listed.json.items.map((j) => j.id)).toEqual([jobId]);
  });

  it("Log with Send Attachments logs and sends exactly once, the same Idempotency-Key answering the same job", async () => {
    const { segmentNo, etag } = await seedEmailSegment(api.deps, tenant, 6, { hardCopyEvery: 3 });
    const log = () =>
      api.call<{ loggedSegment: { entryNo: number }; sendJobId?: string; replayed: boolean }>(
        "POST",
        `/api/segments/${segmentNo}/log`,
        {
          tenant,
          ifMatch: etag,
          headers: { "idempotency-key": "log-and-send" },
          body: { sendAttachments: { email: { kind: "attachment", format: "docx" } } },
        },
      );
    const [first, second] = await Promise.all([log(), log()]);
    const answers = [first, second].filter((r) => r.status === 200);
    expect(answers.length).toBeGreaterThanOrEqual(1);
    const logged = answers[0]?.json.loggedSegment.entryNo as number;
    const jobId = answers[0]?.json.sendJobId as string;
    expect(jobId).toBeDefined();
    for (const answer of answers) expect(answer.json.sendJobId).toBe(jobId);
    const again = await log();
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ replayed: true, sendJobId: jobId });

    const poller = startSendQueuePoller(api.deps, { idleMs: 50 });
    try {
      const done = await waitFor(api.deps, jobId, ["done"]);
      expect(done.counts).toMatchObject({ total: 6, sent: 4, skipped: 2 });
    } finally {
      await poller.stop();
    }
    const jobs = await api.call<{ items: SendJob[] }>(
      "GET",
      `/api/logged-segments/${logged}/send-jobs`,
      { tenant },
    );
    expect(jobs.json.items.map((j) => j.id)).toEqual([jobId]);
    expect(smtp.received.map((m) => m.to).sort()).toEqual([1, 2, 4, 5].map(contactEmail).sort());
    const entries = await api.deps.store.interactions.entriesOfLogged(tenant, logged);
    expect(entries).toHaveLength(6);
  });

  it("a Log with Send Attachments naming an unknown field is refused before anything is logged", async () => {
    const { segmentNo, etag } = await seedEmailSegment(api.deps, tenant, 2);
    const res = await api.call("POST", `/api/segments/${segmentNo}/log`, {
      tenant,
      ifMatch: etag,
      body: { sendAttachments: { subject: "Hi «Shoe Size»" } },
    });
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({
      field: "sendAttachments.subject",
      rule: "unknown_merge_field",
    });
    const segment = await api.call("GET", `/api/segments/${segmentNo}`, { tenant });
    expect(segment.json.status).toBe("open");
  });

  it("allows one active job per logged segment: a second is refused naming the first", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 3, { segmentNo: nextSegment() });
    const first = randomUUID();
    expect(
      (
        await api.call("POST", `/api/logged-segments/${logged}/send`, {
          tenant,
          body: { jobId: first },
        })
      ).status,
    ).toBe(202);
    const second = await api.call("POST", `/api/logged-segments/${logged}/send`, {
      tenant,
      body: {},
    });
    expect(second.status).toBe(409);
    expect(second.text).toContain(first);
    expect(second.json.errors[0]).toMatchObject({ field: "entryNo", rule: "one_send_job" });
    // Once the first is canceled, another may start.
    expect((await api.call("POST", `/api/send-jobs/${first}/cancel`, { tenant })).status).toBe(200);
    const third = await api.call<SendJob>("POST", `/api/logged-segments/${logged}/send`, {
      tenant,
      body: {},
    });
    expect(third.status).toBe(202);
    const canceled = await api.call<SendJob>("POST", `/api/send-jobs/${third.json.id}/cancel`, {
      tenant,
    });
    // Each job counts its own lines only, though both jobs' lines are the same entries.
    expect(canceled.json).toMatchObject({
      state: "canceled",
      counts: { total: 3, canceled: 3, sent: 0 },
    });
    const lines = await deliveries(third.json.id);
    expect(lines.map((l) => l.state)).toEqual(["canceled", "canceled", "canceled"]);
  });

  it("skips hard-copy lines and contacts who opted out of e-mail, with their reasons", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 6, {
      segmentNo: nextSegment(),
      hardCopyEvery: 3,
      optedOut: [1],
    });
    const job = await startSendJob(api.deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "none" },
      origin: "send",
    });
    const poller = startSendQueuePoller(api.deps, { idleMs: 50 });
    try {
      await waitFor(api.deps, job.id, ["done"]);
    } finally {
      await poller.stop();
    }
    const lines = await deliveries(job.id);
    expect(lines.map((l) => [l.state, l.reason?.code])).toEqual([
      ["skipped", "opted_out"],
      ["sent", undefined],
      ["skipped", "hard_copy"],
      ["sent", undefined],
      ["sent", undefined],
      ["skipped", "hard_copy"],
    ]);
    expect(smtp.received.map((m) => m.to).sort()).toEqual(
      [contactEmail(2), contactEmail(4), contactEmail(5)].sort(),
    );
  });

  it("cancel: the waiting lines are canceled and nothing more is sent", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 8, { segmentNo: nextSegment() });
    // Two a minute: the first two go, then the job waits on the queue for the minute to pass.
    const paced: AppDeps = {
      ...api.deps,
      delivery: { ...api.deps.delivery, limits: { perMinute: 2, concurrency: 2, perDay: 100 } },
    };
    const job = await startSendJob(paced, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "none" },
      origin: "send",
    });
    const poller = startSendQueuePoller(paced, { idleMs: 50 });
    try {
      for (;;) {
        const current = await paced.store.sendJobs.findJob(tenant, job.id);
        if (current?.counts.sent === 2 && current.resumesAt) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const canceled = await api.call<SendJob>("POST", `/api/send-jobs/${job.id}/cancel`, {
        tenant,
      });
      expect(canceled.status).toBe(200);
      expect(canceled.json).toMatchObject({
        state: "canceled",
        counts: { sent: 2, canceled: 6, waiting: 0 },
      });
    } finally {
      await poller.stop();
    }
    expect(smtp.received).toHaveLength(2);
    const entries = await api.deps.store.interactions.entriesOfLogged(tenant, logged);
    expect(entries.filter((e) => e.deliveryStatus === "sent")).toHaveLength(2);
    expect(entries.filter((e) => e.deliveryStatus === "none")).toHaveLength(6);
    // A canceled job is not retried.
    expect((await api.call("POST", `/api/send-jobs/${job.id}/retry`, { tenant })).status).toBe(409);
  });

  it("a refused recipient fails that line only; retry sends the failed lines", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 5, { segmentNo: nextSegment() });
    const serial: AppDeps = {
      ...api.deps,
      delivery: { ...api.deps.delivery, limits: { perMinute: 1000, concurrency: 1, perDay: 1000 } },
    };
    smtp.refuseNext(2, 550, "No such user here");
    const job = await startSendJob(serial, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "none" },
      origin: "send",
    });
    const poller = startSendQueuePoller(serial, { idleMs: 50 });
    try {
      const done = await waitFor(serial, job.id, ["done"]);
      expect(done.counts).toMatchObject({ sent: 3, failed: 2 });
      const failed = (await deliveries(job.id)).filter((l) => l.state === "failed");
      expect(failed.map((l) => l.reason?.code)).toEqual([
        "recipient_rejected",
        "recipient_rejected",
      ]);
      const entries = await api.deps.store.interactions.entriesOfLogged(tenant, logged);
      expect(entries.filter((e) => e.deliveryStatus === "error")).toHaveLength(2);

      const retried = await api.call<SendJob>("POST", `/api/send-jobs/${job.id}/retry`, { tenant });
      expect(retried.status).toBe(200);
      expect(retried.json.counts).toMatchObject({ waiting: 2, failed: 0 });
      const again = await waitFor(serial, job.id, ["done"]);
      expect(again.counts).toMatchObject({ sent: 5, failed: 0 });
    } finally {
      await poller.stop();
    }
    for (let i = 1; i <= 5; i++) expect(receivedBy(contactEmail(i))).toHaveLength(1);
  });

  it("a refused login stops the whole job with a problem, nothing sent, until retry", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 4, { segmentNo: nextSegment() });
    smtp.setAuthFailing(true);
    const badPassword = smtpTransport(smtp.url);
    const deps: AppDeps = {
      ...api.deps,
      delivery: { ...api.deps.delivery, transport: async () => badPassword },
    };
    const job = await startSendJob(deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "none" },
      origin: "send",
    });
    const poller = startSendQueuePoller(deps, { idleMs: 50 });
    try {
      const paused = await waitFor(deps, job.id, ["paused"]);
      expect(paused.problem?.code).toBe("auth_failed");
      expect(paused.counts).toMatchObject({ sent: 0, waiting: 4, failed: 0 });
      expect(smtp.received).toHaveLength(0);
      const shown = await api.call<SendJob>("GET", `/api/send-jobs/${job.id}`, { tenant });
      expect(shown.json).toMatchObject({ state: "paused", problem: { code: "auth_failed" } });

      smtp.setAuthFailing(false);
      const retried = await api.call<SendJob>("POST", `/api/send-jobs/${job.id}/retry`, { tenant });
      expect(retried.status).toBe(200);
      expect(retried.json.problem).toBeUndefined();
      const done = await waitFor(deps, job.id, ["done"]);
      expect(done.counts).toMatchObject({ sent: 4 });
    } finally {
      await poller.stop();
      await badPassword.close();
    }
    expect(smtp.received).toHaveLength(4);
  });

  it("no transport configured: the job stops with that problem, its lines waiting", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 2, { segmentNo: nextSegment() });
    const deps: AppDeps = {
      ...api.deps,
      delivery: { ...api.deps.delivery, transport: unconfigured },
    };
    const job = await startSendJob(deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "none" },
      origin: "send",
    });
    const poller = startSendQueuePoller(deps, { idleMs: 50 });
    try {
      const paused = await waitFor(deps, job.id, ["paused"]);
      expect(paused.problem?.code).toBe("transport_not_configured");
      expect(paused.counts).toMatchObject({ waiting: 2, sending: 0 });
    } finally {
      await poller.stop();
    }
  });

  it("two workers at once on one job never send a line twice", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 40, { segmentNo: nextSegment() });
    const job = await startSendJob(api.deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "none" },
      origin: "send",
    });
    // More messages for the job than one: both pollers find work for it at the same moment.
    for (let i = 0; i < 5; i++) await api.deps.delivery.queue?.enqueue({ tenant, jobId: job.id });
    const pollers = [
      startSendQueuePoller(api.deps, { idleMs: 10, workerId: "worker-1" }),
      startSendQueuePoller(api.deps, { idleMs: 10, workerId: "worker-2" }),
    ];
    try {
      await waitFor(api.deps, job.id, ["done"]);
    } finally {
      await Promise.all(pollers.map((p) => p.stop()));
    }
    expect(smtp.received).toHaveLength(40);
    for (let i = 1; i <= 40; i++) expect(receivedBy(contactEmail(i))).toHaveLength(1);
  });
});

const unconfigured = (): Promise<MailTransport> =>
  import("../../../../functions/app-deps").then(({ createDeliveryDeps }) =>
    createDeliveryDeps(api.deps.config).transport(),
  );

describe("bad input to the send endpoints", () => {
  const problemOf = (res: {
    status: number;
    json: { errors?: { field: string; rule: string }[] };
  }) => ({
    status: res.status,
    errors: (res.json.errors ?? []).map((e) => `${e.field} ${e.rule}`),
  });

  it("names the field and the rule", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 1);
    const cases: [string, string, object | undefined, { status: number; errors: string[] }][] = [
      ["POST", "/api/logged-segments/0/send", {}, { status: 400, errors: ["entryNo too_small"] }],
      [
        "POST",
        "/api/logged-segments/x/send",
        {},
        { status: 400, errors: ["entryNo invalid_type"] },
      ],
      [
        "POST",
        `/api/logged-segments/${logged}/send`,
        { jobId: "not-a-uuid" },
        { status: 400, errors: ["jobId invalid_format"] },
      ],
      [
        "POST",
        `/api/logged-segments/${logged}/send`,
        { hardCopy: "fax" },
        { status: 400, errors: ["hardCopy invalid_value"] },
      ],
      [
        "POST",
        `/api/logged-segments/${logged}/send`,
        { email: { kind: "carrier-pigeon" } },
        { status: 400, errors: ["email.kind invalid_union"] },
      ],
      [
        "POST",
        `/api/logged-segments/${logged}/send`,
        { subject: "x".repeat(251) },
        { status: 400, errors: ["subject too_big"] },
      ],
      [
        "GET",
        `/api/send-jobs/${"x".repeat(65)}`,
        undefined,
        { status: 400, errors: ["id too_big"] },
      ],
      [
        "GET",
        "/api/send-jobs/a%23b%2Fc",
        undefined,
        { status: 400, errors: ["id invalid_format"] },
      ],
      [
        "GET",
        `/api/send-jobs/${randomUUID()}/deliveries?pageSize=0`,
        undefined,
        { status: 400, errors: ["pageSize too_small"] },
      ],
      [
        "GET",
        `/api/send-jobs/${randomUUID()}/deliveries?state=lost`,
        undefined,
        { status: 400, errors: ["state invalid_value"] },
      ],
    ];
    const answers = [];
    for (const [method, path, body] of cases)
      answers.push(problemOf(await api.call(method, path, { tenant, ...(body ? { body } : {}) })));
    expect(answers).toEqual(cases.map((c) => c[3]));
  });

  it("answers 404 for what does not exist", async () => {
    const unknown = randomUUID();
    for (const [method, path] of [
      ["POST", "/api/logged-segments/4242/send"],
      ["GET", "/api/logged-segments/4242/send-jobs"],
      ["GET", `/api/send-jobs/${unknown}`],
      ["GET", `/api/send-jobs/${unknown}/deliveries`],
      ["POST", `/api/send-jobs/${unknown}/cancel`],
      ["POST", `/api/send-jobs/${unknown}/retry`],
      ["GET", `/api/send-jobs/${unknown}/print-file`],
    ] as const)
      expect({ path, status: (await api.call(method, path, { tenant, body: {} })).status }).toEqual(
        {
          path,
          status: 404,
        },
      );
  });

  it("refuses a canceled logged segment and a job id used for another logged segment", async () => {
    const first = await loggedEmailSegment(api.deps, tenant, 1, { segmentNo: "MAILA" });
    const jobId = randomUUID();
    expect(
      (await api.call("POST", `/api/logged-segments/${first}/send`, { tenant, body: { jobId } }))
        .status,
    ).toBe(202);
    await api.call("POST", `/api/send-jobs/${jobId}/cancel`, { tenant });
    const second = await api.call("POST", `/api/logged-segments/${first + 1}/send`, {
      tenant,
      body: { jobId },
    });
    expect(problemOf(second)).toEqual({ status: 409, errors: ["jobId unique"] });
    const canceled = await api.call("POST", `/api/logged-segments/${first}/cancel`, { tenant });
    expect(canceled.status).toBe(200);
    const refused = await api.call("POST", `/api/logged-segments/${first}/send`, {
      tenant,
      body: {},
    });
    expect(problemOf(refused)).toEqual({ status: 409, errors: ["entryNo not_canceled"] });
  });
});

describe("resend one entry by e-mail", () => {
  const problemOf = (res: { status: number; json: unknown }) => ({
    status: res.status,
    errors: ((res.json as { errors?: { field: string; rule: string }[] }).errors ?? []).map(
      (e) => `${e.field} ${e.rule}`,
    ),
  });
  const entriesOf = async (logged: number) => {
    const res = await api.call<{ items: { entryNo: number; correspondenceType?: string }[] }>(
      "GET",
      `/api/logged-segments/${logged}/entries`,
      { tenant },
    );
    expect(res.status).toBe(200);
    return res.json.items.sort((a, b) => a.entryNo - b.entryNo);
  };
  const runQueue = (jobId: string) => runQueueUntilSettled(api.deps, tenant, jobId);

  it("sends that one contact the letter again, as a new message (its own Message-ID), once per resend", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 3, { segmentNo: nextSegment() });
    const first = await startSendJob(api.deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "none" },
      origin: "send",
    });
    await runQueue(first.id);
    expect(smtp.received).toHaveLength(3);
    const [, second] = await entriesOf(logged);
    const firstMessage = smtp.received.find((m) => m.to === contactEmail(2));

    const res = await api.call<SendJob>(
      "POST",
      `/api/interaction-log-entries/${second?.entryNo ?? 0}/send`,
      { tenant, body: { email: { kind: "letter" } } },
    );
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ loggedSegmentEntryNo: logged, counts: { total: 1 } });
    expect((await runQueue(res.json.id)).state).toBe("done");
    expect(smtp.received).toHaveLength(4);
    const again = smtp.received.at(-1);
    expect(again?.to).toBe(contactEmail(2));
    // A resend is a new message: a mailbox that drops repeats of a Message-ID would lose it.
    expect(again?.messageId).toMatch(/^<mergeline\.\d+\.r[0-9a-f]{12}\./);
    expect(again?.messageId).not.toBe(firstMessage?.messageId);
    // Each resend is its own message; running the same resend job again sends nothing more.
    const third = await api.call<SendJob>(
      "POST",
      `/api/interaction-log-entries/${second?.entryNo ?? 0}/send`,
      { tenant, body: { email: { kind: "letter" } } },
    );
    expect((await runQueue(third.json.id)).state).toBe("done");
    expect(smtp.received).toHaveLength(5);
    expect(new Set(smtp.received.slice(-3).map((m) => m.messageId)).size).toBe(3);
    await runQueue(third.json.id);
    expect(smtp.received).toHaveLength(5);
  });

  it("refuses a hard-copy entry (422) and an unknown one (404), sending nothing", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 3, {
      segmentNo: nextSegment(),
      hardCopyEvery: 3,
    });
    const hardCopy = (await entriesOf(logged)).find((e) => e.correspondenceType === "hardCopy");
    const refused = await api.call(
      "POST",
      `/api/interaction-log-entries/${hardCopy?.entryNo ?? 0}/send`,
      {
        tenant,
        body: {},
      },
    );
    expect(problemOf(refused)).toEqual({ status: 422, errors: ["entryNo email_entry"] });
    const unknown = await api.call("POST", "/api/interaction-log-entries/999999/send", {
      tenant,
      body: {},
    });
    expect(unknown.status).toBe(404);
    const bad = await api.call("POST", "/api/interaction-log-entries/0/send", { tenant, body: {} });
    expect(bad.status).toBe(400);
    expect(smtp.received).toHaveLength(0);
    const jobs = await api.call<{ items: SendJob[] }>(
      "GET",
      `/api/logged-segments/${logged}/send-jobs`,
      { tenant },
    );
    expect(jobs.json.items).toEqual([]);
  });
});
