import { loadConfig } from "../../../../functions/config";
import {
  MailTransportError,
  type MailMessage,
} from "../../../../functions/delivery/mail-transport";
import { createMailTransport } from "../../../../functions/delivery/mail-transports";

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
});
