import { randomUUID } from "node:crypto";
import type { MailMessage, MailTransport } from "../../../../../functions/delivery/mail-transport";
import type { GraphSettings } from "../../../../../functions/delivery/graph/graph-settings";
import { createGraphTransport } from "../../../../../functions/delivery/graph/graph-transport";
import { startGraphStandIn, type GraphStandIn } from "../../../harness/graph-stand-in";
import { lineMessage, sharedMailbox, standInSettings } from "./graph-test-setup";

let standIn: GraphStandIn;
const opened: MailTransport[] = [];

beforeAll(async () => {
  standIn = await startGraphStandIn({ perMinute: 10_000, latencyMs: 20 });
});
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
  await standIn.close();
});

/**
 * Each test sends from a mailbox of its own: the transport's gate is per mailbox, so a
 * Retry-After in one test must not hold another.
 */
const transportFor = (mailbox: string, overrides: Partial<GraphSettings> = {}): MailTransport => {
  const transport = createGraphTransport(
    standInSettings(standIn, { sender: { kind: "shared", mailbox }, ...overrides }),
  );
  opened.push(transport);
  return transport;
};
const freshMailbox = () => `letters-${randomUUID().slice(0, 8)}@contoso.test`;
const sentFor = (deliveryId: string) => standIn.sent.filter((m) => m.deliveryId === deliveryId);
const requestsOf = (mailbox: string) => standIn.requests.filter((r) => r.mailbox === mailbox);
const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { kind?: string; retryAfterMs?: number; message: string };
  }
  throw new Error("expected the send to fail");
};

describe("Graph transport, shared mailbox", () => {
  it("sends each line one message with its subject, HTML body, Message-ID and attachment", async () => {
    const transport = transportFor(sharedMailbox);
    const messages = [1, 2, 3].map((n) => lineMessage(n));
    for (const message of messages) await transport.send(message);
    for (const message of messages) {
      const [sent, ...more] = sentFor(message.deliveryId);
      expect(more).toHaveLength(0);
      expect(sent).toMatchObject({
        mailbox: sharedMailbox,
        to: [message.to.address],
        subject: message.subject,
        html: message.html,
        internetMessageId: message.messageId,
      });
      expect(sent?.attachments.map((a) => [a.name, a.contentType, a.bytes.toString()])).toEqual(
        message.attachments.map((a) => [
          a.fileName,
          a.contentType,
          Buffer.from(a.bytes).toString(),
        ]),
      );
    }
    expect(standIn.drafts(sharedMailbox)).toHaveLength(0);
  });

  it("talks to the configured authority's token endpoint only (no instance discovery)", () => {
    expect(standIn.authorityRequests.length).toBeGreaterThan(0);
    for (const request of standIn.authorityRequests)
      expect(request).toMatchObject({
        method: "POST",
        path: `/${standIn.tenantId}/oauth2/v2.0/token`,
        grantType: "client_credentials",
      });
  });

  it("looks a line up before sending and never sends a line that went out again", async () => {
    const transport = transportFor(freshMailbox());
    const message = lineMessage(10);
    expect(await transport.priorAttempt(message)).toBe("none");
    await transport.send(message);
    expect(await transport.priorAttempt(message)).toBe("sent");
    await transport.send(message);
    expect(sentFor(message.deliveryId)).toHaveLength(1);
  });

  it("sends once when the connection dropped after Graph had accepted the send", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox);
    const message = lineMessage(20);
    standIn.fault("drop_after_send");
    expect(await failureOf(transport.send(message))).toMatchObject({ kind: "transient" });
    expect(sentFor(message.deliveryId)).toHaveLength(1);

    expect(await transport.priorAttempt(message)).toBe("sent");
    await transport.send(message);
    expect(sentFor(message.deliveryId)).toHaveLength(1);
    expect(standIn.drafts(mailbox)).toHaveLength(0);
  });

  it("finds a sent message still in the Outbox (not yet in Sent Items) and sends nothing", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox);
    const message = lineMessage(23);
    standIn.setLimits({ outboxMs: 60_000 });
    try {
      standIn.fault("drop_after_send");
      expect(await failureOf(transport.send(message))).toMatchObject({ kind: "transient" });
      expect(await transport.priorAttempt(message)).toBe("sent");
      await transport.send(message);
      expect(sentFor(message.deliveryId)).toHaveLength(1);
    } finally {
      standIn.setLimits({ outboxMs: 0 });
    }
  });

  it("sends the draft an earlier attempt left behind instead of writing a second one", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox);
    const message = lineMessage(21);
    standIn.fault("drop_after_create");
    expect(await failureOf(transport.send(message))).toMatchObject({ kind: "transient" });
    expect(standIn.drafts(mailbox).map((d) => d.deliveryId)).toEqual([message.deliveryId]);
    expect(sentFor(message.deliveryId)).toHaveLength(0);

    expect(await transport.priorAttempt(message)).toBe("draft");
    await transport.send(message);
    expect(sentFor(message.deliveryId)).toHaveLength(1);
    expect(standIn.drafts(mailbox)).toHaveLength(0);
    const creates = requestsOf(mailbox).filter(
      (r) => r.method === "POST" && r.path.endsWith("/messages"),
    );
    expect(creates).toHaveLength(1);
  });

  it("finds a line by its delivery id only, not by another line's", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox);
    const first = lineMessage(22);
    await transport.send(first);
    const second = lineMessage(22, { deliveryId: `${first.deliveryId}x'` });
    expect(await transport.priorAttempt(second)).toBe("none");
    await transport.send(second);
    expect(sentFor(second.deliveryId)).toHaveLength(1);
  });

  it("honours 429 and Retry-After: no request to the mailbox before it is due", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox);
    standIn.throttleNext(1);
    const throttled = await failureOf(transport.send(lineMessage(30)));
    expect(throttled).toMatchObject({ kind: "throttled", retryAfterMs: 1000 });
    const throttle = standIn.lastThrottle(mailbox);
    expect(throttle).toEqual({ at: expect.any(Number), retryAfterMs: 1000 });

    // An impatient caller tries at once: the transport answers for Graph, without a request.
    const before = requestsOf(mailbox).length;
    const early = await failureOf(transport.send(lineMessage(31)));
    expect(early.kind).toBe("throttled");
    expect(early.retryAfterMs).toBeGreaterThan(0);
    expect(requestsOf(mailbox)).toHaveLength(before);

    await new Promise((resolve) => setTimeout(resolve, early.retryAfterMs));
    const message = lineMessage(32);
    await transport.send(message);
    expect(sentFor(message.deliveryId)).toHaveLength(1);
    const due = (throttle?.at ?? 0) + (throttle?.retryAfterMs ?? 0);
    const after = requestsOf(mailbox).filter((r) => r.at > (throttle?.at ?? 0));
    expect(after.length).toBeGreaterThan(0);
    for (const request of after) expect(request.at).toBeGreaterThanOrEqual(due);
    expect(requestsOf(mailbox).filter((r) => r.status === 429)).toHaveLength(1);
  });

  it("keeps at most 4 requests in flight per mailbox while sending many at once", async () => {
    const mailbox = freshMailbox();
    const transports = [transportFor(mailbox), transportFor(mailbox)];
    const messages = Array.from({ length: 24 }, (_, n) => lineMessage(100 + n));
    await Promise.all(messages.map((m, n) => transports[n % 2]?.send(m)));
    for (const message of messages) expect(sentFor(message.deliveryId)).toHaveLength(1);
    expect(standIn.peakInFlight(mailbox)).toBe(4);
    expect(requestsOf(mailbox).filter((r) => r.status === 429)).toHaveLength(0);
  });

  it("the stand-in does refuse a fifth request in flight (what the test above relies on)", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox, { concurrency: 8 });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) => transport.send(lineMessage(200 + n))),
    );
    expect(standIn.peakInFlight(mailbox)).toBeGreaterThan(4);
    expect(results.some((r) => r.status === "rejected" && r.reason.kind === "throttled")).toBe(
      true,
    );
  });

  it("is throttled past the mailbox's messages a minute, with the wait Graph names", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox);
    standIn.setLimits({ perMinute: 2 });
    try {
      await transport.send(lineMessage(300));
      await transport.send(lineMessage(301));
      const third = lineMessage(302);
      const failure = await failureOf(transport.send(third));
      expect(failure.kind).toBe("throttled");
      expect(failure.retryAfterMs).toBeGreaterThan(50_000);
      expect(sentFor(third.deliveryId)).toHaveLength(0);
    } finally {
      standIn.setLimits({ perMinute: 10_000 });
    }
  });

  it.each([
    ["unauthorized", "auth"],
    ["access_denied", "consent"],
    ["invalid_recipient", "recipient"],
    ["server_error", "transient"],
    ["unavailable", "throttled"],
  ] as const)("maps Graph's %s to %s, and the line goes out once later", async (fault, kind) => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox);
    const message = lineMessage(400);
    standIn.fault(fault);
    expect(await failureOf(transport.send(message))).toMatchObject({ kind });
    expect(sentFor(message.deliveryId)).toHaveLength(0);
    if (kind === "throttled") await new Promise((resolve) => setTimeout(resolve, 1000));
    await transport.send(message);
    expect(sentFor(message.deliveryId)).toHaveLength(1);
  });

  it("fails an address that is not an address as recipient, and sends the next line", async () => {
    const transport = transportFor(freshMailbox());
    const bad = lineMessage(500, { to: { address: "not-an-address" } });
    expect(await failureOf(transport.send(bad))).toMatchObject({ kind: "recipient" });
    const good = lineMessage(501);
    await transport.send(good);
    expect(sentFor(bad.deliveryId)).toHaveLength(0);
    expect(sentFor(good.deliveryId)).toHaveLength(1);
  });

  it("answers too_large when the mailbox's size limit refuses the message", async () => {
    const transport = transportFor(freshMailbox());
    standIn.setLimits({ maxMessageBytes: 10_000 });
    try {
      const big: MailMessage = lineMessage(600, {
        attachments: [
          { fileName: "big.pdf", contentType: "application/pdf", bytes: new Uint8Array(20_000) },
        ],
      });
      expect(await failureOf(transport.send(big))).toMatchObject({ kind: "too_large" });
      expect(sentFor(big.deliveryId)).toHaveLength(0);
    } finally {
      standIn.setLimits({ maxMessageBytes: 35 * 1024 * 1024 });
    }
  });

  const filled = (bytes: number, seed: number) =>
    Uint8Array.from({ length: bytes }, (_, i) => (i * 31 + seed) % 251);

  it("sends an attachment over 3 MB through an upload session, beside one that fits the request", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox);
    const message = lineMessage(601, {
      attachments: [
        { fileName: "scan.pdf", contentType: "application/pdf", bytes: filled(5 * 1024 * 1024, 1) },
        { fileName: "letter.pdf", contentType: "application/pdf", bytes: filled(2_500_000, 2) },
      ],
    });
    await transport.send(message);
    const [sent, ...more] = sentFor(message.deliveryId);
    expect(more).toHaveLength(0);
    expect(
      sent?.attachments
        .map((a) => [
          a.name,
          Buffer.compare(
            a.bytes,
            Buffer.from(message.attachments.find((m) => m.fileName === a.name)?.bytes ?? []),
          ),
        ])
        .sort(),
    ).toEqual([
      ["letter.pdf", 0],
      ["scan.pdf", 0],
    ]);
    const puts = requestsOf(mailbox).filter((r) => r.method === "PUT");
    expect(puts.length).toBe(Math.ceil((5 * 1024 * 1024) / (12 * 320 * 1024)));
    expect(puts.every((r) => r.status === 200 || r.status === 201)).toBe(true);
  });

  it("completes a draft whose upload was cut off, and sends it once with each attachment once", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox);
    const message = lineMessage(602, {
      attachments: [
        { fileName: "scan.pdf", contentType: "application/pdf", bytes: filled(4 * 1024 * 1024, 3) },
        { fileName: "small.pdf", contentType: "application/pdf", bytes: filled(1000, 4) },
      ],
    });
    standIn.fault("drop_during_upload");
    expect(await failureOf(transport.send(message))).toMatchObject({ kind: "transient" });
    const [draft] = standIn.drafts(mailbox);
    expect(draft?.attachments.map((a) => a.name)).toEqual(["small.pdf"]);

    await transport.send(message);
    const [sent, ...more] = sentFor(message.deliveryId);
    expect(more).toHaveLength(0);
    expect(sent?.attachments.map((a) => [a.name, a.bytes.length]).sort()).toEqual([
      ["scan.pdf", 4 * 1024 * 1024],
      ["small.pdf", 1000],
    ]);
    expect(standIn.drafts(mailbox)).toHaveLength(0);
  });

  it("refuses a message over the mailbox's limit as too_large, naming the limit, before any request", async () => {
    const mailbox = freshMailbox();
    const transport = transportFor(mailbox, { maxMessageBytes: 1024 * 1024 });
    expect(transport.maxMessageBytes).toBe(1024 * 1024);
    const big = lineMessage(603, {
      attachments: [
        {
          fileName: "scan.pdf",
          contentType: "application/pdf",
          bytes: new Uint8Array(2 * 1024 * 1024),
        },
      ],
    });
    const failure = await failureOf(transport.send(big));
    expect(failure.kind).toBe("too_large");
    expect(failure.message).toMatch(/up to 1048576 bytes \(GRAPH_MAX_MESSAGE_BYTES/);
    expect(requestsOf(mailbox)).toHaveLength(0);
  });

  it("answers consent when the app has no admin consent (a token without roles)", async () => {
    standIn.withholdConsent(true);
    try {
      // A new app instance: a token issued earlier would still carry the roles.
      const transport = transportFor(freshMailbox());
      const message = lineMessage(700);
      expect(await failureOf(transport.send(message))).toMatchObject({ kind: "consent" });
      expect(sentFor(message.deliveryId)).toHaveLength(0);
    } finally {
      standIn.withholdConsent(false);
    }
  });

  it("answers auth when the client secret is wrong", async () => {
    const transport = transportFor(freshMailbox(), {
      credential: { kind: "secret", secret: "wrong" },
    });
    expect(await failureOf(transport.send(lineMessage(800)))).toMatchObject({ kind: "auth" });
  });
});
