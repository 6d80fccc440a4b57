import { createTransport, type Transporter } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { MailSettings } from "../../config";
import {
  MailTransportError,
  type MailMessage,
  type MailTransport,
  type PriorAttempt,
} from "../mail-transport";
import { smtpFailureOf } from "./smtp-failure";

export type SmtpSettings = Pick<
  MailSettings,
  "smtpUrl" | "from" | "concurrency" | "maxMessageBytes"
>;

const poolOptionsOf = (smtpUrl: string, concurrency: number): SMTPPool.Options => {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return {
    pool: true,
    maxConnections: concurrency,
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  };
};

/** The message exactly as it goes on the wire, so its size is known before sending. */
const compose = (message: MailMessage, from: string): Promise<Buffer> =>
  new MailComposer({
    from,
    to: message.to.name
      ? { name: message.to.name, address: message.to.address }
      : message.to.address,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    ...(message.languageCode ? { headers: { "Content-Language": message.languageCode } } : {}),
    attachments: message.attachments.map((a) => ({
      filename: a.fileName,
      contentType: a.contentType,
      content: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength),
    })),
  })
    .compile()
    .build();

const notConfigured = (settings: SmtpSettings): MailTransportError | undefined =>
  !settings.smtpUrl
    ? new MailTransportError("not_configured", "No SMTP server is configured: set SMTP_URL.")
    : !settings.from
      ? new MailTransportError(
          "not_configured",
          "No sender is configured for SMTP: set MERGELINE_MAIL_FROM.",
        )
      : undefined;

/**
 * Sends through any SMTP relay (Azure Communication Services, Exchange Online, the local inbox)
 * over a pool of as many connections as the mailbox allows at once. Each line's Message-ID
 * goes out as given, so a message repeated after a crash carries the same one.
 */
export const createSmtpTransport = (settings: SmtpSettings): MailTransport => {
  const refusal = notConfigured(settings);
  const from = settings.from ?? "";
  let pool: Transporter<SMTPPool.SentMessageInfo> | undefined;
  const poolOf = (): Transporter<SMTPPool.SentMessageInfo> => {
    pool ??= createTransport(poolOptionsOf(settings.smtpUrl ?? "", settings.concurrency));
    return pool;
  };
  return {
    kind: "smtp",
    maxMessageBytes: settings.maxMessageBytes,
    async send(message, signal) {
      if (refusal) throw refusal;
      signal?.throwIfAborted();
      const raw = await compose(message, from);
      if (raw.byteLength > settings.maxMessageBytes)
        throw new MailTransportError(
          "too_large",
          `The message is ${raw.byteLength} bytes; the mailbox takes at most ${settings.maxMessageBytes}.`,
        );
      try {
        const info = await poolOf().sendMail({
          envelope: { from, to: [message.to.address] },
          raw,
        });
        return { providerId: info.response };
      } catch (error) {
        throw smtpFailureOf(error);
      }
    },
    // SMTP cannot look back; the send job's journal decides what may have gone out.
    priorAttempt: (): Promise<PriorAttempt> => Promise.resolve("none"),
    async close() {
      pool?.close();
      pool = undefined;
    },
  };
};
