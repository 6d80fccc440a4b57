import { randomUUID } from "node:crypto";
import type { MailTransport } from "../../../../../functions/delivery/mail-transport";
import {
  beginDelegatedSend,
  endDelegatedSend,
} from "../../../../../functions/delivery/graph/delegated-send";
import type { GraphSettings } from "../../../../../functions/delivery/graph/graph-settings";
import { createGraphTransport } from "../../../../../functions/delivery/graph/graph-transport";
import type { DelegatedSession } from "../../../../../functions/delivery/graph/graph-tokens";
import { startGraphStandIn, type GraphStandIn } from "../../../harness/graph-stand-in";
import { inMemoryTokenCache, lineMessage, standInSettings } from "./graph-test-setup";

let standIn: GraphStandIn;
let settings: GraphSettings;
const opened: MailTransport[] = [];

beforeAll(async () => {
  standIn = await startGraphStandIn({ perMinute: 10_000 });
  settings = standInSettings(standIn, { sender: { kind: "delegated" } });
});
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
  await standIn.close();
});

const jobTransport = (session: DelegatedSession): MailTransport => {
  const transport = createGraphTransport(settings, { session });
  opened.push(transport);
  return transport;
};
const newSession = (): DelegatedSession => ({
  key: `send-job-${randomUUID()}`,
  cache: inMemoryTokenCache(),
});
const grantsSince = (index: number) =>
  standIn.authorityRequests.slice(index).map((r) => r.grantType);
const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { kind?: string; message: string };
  }
  throw new Error("expected a failure");
};

describe("Graph transport, delegated (on behalf of the marketer)", () => {
  it("swaps the marketer's token on behalf of them when the send starts, and the job sends as them later", async () => {
    const marketer = `marketer-${randomUUID().slice(0, 6)}@contoso.test`;
    const session = newSession();
    const start = standIn.authorityRequests.length;
    await beginDelegatedSend(settings, session, standIn.signIn(marketer));
    expect(grantsSince(start)).toEqual(["urn:ietf:params:oauth:grant-type:jwt-bearer"]);
    // The cache the send job stores holds the refresh token the job redeems later.
    expect(await session.cache.get(session.key)).toMatch(/"RefreshToken":\{"[^}]+/);

    // The job runs in another instance: nothing shared but the stored cache.
    const message = lineMessage(1);
    await jobTransport(session).send(message);
    const [sent, ...more] = standIn.sent.filter((m) => m.deliveryId === message.deliveryId);
    expect(more).toHaveLength(0);
    expect(sent).toMatchObject({ mailbox: marketer, internetMessageId: message.messageId });
    for (const request of standIn.authorityRequests.slice(start))
      expect(request).toMatchObject({
        method: "POST",
        path: `/${standIn.tenantId}/oauth2/v2.0/token`,
      });
  });

  it("redeems the refresh token when the access token has run out (the job outlives it)", async () => {
    standIn.setLimits({ tokenLifetimeSeconds: 120 });
    try {
      const marketer = `marketer-${randomUUID().slice(0, 6)}@contoso.test`;
      const session = newSession();
      await beginDelegatedSend(settings, session, standIn.signIn(marketer));
      const start = standIn.authorityRequests.length;
      const message = lineMessage(2);
      // MSAL renews a token 5 minutes before it expires: a 2-minute token is already due.
      await jobTransport(session).send(message);
      expect(grantsSince(start)).toContain("refresh_token");
      expect(standIn.sent.filter((m) => m.deliveryId === message.deliveryId)).toHaveLength(1);
    } finally {
      standIn.setLimits({ tokenLifetimeSeconds: 3600 });
    }
  });

  it("answers consent when nobody consented to Mail.Send, and keeps nothing", async () => {
    standIn.withholdConsent(true);
    try {
      const session = newSession();
      const failure = await failureOf(
        beginDelegatedSend(settings, session, standIn.signIn("new-user@contoso.test")),
      );
      expect(failure.kind).toBe("consent");
      expect(failure.message).toMatch(/AADSTS65001/);
      expect(await session.cache.get(session.key)).toBeUndefined();
    } finally {
      standIn.withholdConsent(false);
    }
  });

  it("answers auth for a token the authority does not accept", async () => {
    const failure = await failureOf(beginDelegatedSend(settings, newSession(), "not-a-token"));
    expect(failure.kind).toBe("auth");
  });

  it("answers auth when the job's session is gone, and sends nothing", async () => {
    const session = newSession();
    await beginDelegatedSend(settings, session, standIn.signIn("gone@contoso.test"));
    await endDelegatedSend(session);
    const message = lineMessage(3);
    expect(await failureOf(jobTransport(session).send(message))).toMatchObject({ kind: "auth" });
    expect(standIn.sent.filter((m) => m.deliveryId === message.deliveryId)).toHaveLength(0);
  });

  it("refuses a delegated transport without a session as not_configured", () => {
    expect(() => createGraphTransport(settings)).toThrow(
      expect.objectContaining({ kind: "not_configured" }),
    );
  });
});
