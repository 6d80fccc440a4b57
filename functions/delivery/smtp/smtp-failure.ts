import { MailTransportError } from "../mail-transport";

/** What nodemailer puts on an error: its own code, the server's reply and the command it was in. */
interface NodemailerFailure {
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly command?: string;
  readonly message?: string;
}

// A relay that counts messages says so in a 421 or 452 reply (Exchange Online: 4.4.2 "Message
// submission rate ... exceeded", ACS: "Too many messages"); the job waits a minute and tries again.
const throttleText = /too many|rate|exceeded|throttl|try again later|slow down/i;
const throttleWaitMs = 60_000;

const asFailure = (error: unknown): NodemailerFailure =>
  typeof error === "object" && error !== null ? (error as NodemailerFailure) : {};

/**
 * Classifies an SMTP failure for the send job: which ones to try again, which fail only this
 * line, which stop the job until someone fixes the configuration.
 */
export const smtpFailureOf = (error: unknown): MailTransportError => {
  if (error instanceof MailTransportError) return error;
  const failure = asFailure(error);
  const reply = failure.response ?? failure.message ?? String(error);
  const status = failure.responseCode;
  const command = (failure.command ?? "").toUpperCase();
  if (failure.code === "EAUTH" || status === 535 || status === 534 || status === 530)
    return new MailTransportError("auth", `The SMTP server refused the sign-in: ${reply}`);
  // nodemailer checks the SIZE the server announced before sending (EMESSAGE, no reply).
  const sizeRefused =
    status === 552 ||
    (/size|too (big|large)/i.test(reply) && ((status ?? 0) >= 500 || failure.code === "EMESSAGE"));
  if (sizeRefused)
    return new MailTransportError(
      "too_large",
      `The SMTP server refused the message's size: ${reply}`,
    );
  if ((status === 421 || status === 452) && throttleText.test(reply))
    return new MailTransportError(
      "throttled",
      `The SMTP server is throttling: ${reply}`,
      throttleWaitMs,
    );
  if (status !== undefined && status >= 400 && status < 500)
    return new MailTransportError("transient", `The SMTP server answered ${reply}`);
  if (status !== undefined && status >= 500) {
    // The sender refused (5.7.x "not allowed to send as"): the configuration, not this line.
    if (command.startsWith("MAIL"))
      return new MailTransportError("auth", `The SMTP server refused the sender: ${reply}`);
    return new MailTransportError("recipient", `The SMTP server refused the message: ${reply}`);
  }
  // No reply at all: the connection failed, timed out or closed (ECONNECTION, ETIMEDOUT, ESOCKET).
  return new MailTransportError("transient", `The SMTP server could not be reached: ${reply}`);
};
