import type { MailSettings } from "../config";
import { MailTransportError, type MailTransport } from "./mail-transport";
import { createSmtpTransport } from "./smtp/smtp-transport";

/** A stack with mail switched off: every send says so, and the job shows it as its problem. */
const createNoTransport = (settings: MailSettings, why: string): MailTransport => ({
  kind: "none",
  maxMessageBytes: settings.maxMessageBytes,
  send: () => Promise.reject(new MailTransportError("not_configured", why)),
  priorAttempt: () => Promise.resolve("none"),
  close: () => Promise.resolve(),
});

/** The transport the configuration names (MERGELINE_MAIL_TRANSPORT). */
export const createMailTransport = (settings: MailSettings): MailTransport => {
  switch (settings.transport) {
    case "smtp":
      return createSmtpTransport(settings);
    case "none":
      return createNoTransport(
        settings,
        "E-mail is switched off: set MERGELINE_MAIL_TRANSPORT to graph or smtp.",
      );
    case "graph":
      // graph15 adds the Microsoft Graph transport here.
      return createNoTransport(settings, "The Microsoft Graph transport is not available yet.");
  }
};
