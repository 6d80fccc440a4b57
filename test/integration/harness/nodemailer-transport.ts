import { createTransport } from "nodemailer";
import {
  MailTransportError,
  type MailMessage,
  type MailTransport,
} from "../../../functions/delivery/mail-transport";

/**
 * A MailTransport over nodemailer to an SMTP URL, classifying SMTP answers by their codes as a
 * transport must (535 auth, 550-553 recipient, 552 too large, 421/45x throttled or transient).
 */
export const nodemailerTransport = (
  url: string,
  from = "mergeline@example.test",
): MailTransport => {
  const transporter = createTransport(url, { pool: true, maxConnections: 4 } as object);
  const classify = (error: unknown): MailTransportError => {
    const e = error as { responseCode?: number; code?: string; message?: string };
    const message = e.message ?? String(error);
    if (e.code === "EAUTH" || e.responseCode === 535)
      return new MailTransportError("auth", message);
    if (e.responseCode === 552) return new MailTransportError("too_large", message);
    if (e.responseCode !== undefined && e.responseCode >= 550 && e.responseCode <= 553)
      return new MailTransportError("recipient", message);
    if (e.responseCode === 421 || e.responseCode === 451)
      return new MailTransportError("throttled", message, 1000);
    return new MailTransportError("transient", message);
  };
  return {
    kind: "smtp",
    maxMessageBytes: 25 * 1024 * 1024,
    send: async (message: MailMessage) => {
      try {
        const info = await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId: message.messageId,
          attachments: message.attachments.map((a) => ({
            filename: a.fileName,
            contentType: a.contentType,
            content: Buffer.from(a.bytes),
          })),
        });
        return { providerId: String(info.messageId) };
      } catch (error) {
        throw classify(error);
      }
    },
    priorAttempt: async () => "none",
    close: async () => transporter.close(),
  };
};
