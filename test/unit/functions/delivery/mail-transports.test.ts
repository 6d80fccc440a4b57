import { loadConfig } from "../../../../functions/config";
import {
  MailTransportError,
  type MailMessage,
} from "../../../../functions/delivery/mail-transport";
import {
  createMailTransport,
  delegatedSendingFromEnv,
} from "../../../../functions/delivery/mail-transports";

const env = { COSMOS_ENDPOINT: "https://localhost:8081/", AUTH_AUDIENCE: "api://mergeline" };
const message: MailMessage = {
  deliveryId: "d1",
  messageId: "<mergeline.1.x@contoso.com>",
  to: { address: "a@example.com" },
  subject: "s",
  html: "<p>h</p>",
  text: "h",
  attachments: [],
};

describe("the configured mail transport", () => {
  it("is SMTP when MERGELINE_MAIL_TRANSPORT says smtp", async () => {
    const transport = createMailTransport(
      loadConfig({ ...env, MERGELINE_MAIL_TRANSPORT: "smtp", MERGELINE_MAIL_MAX_BYTES: "1000" })
        .mail,
    );
    expect(transport.kind).toBe("smtp");
    expect(transport.maxMessageBytes).toBe(1000);
    // No SMTP_URL: the job learns it from the first send.
    await expect(transport.send(message)).rejects.toMatchObject({ kind: "not_configured" });
    await transport.close();
  });

  it("none refuses every send as not configured, naming the setting", async () => {
    const transport = createMailTransport(
      loadConfig({ ...env, MERGELINE_MAIL_TRANSPORT: "none" }).mail,
    );
    expect(transport.kind).toBe("none");
    const failure = await transport.send(message).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MailTransportError);
    expect(failure).toMatchObject({ kind: "not_configured" });
    expect((failure as Error).message).toMatch(/MERGELINE_MAIL_TRANSPORT/);
    expect(await transport.priorAttempt(message)).toBe("none");
  });

  const graphEnv = {
    ...env,
    MERGELINE_MAIL_TRANSPORT: "graph",
    GRAPH_TENANT_ID: "contoso.onmicrosoft.com",
    GRAPH_CLIENT_ID: "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
    GRAPH_CLIENT_SECRET: "not-a-real-secret",
  };

  it("is Microsoft Graph from the shared mailbox when GRAPH_MAILBOX is set", async () => {
    const withMailbox = { ...graphEnv, GRAPH_MAILBOX: "letters@contoso.com" };
    const transport = createMailTransport(loadConfig(withMailbox).mail, withMailbox);
    expect(transport.kind).toBe("graph");
    await transport.close();
  });

  it("sends as the marketer per job when Graph has no shared mailbox (GRAPH_SENDER=delegated)", async () => {
    const config = loadConfig(graphEnv).mail;
    expect(delegatedSendingFromEnv(config, graphEnv)).toBeDefined();
    expect(
      delegatedSendingFromEnv(config, { ...graphEnv, GRAPH_SENDER: "delegated" }),
    ).toBeDefined();
    // Nobody sends as the marketer without the job's session: the process-wide transport refuses.
    const transport = createMailTransport(config, graphEnv);
    const failure = await transport.send(message).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: "not_configured" });
    expect((failure as Error).message).toMatch(/session/);
  });

  it("keeps one process-wide transport for a shared mailbox, SMTP, or a Graph setting missing", () => {
    const withMailbox = { ...graphEnv, GRAPH_MAILBOX: "letters@contoso.com" };
    expect(delegatedSendingFromEnv(loadConfig(withMailbox).mail, withMailbox)).toBeUndefined();
    const smtp = { ...env, MERGELINE_MAIL_TRANSPORT: "smtp" };
    expect(delegatedSendingFromEnv(loadConfig(smtp).mail, smtp)).toBeUndefined();
    const { GRAPH_CLIENT_ID: _, ...noClient } = graphEnv;
    expect(delegatedSendingFromEnv(loadConfig(noClient).mail, noClient)).toBeUndefined();
  });

  it("names the missing Graph setting", async () => {
    const { GRAPH_CLIENT_ID: _, ...noClient } = { ...graphEnv, GRAPH_MAILBOX: "l@contoso.com" };
    const transport = createMailTransport(loadConfig(noClient).mail, noClient);
    const failure = await transport.send(message).catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/GRAPH_CLIENT_ID/);
  });
});
