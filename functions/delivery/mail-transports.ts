import type { MailSettings } from "../config";
import { MailTransportError, type MailTransport } from "./mail-transport";
import { createDelegatedSending, type DelegatedSending } from "./graph/delegated-send";
import { loadGraphSettings, type GraphSettings } from "./graph/graph-settings";
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
 * Graph from the queue's worker, for the whole process: the shared mailbox (GRAPH_MAILBOX,
 * application permission). Sending as the marketer (delegated) is per job (delegatedSendingFromEnv);
 * a configuration problem shows as the job's problem instead of sending.
 */
const createGraphFromEnv = (settings: MailSettings, env: NodeJS.ProcessEnv): MailTransport => {
  try {
    return createGraphTransportFromEnv(env);
  } catch (error) {
    if (!(error instanceof MailTransportError)) throw error;
    return createNoTransport(settings, error.message);
  }
};

/**
 * Graph with GRAPH_SENDER=delegated (or no GRAPH_MAILBOX): each send job sends as the marketer
 * who started it. Undefined for any other configuration, or one that does not load (the job then
 * shows that problem).
 */
export const delegatedSendingFromEnv = (
  settings: MailSettings,
  env: NodeJS.ProcessEnv = process.env,
): DelegatedSending | undefined => {
  if (settings.transport !== "graph") return undefined;
  let graph: GraphSettings;
  try {
    graph = loadGraphSettings(env);
  } catch (error) {
    if (error instanceof MailTransportError) return undefined;
    throw error;
  }
  return graph.sender.kind === "delegated" ? createDelegatedSending(graph) : undefined;
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
