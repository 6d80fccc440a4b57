import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from "smtp-server";

/** One message as the server received it: the envelope and the parsed MIME. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
}

export interface SmtpInboxOptions {
  /** The account the server demands; without it any client may send. */
  readonly user?: string;
  readonly password?: string;
  /** The SIZE the server announces and enforces (552 above it). */
  readonly maxBytes?: number;
}

export interface SmtpInbox {
  readonly port: number;
  /** smtp://user:password@127.0.0.1:port with the account it demands. */
  readonly url: string;
  readonly received: readonly ReceivedMail[];
  /** RCPT TO this address answers `code` (550 by default). */
  rejectRecipient(address: string, code?: number, text?: string): void;
  /** The next `count` transactions answer MAIL FROM with this reply (e.g. 452, 421). */
  refuseNext(count: number, code: number, text: string): void;
  waitFor(count: number): Promise<readonly ReceivedMail[]>;
  close(): Promise<void>;
}

const replyError = (code: number, text: string): Error & { responseCode: number } =>
  Object.assign(new Error(text), { responseCode: code });

/**
 * A real SMTP server on a free loopback port (smtp-server), parsing what it accepts with
 * mailparser, so the SMTP transport is tested over the wire as a relay would see it. Plain
 * AUTH without TLS: loopback only.
 */
export const startSmtpInbox = async (options: SmtpInboxOptions = {}): Promise<SmtpInbox> => {
  const received: ReceivedMail[] = [];
  const rejected = new Map<string, { code: number; text: string }>();
  const refusals: { code: number; text: string }[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const settle = (): void => {
    for (const waiter of [...waiters]) {
      if (received.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.user ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !options.user,
    allowInsecureAuth: true,
    logger: false,
    ...(options.maxBytes ? { size: options.maxBytes } : {}),
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password)
        callback(null, { user: auth.username });
      else callback(replyError(535, "5.7.8 Authentication credentials invalid"));
    },
    onMailFrom(_address: SMTPServerAddress, _session: SMTPServerSession, callback) {
      const refusal = refusals.shift();
      if (refusal) callback(replyError(refusal.code, refusal.text));
      else callback();
    },
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback) {
      const rejection = rejected.get(address.address.toLowerCase());
      if (rejection) callback(replyError(rejection.code, rejection.text));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        // The server answers 552 itself when the stream ran over its size.
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(replyError(552, "5.3.4 Message size exceeds fixed maximum message size"));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const mailFrom = session.envelope.mailFrom;
            received.push({
              from: mailFrom ? mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
            });
            callback(null, "OK: queued");
            settle();
          },
          (error: unknown) => callback(error as Error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.on("error", () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  const account = options.user
    ? `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password ?? "")}@`
    : "";
  return {
    port,
    url: `smtp://${account}127.0.0.1:${port}`,
    received,
    rejectRecipient(address, code = 550, text = "5.1.1 No such user here") {
      rejected.set(address.toLowerCase(), { code, text });
    },
    refuseNext(count, code, text) {
      for (let i = 0; i < count; i++) refusals.push({ code, text });
    },
    waitFor(count) {
      return new Promise((resolve) => {
        waiters.push({ count, resolve: () => resolve(received) });
        settle();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
