/**
 * The seam between the send job (functions/delivery/) and the services that carry mail: Microsoft
 * Graph (functions/delivery/graph/), SMTP through nodemailer (functions/delivery/smtp/). The job
 * owns pacing, the journal and retries; a transport sends one message and says exactly how it
 * failed.
 */

export interface MailAddress {
  readonly name?: string | undefined;
  readonly address: string;
}

export interface MailAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** One line's message, built once; a resend after a crash sends the same one. */
export interface MailMessage {
  /** Stable per line and tenant: Graph's extended property and the journal key. */
  readonly deliveryId: string;
  /** RFC 5322 Message-ID, with angle brackets; the same on every attempt. */
  readonly messageId: string;
  readonly to: MailAddress;
  readonly subject: string;
  readonly html: string;
  /** A plain-text alternative of html. */
  readonly text: string;
  readonly attachments: readonly MailAttachment[];
  readonly languageCode?: string | undefined;
}

/**
 * How a send failed. "throttled" and "transient" are tried again (after retryAfterMs when the
 * service said); "recipient" and "too_large" fail that line only; "auth", "consent" and
 * "not_configured" stop the whole job until someone fixes the configuration.
 */
export type MailFailureKind =
  "throttled" | "transient" | "recipient" | "too_large" | "auth" | "consent" | "not_configured";

export class MailTransportError extends Error {
  override readonly name = "MailTransportError";
  constructor(
    readonly kind: MailFailureKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** What a lookup before a resend found of an earlier attempt for the same line. */
export type PriorAttempt = "none" | "sent" | "draft";

export interface MailTransport {
  /** "none": mail is switched off (or the named transport is missing) and every send says so. */
  readonly kind: "graph" | "smtp" | "none";
  /** The largest message (attachments included) the mailbox takes, in bytes. */
  readonly maxMessageBytes: number;
  /**
   * Sends one message; resolves once the service accepted it. Throws MailTransportError.
   * An attempt for a line that may have gone out before (state "sending" after a crash) first
   * asks priorAttempt, where the transport can tell.
   */
  send(message: MailMessage, signal?: AbortSignal): Promise<{ readonly providerId?: string }>;
  /** Graph finds a line's earlier message by its extended property; SMTP cannot and answers "none". */
  priorAttempt(message: MailMessage, signal?: AbortSignal): Promise<PriorAttempt>;
  close(): Promise<void>;
}
