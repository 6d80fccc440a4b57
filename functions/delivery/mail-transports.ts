import type { MailSettings } from "../config";
import { MailTransportError, type MailTransport } from "./mail-transport";
import { createGraphTransportFromEnv } from "./graph/graph-transport-from-env";
import { createSmtpTransport } from "./smtp/smtp-transport";

/** A stack with mail switched off: every send says so, and the job shows it as its problem. */
const createNoTransport = (settings: MailSettings, why: string): MailTransport => ({
  kind: "none",
  maxMessageBytes: settings.maxMessageBytes,
  send: () => Promise.reject(new MailTransportError("not_configured", why)),
  priorAttempt: () => Promise.resolve("none"),
  close: () => Promise.resolve(),
});

/**
 * Graph from the queue's worker sends from the shared mailbox (GRAPH_MAILBOX, application
 * permission). Sending as the marketer (delegated) needs the job's own token session, which the
 * send job does not keep yet: that configuration shows as the job's problem instead of sending.
 */
const createGraphFromEnv = (settings: MailSettings, env: NodeJS.ProcessEnv): MailTransport => {
  try {
    return createGraphTransportFromEnv(env);
  } catch (error) {
    if (!(error instanceof MailTransportError)) throw error;
    const delegated = /session/.test(error.message);
    return createNoTransport(
      settings,
      delegated
        ? "Sending as the signed-in marketer (GRAPH_SENDER=delegated) is not available to the send queue yet: set GRAPH_MAILBOX to send from a shared mailbox."
        : error.message,
    );
  }
};

/** The transport the configuration names (MERGELINE_MAIL_TRANSPORT). */
export const createMailTransport = (
  settings: MailSettings,
  env: NodeJS.ProcessEnv = process.env,
): MailTransport => {
  switch (settings.transport) {
    case "smtp":
      return createSmtpTransport(settings);
    case "none":
      return createNoTransport(
        settings,
        "E-mail is switched off: set MERGELINE_MAIL_TRANSPORT to graph or smtp.",
      );
    case "graph":
      return createGraphFromEnv(settings, env);
  }
};
