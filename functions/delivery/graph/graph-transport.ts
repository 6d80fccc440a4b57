import type { MailMessage, MailTransport, PriorAttempt } from "../mail-transport";
import { MailTransportError } from "../mail-transport";
import {
  deliveryIdPropertyId,
  graphDraft,
  graphInlineAttachmentBytes,
  odataString,
  tooLargeForGraph,
} from "./graph-draft";
import { graphFailure } from "./graph-errors";
import type { GraphSettings } from "./graph-settings";
import {
  appTokenSource,
  delegatedTokenSource,
  type DelegatedSession,
  type GraphTokenSource,
} from "./graph-tokens";
import { HttpsConnectionError, createHttpsClient, type HttpsAnswer } from "./https-client";
import { mailboxGate } from "./mailbox-gate";

export interface GraphTransportOptions {
  /** Required with a delegated sender: the send job's session (see beginDelegatedSession). */
  readonly session?: DelegatedSession | undefined;
}

interface FoundMessage {
  readonly id: string;
  readonly internetMessageId?: string;
}

type Prior =
  { readonly state: "none" } | { readonly state: "sent" | "draft"; readonly message: FoundMessage };

/**
 * Sends through Microsoft Graph exactly once per line: each message is a draft carrying the
 * line's delivery id in an extended property, and every send first looks for it, in Sent Items
 * (then it went out: nothing to do) and in Drafts (an earlier attempt stopped before sending it:
 * that draft is sent). Graph's sendMail has no idempotency key; this lookup is the key.
 */
export const createGraphTransport = (
  settings: GraphSettings,
  options: GraphTransportOptions = {},
): MailTransport => {
  const http = createHttpsClient({
    timeoutMs: settings.requestTimeoutMs,
    trustedCaPem: settings.trustedCaPem,
  });
  let tokens: GraphTokenSource;
  let root: string;
  if (settings.sender.kind === "shared") {
    tokens = appTokenSource(settings, http, settings.sender.mailbox);
    root = `${settings.baseUrl}/users/${encodeURIComponent(settings.sender.mailbox)}`;
  } else {
    if (!options.session)
      throw new MailTransportError(
        "not_configured",
        "A delegated Graph send needs the send job's session (its key and token cache).",
      );
    tokens = delegatedTokenSource(settings, http, options.session);
    root = `${settings.baseUrl}/me`;
  }

  const call = async (
    method: "GET" | "POST",
    url: string,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<HttpsAnswer> => {
    const token = await tokens.token();
    const gate = mailboxGate(token.mailboxKey, settings.concurrency);
    return gate.run(async () => {
      let answer: HttpsAnswer;
      try {
        answer = await http.request(
          {
            method,
            url,
            headers: {
              authorization: `Bearer ${token.accessToken}`,
              accept: "application/json",
              ...(body === undefined ? {} : { "content-type": "application/json" }),
            },
            ...(body === undefined ? {} : { body }),
          },
          signal,
        );
      } catch (error) {
        if (error instanceof HttpsConnectionError)
          throw new MailTransportError("transient", `Microsoft Graph: ${error.message}`);
        throw error;
      }
      if (answer.status >= 400) {
        const failure = graphFailure(answer, Date.now());
        if (failure.kind === "throttled" && failure.retryAfterMs !== undefined)
          gate.holdUntil(Date.now() + failure.retryAfterMs);
        throw failure;
      }
      return answer;
    });
  };

  const findIn = async (
    folder: "sentitems" | "drafts",
    message: MailMessage,
    signal: AbortSignal | undefined,
  ): Promise<FoundMessage | undefined> => {
    const property = odataString(deliveryIdPropertyId);
    const query = new URLSearchParams({
      $filter: `singleValueExtendedProperties/Any(ep: ep/id eq ${property} and ep/value eq ${odataString(message.deliveryId)})`,
      $expand: `singleValueExtendedProperties($filter=id eq ${property})`,
      $select: "id,internetMessageId,isDraft",
    });
    const answer = await call(
      "GET",
      `${root}/mailFolders('${folder}')/messages?${query.toString().replace(/\+/g, "%20")}`,
      undefined,
      signal,
    );
    const { value } = JSON.parse(answer.text) as { value?: FoundMessage[] };
    return value?.[0];
  };

  const prior = async (message: MailMessage, signal?: AbortSignal): Promise<Prior> => {
    const sent = await findIn("sentitems", message, signal);
    if (sent) return { state: "sent", message: sent };
    const draft = await findIn("drafts", message, signal);
    if (draft) return { state: "draft", message: draft };
    return { state: "none" };
  };

  return {
    kind: "graph",
    maxMessageBytes: graphInlineAttachmentBytes,
    async priorAttempt(message, signal): Promise<PriorAttempt> {
      return (await prior(message, signal)).state;
    },
    async send(message, signal) {
      const draftJson = graphDraft(message);
      const tooLarge = tooLargeForGraph(message, draftJson);
      if (tooLarge) throw new MailTransportError("too_large", tooLarge);
      const earlier = await prior(message, signal);
      if (earlier.state === "sent")
        return { providerId: earlier.message.internetMessageId ?? message.messageId };
      const draft =
        earlier.state === "draft"
          ? earlier.message
          : (JSON.parse(
              (await call("POST", `${root}/messages`, draftJson, signal)).text,
            ) as FoundMessage);
      await call("POST", `${root}/messages/${encodeURIComponent(draft.id)}/send`, "", signal);
      return { providerId: draft.internetMessageId ?? message.messageId };
    },
    async close() {
      http.close();
    },
  };
};
