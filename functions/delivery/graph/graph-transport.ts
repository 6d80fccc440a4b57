import type { MailAttachment, MailMessage, MailTransport, PriorAttempt } from "../mail-transport";
import { MailTransportError } from "../mail-transport";
import {
  deliveryIdPropertyId,
  fileAttachmentJson,
  graphInlineAttachmentBytes,
  odataString,
  planDraft,
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
  /** Required with a delegated sender: the send job's session (see beginDelegatedSend). */
  readonly session?: DelegatedSession | undefined;
}

interface FoundMessage {
  readonly id: string;
  readonly internetMessageId?: string;
  readonly isDraft?: boolean;
}

type Prior =
  { readonly state: "none" } | { readonly state: "sent" | "draft"; readonly message: FoundMessage };

interface GraphCall {
  readonly method: "GET" | "POST" | "PUT";
  readonly url: string;
  readonly body?: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
  /** An upload session's URL carries its own authorization; a bearer token there is refused. */
  readonly bearer?: boolean;
}

/**
 * Upload-session chunks: Graph takes up to 4 MB a request; a multiple of 320 KiB, as its
 * upload sessions prefer.
 */
const uploadChunkBytes = 12 * 320 * 1024;

/**
 * Sends through Microsoft Graph exactly once per line: each message is a draft carrying the
 * line's delivery id in an extended property, and every send first looks for it, in Sent Items
 * (then it went out: nothing to do), in Drafts (an earlier attempt stopped before sending it:
 * that draft is completed and sent), then anywhere in the mailbox (the Outbox, or moved).
 * Graph's sendMail has no idempotency key; this lookup is it.
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
    request: GraphCall,
    signal: AbortSignal | undefined,
  ): Promise<HttpsAnswer> => {
    const token = await tokens.token();
    const gate = mailboxGate(token.mailboxKey, settings.concurrency);
    return gate.run(async () => {
      let answer: HttpsAnswer;
      try {
        answer = await http.request(
          {
            method: request.method,
            url: request.url,
            headers: {
              accept: "application/json",
              ...(request.bearer === false ? {} : { authorization: `Bearer ${token.accessToken}` }),
              ...(typeof request.body === "string" ? { "content-type": "application/json" } : {}),
              ...request.headers,
            },
            ...(request.body === undefined ? {} : { body: request.body }),
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

  const json = <T>(answer: HttpsAnswer): T => JSON.parse(answer.text) as T;

  /** In one well-known folder, or (folder undefined) anywhere in the mailbox. */
  const findIn = async (
    folder: "sentitems" | "drafts" | undefined,
    message: MailMessage,
    signal: AbortSignal | undefined,
  ): Promise<FoundMessage | undefined> => {
    const property = odataString(deliveryIdPropertyId);
    const query = new URLSearchParams({
      $filter: `singleValueExtendedProperties/Any(ep: ep/id eq ${property} and ep/value eq ${odataString(message.deliveryId)})`,
      $expand: `singleValueExtendedProperties($filter=id eq ${property})`,
      $select: "id,internetMessageId,isDraft",
    });
    const messages = folder ? `${root}/mailFolders('${folder}')/messages` : `${root}/messages`;
    const url = `${messages}?${query.toString().replace(/\+/g, "%20")}`;
    return json<{ value?: FoundMessage[] }>(await call({ method: "GET", url }, signal)).value?.[0];
  };

  const prior = async (message: MailMessage, signal?: AbortSignal): Promise<Prior> => {
    const sent = await findIn("sentitems", message, signal);
    if (sent) return { state: "sent", message: sent };
    const draft = await findIn("drafts", message, signal);
    if (draft) return { state: "draft", message: draft };
    // Exchange moves a submitted message to Sent Items a moment later (it waits in the Outbox),
    // and a user or a rule may move either elsewhere: the whole mailbox is the last place to look.
    const anywhere = await findIn(undefined, message, signal);
    if (anywhere) return { state: anywhere.isDraft ? "draft" : "sent", message: anywhere };
    return { state: "none" };
  };

  const upload = async (
    messageUrl: string,
    attachment: MailAttachment,
    signal: AbortSignal | undefined,
  ): Promise<void> => {
    const size = attachment.bytes.byteLength;
    const session = json<{ uploadUrl: string }>(
      await call(
        {
          method: "POST",
          url: `${messageUrl}/attachments/createUploadSession`,
          body: JSON.stringify({
            AttachmentItem: {
              attachmentType: "file",
              name: attachment.fileName,
              size,
              contentType: attachment.contentType,
            },
          }),
        },
        signal,
      ),
    );
    for (let start = 0; start < size; start += uploadChunkBytes) {
      const end = Math.min(size, start + uploadChunkBytes);
      await call(
        {
          method: "PUT",
          url: session.uploadUrl,
          bearer: false,
          headers: {
            "content-type": "application/octet-stream",
            "content-range": `bytes ${start}-${end - 1}/${size}`,
          },
          body: attachment.bytes.subarray(start, end),
        },
        signal,
      );
    }
  };

  /**
   * Adds the attachments the create request could not carry. A draft found after a crash may
   * hold some of them already (by name); an upload cut off halfway left nothing and starts over.
   */
  const completeDraft = async (
    draftId: string,
    later: readonly MailAttachment[],
    signal: AbortSignal | undefined,
  ): Promise<void> => {
    if (later.length === 0) return;
    const messageUrl = `${root}/messages/${encodeURIComponent(draftId)}`;
    const present = new Map<string, number>();
    const listed = json<{ value?: { name?: string }[] }>(
      await call({ method: "GET", url: `${messageUrl}/attachments?$select=name,size` }, signal),
    );
    for (const { name } of listed.value ?? [])
      if (name) present.set(name, (present.get(name) ?? 0) + 1);
    for (const attachment of later) {
      const count = present.get(attachment.fileName) ?? 0;
      if (count > 0) {
        present.set(attachment.fileName, count - 1);
        continue;
      }
      if (attachment.bytes.byteLength <= graphInlineAttachmentBytes)
        await call(
          {
            method: "POST",
            url: `${messageUrl}/attachments`,
            body: JSON.stringify(fileAttachmentJson(attachment)),
          },
          signal,
        );
      else await upload(messageUrl, attachment, signal);
    }
  };

  return {
    kind: "graph",
    maxMessageBytes: settings.maxMessageBytes,
    async priorAttempt(message, signal): Promise<PriorAttempt> {
      return (await prior(message, signal)).state;
    },
    async send(message, signal) {
      const plan = planDraft(message);
      const tooLarge = tooLargeForGraph(message, plan, settings.maxMessageBytes);
      if (tooLarge) throw new MailTransportError("too_large", tooLarge);
      const earlier = await prior(message, signal);
      if (earlier.state === "sent")
        return { providerId: earlier.message.internetMessageId ?? message.messageId };
      const draft =
        earlier.state === "draft"
          ? earlier.message
          : json<FoundMessage>(
              await call({ method: "POST", url: `${root}/messages`, body: plan.json }, signal),
            );
      await completeDraft(draft.id, plan.later, signal);
      await call(
        { method: "POST", url: `${root}/messages/${encodeURIComponent(draft.id)}/send`, body: "" },
        signal,
      );
      return { providerId: draft.internetMessageId ?? message.messageId };
    },
    async close() {
      http.close();
    },
  };
};
