import { MailTransportError } from "../mail-transport";
import type { HttpsAnswer } from "./https-client";

/** Retry-After in seconds or as an HTTP date, in ms from now; undefined when absent or unreadable. */
export const retryAfterMs = (header: string | undefined, now: number): number | undefined => {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

const graphError = (answer: HttpsAnswer): { code: string; message: string } => {
  try {
    const body = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } };
    return {
      code: typeof body.error?.code === "string" ? body.error.code : "",
      message: typeof body.error?.message === "string" ? body.error.message : "",
    };
  } catch {
    return { code: "", message: answer.text.slice(0, 200) };
  }
};

const recipientCodes = new Set([
  "ErrorInvalidRecipients",
  "ErrorInvalidRecipientsAddress",
  "ErrorInvalidSmtpAddress",
  "ErrorRecipientNotFound",
]);
const sizeCodes = new Set([
  "ErrorMessageSizeExceeded",
  "RequestBodyTooLarge",
  "ErrorQuotaExceeded",
]);

/** What a Graph error answer means for the send job (see MailFailureKind). */
export const graphFailure = (answer: HttpsAnswer, now: number): MailTransportError => {
  const { code, message } = graphError(answer);
  const said = `Microsoft Graph answered ${answer.status}${code ? ` ${code}` : ""}${message ? `: ${message}` : ""}`;
  const wait = retryAfterMs(answer.headers["retry-after"], now);
  if (
    answer.status === 429 ||
    ((answer.status === 503 || answer.status === 504) && wait !== undefined)
  )
    return new MailTransportError("throttled", said, wait);
  if (answer.status === 401) return new MailTransportError("auth", said);
  if (answer.status === 403)
    return new MailTransportError(
      "consent",
      `${said}. The app lacks Mail.Send for this mailbox: grant admin consent, and for a shared mailbox include it in the application access policy.`,
    );
  if (recipientCodes.has(code)) return new MailTransportError("recipient", said);
  if (answer.status === 413 || sizeCodes.has(code))
    return new MailTransportError("too_large", said);
  return new MailTransportError("transient", said);
};
