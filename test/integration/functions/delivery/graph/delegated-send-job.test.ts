import { randomUUID } from "node:crypto";
import type { SendJob } from "@shared/model/delivery";
import { devAudience } from "../../../../../functions/auth/dev-issuer";
import { createDelegatedSending } from "../../../../../functions/delivery/graph/delegated-send";
import { startSendQueuePoller } from "../../../../../functions/delivery/job/send-queue-poller";
import { asTenantId, type TenantId } from "../../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../../harness/api-harness";
import { startGraphStandIn, type GraphStandIn } from "../../../harness/graph-stand-in";
import { contactEmail, loggedEmailSegment, seedEmailSegment } from "../fixtures/email-segment";
import { jobInState, runQueueUntilSettled } from "../fixtures/send-stack";
import { standInSettings } from "./graph-test-setup";

/**
 * Sending as the signed-in marketer (GRAPH_SENDER=delegated) end to end: the request that starts
 * a send swaps the caller's bearer token on behalf of them at the Graph stand-in's Entra token
 * endpoint, the job keeps that token session in the store, and the queue's worker (the local
 * poller over Azurite) sends every message from the marketer's own mailbox (/me).
 */
let standIn: GraphStandIn;
let api: ApiHarness;
/** Called before the stand-in answers each accepted send (the mailbox's name). */
let onSent: (mailbox: string) => void = () => {};
let tenantCount = 0;
const nextTenant = () => asTenantId(`obo-${++tenantCount}`);

const alice = "alice@a.example";
const bob = "bob@b.example";
const emailChoice = { email: { kind: "attachment", format: "docx" } };

beforeAll(async () => {
  standIn = await startGraphStandIn({
    perMinute: 100_000,
    beforeAnswer: async (event, mailbox) => {
      if (event === "sent") onSent(mailbox);
    },
  });
  api = await startApi({}, undefined, {
    queue: true,
    blobs: true,
    delivery: {
      transportKind: "graph",
      delegated: createDelegatedSending(
        standInSettings(standIn, { sender: { kind: "delegated" } }),
      ),
      transport: () => Promise.reject(new Error("a delegated send has no process-wide transport")),
      mailbox: "graph:unused",
      limits: { perMinute: 100_000, concurrency: 4, perDay: 1_000_000 },
    },
  });
  // The add-in's tokens for our API are what Entra ID takes as the on-behalf-of assertion.
  standIn.trustAssertionsOf(api.issuer.jwks, devAudience);
}, 120_000);

afterAll(async () => {
  await api?.close();
  await standIn?.close();
});

afterEach(() => {
  onSent = () => {};
  standIn.withholdConsent(false);
  standIn.setLimits({ tokenLifetimeSeconds: 3600 });
});

const oboGrantsSince = (index: number) =>
  standIn.authorityRequests
    .slice(index)
    .filter((r) => r.grantType === "urn:ietf:params:oauth:grant-type:jwt-bearer").length;

/** Messages sent from a mailbox to an address since the stand-in's sent list had `since` messages. */
const sentTo = (since: number, from: string, to: string) =>
  standIn.sent.slice(since).filter((m) => m.mailbox === from && m.to.includes(to)).length;

const send = (tenant: TenantId, logged: number, jobId: string, user = alice) =>
  api.call("POST", `/api/logged-segments/${logged}/send`, {
    tenant,
    user,
    body: { jobId, ...emailChoice },
  });

describe("a delegated send job (on behalf of the signed-in marketer)", () => {
  it("swaps the caller's token before the job exists, sends each line once from their own mailbox, and ends the session with the job", async () => {
    const tenant = nextTenant();
    const logged = await loggedEmailSegment(api.deps, tenant, 8);
    const jobId = randomUUID();
    const before = standIn.authorityRequests.length;
    const firstRequest = standIn.requests.length;
    const firstSent = standIn.sent.length;

    const res = await send(tenant, logged, jobId);
    expect(res.status).toBe(202);
    expect(oboGrantsSince(before)).toBe(1);
    const session = await api.deps.store.sendSessions.tokenCache(tenant, jobId);
    const refreshSecrets = Object.values(
      (JSON.parse(session ?? "{}") as { RefreshToken?: Record<string, { secret: string }> })
        .RefreshToken ?? {},
    ).map((t) => t.secret);
    expect(refreshSecrets).toHaveLength(1);

    // No API answers the session: not the job, its lines, nor the logged segment's jobs.
    const answers = [
      res.text,
      (await api.call("GET", `/api/send-jobs/${jobId}`, { tenant })).text,
      (await api.call("GET", `/api/send-jobs/${jobId}/deliveries?pageSize=100`, { tenant })).text,
      (await api.call("GET", `/api/logged-segments/${logged}/send-jobs`, { tenant })).text,
    ];
    for (const text of answers) {
      expect(text).not.toContain(refreshSecrets[0]);
      expect(text).not.toMatch(/RefreshToken|tokenCache/);
    }

    const job = await runQueueUntilSettled(api.deps, tenant, jobId);
    expect(job).toMatchObject({ state: "done", counts: { total: 8, sent: 8 } });
    for (let i = 1; i <= 8; i++)
      expect({ contact: i, sent: sentTo(firstSent, alice, contactEmail(i)) }).toEqual({
        contact: i,
        sent: 1,
      });
    // From the marketer's own mailbox, and no other.
    const graphCalls = standIn.requests.slice(firstRequest).filter((r) => r.mailbox);
    expect(graphCalls.length).toBeGreaterThan(0);
    for (const call of graphCalls) {
      expect(call.path).toMatch(/^\/v1\.0\/me\//);
      expect(call.mailbox).toBe(alice);
    }
    // The job ended: its refresh token went with it.
    expect(await api.deps.store.sendSessions.tokenCache(tenant, jobId)).toBeUndefined();
  });

  it("resends an entry already sent as a new message: Graph's lookup does not take it for the first one", async () => {
    const tenant = nextTenant();
    const logged = await loggedEmailSegment(api.deps, tenant, 2);
    const firstSent = standIn.sent.length;
    const jobId = randomUUID();
    expect((await send(tenant, logged, jobId)).status).toBe(202);
    expect(await runQueueUntilSettled(api.deps, tenant, jobId)).toMatchObject({ state: "done" });
    expect(sentTo(firstSent, alice, contactEmail(1))).toBe(1);
    const entries = await api.call<{ items: { entryNo: number }[] }>(
      "GET",
      `/api/logged-segments/${logged}/entries`,
      { tenant },
    );
    const first = entries.json.items.sort((a, b) => a.entryNo - b.entryNo)[0];

    const resend = await api.call<SendJob>(
      "POST",
      `/api/interaction-log-entries/${first?.entryNo ?? 0}/send`,
      { tenant, user: alice, body: emailChoice },
    );
    expect(resend.status).toBe(202);
    expect(await runQueueUntilSettled(api.deps, tenant, resend.json.id)).toMatchObject({
      state: "done",
      counts: { total: 1, sent: 1 },
    });
    expect(sentTo(firstSent, alice, contactEmail(1))).toBe(2);
    expect(sentTo(firstSent, alice, contactEmail(2))).toBe(1);
  });

  it("answers a clear 403 when Mail.Send is not consented, and writes nothing (send, Log with Send Attachments, Resend)", async () => {
    const tenant = nextTenant();
    const logged = await loggedEmailSegment(api.deps, tenant, 3);
    standIn.withholdConsent(true);
    const jobId = randomUUID();

    const res = await send(tenant, logged, jobId);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.detail).toMatch(/Mail\.Send/);
    expect(res.json.errors).toEqual([
      expect.objectContaining({
        in: "header",
        field: "authorization",
        rule: "mail_send_consent",
        message: expect.stringMatching(/AADSTS65001/),
      }),
    ]);
    expect(await api.deps.store.sendJobs.findJob(tenant, jobId)).toBeUndefined();
    expect(await api.deps.store.sendJobs.jobsOfLogged(tenant, logged)).toEqual([]);
    expect(await api.deps.store.sendSessions.tokenCache(tenant, jobId)).toBeUndefined();

    const { segmentNo, etag } = await seedEmailSegment(api.deps, tenant, 2, { segmentNo: "LOGC" });
    const log = await api.call("POST", `/api/segments/${segmentNo}/log`, {
      tenant,
      ifMatch: etag,
      body: { sendAttachments: emailChoice },
    });
    expect(log.status).toBe(403);
    expect(log.json.errors[0]).toMatchObject({ rule: "mail_send_consent" });
    const segment = await api.call("GET", `/api/segments/${segmentNo}`, { tenant });
    expect(segment.json.status).toBe("open");
    expect((await api.deps.store.interactions.listLogged(tenant, {}, 10)).items).toHaveLength(1);

    const [entry] = await api.deps.store.interactions.entriesOfLogged(tenant, logged);
    const resend = await api.call("POST", `/api/interaction-log-entries/${entry?.entryNo}/send`, {
      tenant,
      body: emailChoice,
    });
    expect(resend.status).toBe(403);
    expect(await api.deps.store.sendJobs.jobsOfLogged(tenant, logged)).toEqual([]);
  });

  it("refuses bad input before it swaps any token", async () => {
    const tenant = nextTenant();
    const logged = await loggedEmailSegment(api.deps, tenant, 2);
    const before = standIn.authorityRequests.length;
    const bad = await api.call("POST", `/api/logged-segments/${logged}/send`, {
      tenant,
      body: { jobId: randomUUID(), email: { kind: "carrier-pigeon" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toMatchObject({ in: "body", field: "email.kind" });
    const noToken = await api.call("POST", `/api/logged-segments/${logged}/send`, {
      tenant,
      anonymous: true,
      body: { jobId: randomUUID(), ...emailChoice },
    });
    expect(noToken.status).toBe(401);
    expect(oboGrantsSince(before)).toBe(0);
  });

  it("pauses the job when the marketer's sign-in is revoked mid-job, sends as nobody else, and goes on when they retry signed in", async () => {
    const tenant = nextTenant();
    const lines = 12;
    const logged = await loggedEmailSegment(api.deps, tenant, lines);
    // Tokens due for renewal at every call: the revocation shows at the job's next token.
    standIn.setLimits({ tokenLifetimeSeconds: 120 });
    let sent = 0;
    onSent = (mailbox) => {
      if (mailbox === alice && ++sent === 3) standIn.revokeSignInSessions(alice);
    };
    const jobId = randomUUID();
    const firstSent = standIn.sent.length;
    expect((await send(tenant, logged, jobId)).status).toBe(202);

    const paused = await runQueueUntilSettled(api.deps, tenant, jobId);
    expect(paused.state).toBe("paused");
    expect(paused.problem).toMatchObject({
      code: "auth_failed",
      message: expect.stringMatching(/sign-in for this send has ended.*AADSTS50173.*retry/s),
    });
    const sentBefore = standIn.sent.slice(firstSent).filter((m) => m.mailbox === alice).length;
    expect(sentBefore).toBeGreaterThanOrEqual(3);
    expect(sentBefore).toBeLessThan(lines);
    // Nothing went out from any other mailbox for this job, and the dead session is gone.
    expect(standIn.sent.slice(firstSent).filter((m) => m.mailbox !== alice)).toHaveLength(0);
    expect(await api.deps.store.sendSessions.tokenCache(tenant, jobId)).toBeUndefined();
    const shown = await api.call<SendJob>("GET", `/api/send-jobs/${jobId}`, { tenant });
    expect(shown.json.problem?.message).toMatch(/retry the send job while signed in/);

    // Someone else's sign-in does not carry the marketer's job on.
    const other = await api.call("POST", `/api/send-jobs/${jobId}/retry`, { tenant, user: bob });
    expect(other.status).toBe(409);
    expect(other.json.errors[0]).toMatchObject({ field: "id", rule: "same_sender" });
    expect(await api.deps.store.sendSessions.tokenCache(tenant, jobId)).toBeUndefined();

    const retried = await api.call<SendJob>("POST", `/api/send-jobs/${jobId}/retry`, { tenant });
    expect(retried.status).toBe(200);
    const done = await runQueueUntilSettled(api.deps, tenant, jobId);
    expect(done).toMatchObject({ state: "done", counts: { total: lines, sent: lines } });
    for (let i = 1; i <= lines; i++)
      expect({ contact: i, sent: sentTo(firstSent, alice, contactEmail(i)) }).toEqual({
        contact: i,
        sent: 1,
      });
    expect(standIn.sent.slice(firstSent).filter((m) => m.mailbox !== alice)).toHaveLength(0);
  });

  it("keeps tenant A's session to tenant A: tenant B's job with the same id never sends with it", async () => {
    const tenantA = nextTenant();
    const tenantB = nextTenant();
    const loggedA = await loggedEmailSegment(api.deps, tenantA, 4);
    const loggedB = await loggedEmailSegment(api.deps, tenantB, 5);
    const jobId = randomUUID();
    const firstSent = standIn.sent.length;
    expect((await send(tenantA, loggedA, jobId, alice)).status).toBe(202);
    expect((await send(tenantB, loggedB, jobId, bob)).status).toBe(202);
    // Tenant B's session ends before its job runs (a crash between, an expiry): B must pause.
    await api.deps.store.sendSessions.deleteSession(tenantB, jobId);
    expect(await api.deps.store.sendSessions.tokenCache(tenantA, jobId)).toBeDefined();

    const poller = startSendQueuePoller(api.deps, { idleMs: 50 });
    try {
      const [a, b] = await Promise.all([
        jobInState(api.deps, tenantA, jobId, ["done", "paused"]),
        jobInState(api.deps, tenantB, jobId, ["done", "paused"]),
      ]);
      expect(a).toMatchObject({ state: "done", counts: { sent: 4 } });
      expect(b).toMatchObject({
        state: "paused",
        counts: { sent: 0 },
        problem: { code: "auth_failed" },
      });
    } finally {
      await poller.stop();
    }
    const sent = standIn.sent.slice(firstSent);
    expect(sent).toHaveLength(4);
    expect(sent.every((m) => m.mailbox === alice)).toBe(true);
    expect(sent.filter((m) => m.mailbox === bob)).toHaveLength(0);

    // Bob retries signed in: tenant B's job sends from his mailbox, tenant A's untouched.
    expect(
      (await api.call("POST", `/api/send-jobs/${jobId}/retry`, { tenant: tenantB, user: bob }))
        .status,
    ).toBe(200);
    const doneB = await runQueueUntilSettled(api.deps, tenantB, jobId);
    expect(doneB).toMatchObject({ state: "done", counts: { sent: 5 } });
    expect(standIn.sent.slice(firstSent).filter((m) => m.mailbox === bob)).toHaveLength(5);
    expect(standIn.sent.slice(firstSent).filter((m) => m.mailbox === alice)).toHaveLength(4);
  });
});
