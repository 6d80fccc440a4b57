import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message as the server received it. */
export interface ReceivedMail {
  readonly to: string;
  readonly subject: string;
  readonly messageId: string;
  readonly text: string;
  /** When the server had the whole message, by the clock the test gives (real by default). */
  readonly receivedAt: number;
}

export interface RecordingSmtpServer {
  readonly port: number;
  readonly url: string;
  readonly received: ReceivedMail[];
  /** The next `n` messages are refused with this SMTP code (535: bad password, 550: no such user...). */
  refuseNext(n: number, code: number, message: string): void;
  /** Refuses every login until allowed again (a wrong password). */
  setAuthFailing(failing: boolean): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (smtp-server) that parses each message (mailparser) and keeps
 * it with its receive time, for tests to count, read and pace-check what the job sent.
 */
export const startRecordingSmtpServer = async (
  options: { readonly now?: () => number; readonly user?: string; readonly pass?: string } = {},
): Promise<RecordingSmtpServer> => {
  const now = options.now ?? Date.now;
  const user = options.user ?? "mergeline";
  const pass = options.pass ?? "secret";
  const received: ReceivedMail[] = [];
  let refusals: { n: number; code: number; message: string } = { n: 0, code: 0, message: "" };
  let authFailing = false;
  const server = new SMTPServer({
    authOptional: false,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (auth, _session, callback) => {
      if (!authFailing && auth.username === user && auth.password === pass)
        return callback(null, { user });
      const error = new Error("Authentication credentials invalid") as Error & {
        responseCode: number;
      };
      error.responseCode = 535;
      return callback(error);
    },
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusals.n > 0) {
          refusals = { ...refusals, n: refusals.n - 1 };
          const error = new Error(refusals.message) as Error & { responseCode: number };
          error.responseCode = refusals.code;
          return callback(error);
        }
        const receivedAt = now();
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
            received.push({
              to: to?.value[0]?.address ?? "",
              subject: mail.subject ?? "",
              messageId: mail.messageId ?? "",
              text: mail.text ?? "",
              receivedAt,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${user}:${pass}@127.0.0.1:${port}`,
    received,
    refuseNext: (n, code, message) => {
      refusals = { n, code, message };
    },
    setAuthFailing: (failing) => {
      authFailing = failing;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
