import {
  createSmtpTransport,
  type SmtpSettings,
} from "../../../../../functions/delivery/smtp/smtp-transport";
import {
  MailTransportError,
  type MailMessage,
  type MailTransport,
} from "../../../../../functions/delivery/mail-transport";
import { startSmtpInbox, type SmtpInbox } from "../../../harness/smtp-inbox";

const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 255, 13, 10]);

const messageTo = (address: string, n = 1): MailMessage => ({
  deliveryId: `delivery-${n}`,
  messageId: `<mergeline.${n}.abc123@contoso.example>`,
  to: { name: "Ærlig Østergård", address },
  subject: `Velkommen, Ærlig (${n})`,
  html: `<p>Kære Ærlig, <b>velkommen</b> ${n}</p>`,
  text: `Kære Ærlig, velkommen ${n}`,
  attachments: [{ fileName: "Brev.pdf", contentType: "application/pdf", bytes: pdfBytes }],
  languageCode: "da-DK",
});

const failureOf = async (promise: Promise<unknown>): Promise<MailTransportError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MailTransportError) return error;
    throw error;
  }
  throw new Error("the send was expected to fail");
};

describe("SMTP transport against a real SMTP server", () => {
  let inbox: SmtpInbox;
  let transport: MailTransport;
  const settings = (overrides: Partial<SmtpSettings> = {}): SmtpSettings => ({
    smtpUrl: inbox.url,
    from: "Marketing <news@contoso.example>",
    concurrency: 2,
    maxMessageBytes: 1_000_000,
    ...overrides,
  });

  beforeEach(async () => {
    inbox = await startSmtpInbox({ user: "mergeline", password: "s3cret:/@" });
    transport = createSmtpTransport(settings());
  });
  afterEach(async () => {
    await transport.close();
    await inbox.close();
  });

  it("delivers subject, HTML, text, the attachment's bytes and the Message-ID as given", async () => {
    await transport.send(messageTo("aerlig@example.com"));
    const [mail] = await inbox.waitFor(1);
    expect(mail?.to).toEqual(["aerlig@example.com"]);
    expect(mail?.from).toBe("news@contoso.example");
    expect(mail?.parsed.subject).toBe("Velkommen, Ærlig (1)");
    expect(mail?.parsed.messageId).toBe("<mergeline.1.abc123@contoso.example>");
    expect(mail?.parsed.html).toContain("<b>velkommen</b>");
    expect(mail?.parsed.text?.trim()).toBe("Kære Ærlig, velkommen 1");
    expect(mail?.parsed.headers.get("content-language")).toBe("da-DK");
    expect(mail?.parsed.attachments).toHaveLength(1);
    expect(mail?.parsed.attachments[0]?.filename).toBe("Brev.pdf");
    expect([...(mail?.parsed.attachments[0]?.content ?? [])]).toEqual([...pdfBytes]);
  });

  it("sends several at once over the pool, each with its own Message-ID", async () => {
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) => transport.send(messageTo(`c${n}@example.com`, n))),
    );
    const mails = await inbox.waitFor(5);
    expect(mails.map((m) => m.parsed.messageId).sort()).toEqual(
      [1, 2, 3, 4, 5].map((n) => `<mergeline.${n}.abc123@contoso.example>`),
    );
  });

  it("a repeat of the same line carries the same Message-ID", async () => {
    await transport.send(messageTo("aerlig@example.com"));
    await transport.send(messageTo("aerlig@example.com"));
    const mails = await inbox.waitFor(2);
    expect(new Set(mails.map((m) => m.parsed.messageId)).size).toBe(1);
  });

  it("a wrong password is an auth failure, and nothing is sent", async () => {
    await transport.close();
    const url = new URL(inbox.url);
    url.password = "wrong";
    transport = createSmtpTransport(settings({ smtpUrl: url.toString() }));
    const failure = await failureOf(transport.send(messageTo("aerlig@example.com")));
    expect(failure.kind).toBe("auth");
    expect(inbox.received).toHaveLength(0);
  });

  it("a refused recipient fails that message only; the next goes", async () => {
    inbox.rejectRecipient("gone@example.com", 550, "5.1.1 User unknown");
    const failure = await failureOf(transport.send(messageTo("gone@example.com")));
    expect(failure.kind).toBe("recipient");
    expect(failure.message).toContain("User unknown");
    await transport.send(messageTo("here@example.com", 2));
    expect((await inbox.waitFor(1)).map((m) => m.to)).toEqual([["here@example.com"]]);
  });

  it.each([553, 501])("a %i on RCPT is a recipient failure", async (code) => {
    inbox.rejectRecipient("bad@example.com", code, "5.1.3 Bad recipient address syntax");
    expect((await failureOf(transport.send(messageTo("bad@example.com")))).kind).toBe("recipient");
  });

  it("a message over the server's SIZE is too large", async () => {
    const small = await startSmtpInbox({ maxBytes: 2_000 });
    const toSmall = createSmtpTransport(settings({ smtpUrl: small.url }));
    try {
      const big = { ...messageTo("a@example.com"), html: `<p>${"x".repeat(10_000)}</p>` };
      expect((await failureOf(toSmall.send(big))).kind).toBe("too_large");
      expect(small.received).toHaveLength(0);
    } finally {
      await toSmall.close();
      await small.close();
    }
  });

  it("refuses before sending a message over the mailbox's maximum", async () => {
    await transport.close();
    transport = createSmtpTransport(settings({ maxMessageBytes: 5_000 }));
    const big = {
      ...messageTo("a@example.com"),
      attachments: [
        { fileName: "big.pdf", contentType: "application/pdf", bytes: new Uint8Array(6_000) },
      ],
    };
    const failure = await failureOf(transport.send(big));
    expect(failure.kind).toBe("too_large");
    expect(failure.message).toMatch(/at most 5000/);
    expect(inbox.received).toHaveLength(0);
  });

  it.each([
    [452, "4.5.3 Too many messages in this session", "throttled"],
    [
      421,
      "4.4.2 Message submission rate for this client has exceeded the configured limit",
      "throttled",
    ],
    [421, "4.3.2 Service not available, closing transmission channel", "transient"],
    [451, "4.3.0 Local error in processing", "transient"],
    [450, "4.2.1 Mailbox busy", "transient"],
  ])("a %i reply (%s) is %s, and the next attempt goes through", async (code, text, kind) => {
    inbox.refuseNext(1, code, text);
    const failure = await failureOf(transport.send(messageTo("a@example.com")));
    expect(failure.kind).toBe(kind);
    if (kind === "throttled") expect(failure.retryAfterMs).toBeGreaterThan(0);
    await transport.send(messageTo("a@example.com"));
    expect(await inbox.waitFor(1)).toHaveLength(1);
  });

  it("a server that is not there is transient", async () => {
    const gone = await startSmtpInbox();
    const url = gone.url;
    await gone.close();
    const toGone = createSmtpTransport(settings({ smtpUrl: url }));
    try {
      expect((await failureOf(toGone.send(messageTo("a@example.com")))).kind).toBe("transient");
    } finally {
      await toGone.close();
    }
  });

  it("without SMTP_URL or a sender every send is not_configured", async () => {
    for (const missing of [{ smtpUrl: undefined }, { from: undefined }]) {
      const unconfigured = createSmtpTransport(settings(missing));
      const failure = await failureOf(unconfigured.send(messageTo("a@example.com")));
      expect(failure.kind).toBe("not_configured");
      await unconfigured.close();
    }
    expect(inbox.received).toHaveLength(0);
  });

  it("cannot look back: priorAttempt answers none", async () => {
    await transport.send(messageTo("a@example.com"));
    expect(await transport.priorAttempt(messageTo("a@example.com"))).toBe("none");
  });
});
