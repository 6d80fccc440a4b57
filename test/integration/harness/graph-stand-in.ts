import { X509Certificate, createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { generateTestCertificates } from "./test-certificates";
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  importX509,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";

/**
 * A Microsoft Graph and Entra ID stand-in over https, behaving as they document for what the
 * Graph transport uses: the token endpoint (client credentials, on-behalf-of, refresh token;
 * opaque tokens), drafts with single-value extended properties, $filter lookup in Drafts and
 * Sent Items with $expand, send (the draft moves to Sent Items and keeps or gets its
 * internetMessageId), fileAttachments, 429 with Retry-After past 4 requests in flight per
 * mailbox (MailboxConcurrency) or N messages a minute, and switches for faults.
 */

export type GraphFault =
  /** 401 InvalidAuthenticationToken on the next Graph request. */
  | "unauthorized"
  /** 403 ErrorAccessDenied on the next Graph request. */
  | "access_denied"
  /** 400 ErrorInvalidRecipients on the next send. */
  | "invalid_recipient"
  /** 500 on the next Graph request, once. */
  | "server_error"
  /** 503 with Retry-After: 1 on the next Graph request. */
  | "unavailable"
  /** The next send is carried out, then the connection is dropped without an answer. */
  | "drop_after_send"
  /** The next draft is created, then the connection is dropped without an answer. */
  | "drop_after_create"
  /** The next upload-session chunk is dropped with the connection (the upload stays unfinished). */
  | "drop_during_upload";

export interface StandInRequest {
  /** The stand-in's clock when the request arrived (epoch ms). */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  mailbox: string | undefined;
  status: number;
}

export interface StandInAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export interface StandInMessage {
  readonly id: string;
  readonly mailbox: string;
  readonly internetMessageId: string;
  readonly deliveryId: string | undefined;
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly attachments: readonly StandInAttachment[];
  readonly sentAt?: number;
}

export interface GraphStandInOptions {
  readonly concurrency?: number;
  /** Messages a mailbox may send in any 60 s; more: 429 with Retry-After. */
  readonly perMinute?: number;
  /** How long each Graph answer takes, so that requests overlap. */
  readonly latencyMs?: number;
  /** The mailbox's message size limit (Exchange Online's default is 35 MB). */
  readonly maxMessageBytes?: number;
  readonly tokenLifetimeSeconds?: number;
  /** Awaited before the stand-in answers a draft creation or an accepted send (crash tests). */
  readonly beforeAnswer?: (event: "draft_created" | "sent", mailbox: string) => Promise<void>;
}

export interface GraphStandIn {
  /** https://127.0.0.1:<port> */
  readonly origin: string;
  readonly graphBaseUrl: string;
  readonly tenantId: string;
  /** The tenant's authority: https://127.0.0.1:<port>/<tenant id> */
  readonly authority: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** PEM and path of the CA that signed the stand-in's certificate. */
  readonly caPem: string;
  readonly caPath: string;
  readonly requests: readonly StandInRequest[];
  /** Every request to the authority (anything not Graph), with the grant type of token requests. */
  readonly authorityRequests: readonly {
    readonly at: number;
    readonly method: string;
    readonly path: string;
    readonly grantType: string;
  }[];
  /** Every message sent, in order. */
  readonly sent: readonly StandInMessage[];
  drafts(mailbox: string): readonly StandInMessage[];
  /** The most Graph requests for one mailbox that were in flight at once (counting one refused). */
  peakInFlight(mailbox: string): number;
  /** A user of the tenant and the access token the add-in would have sent for them (the OBO assertion). */
  signIn(userPrincipalName: string): string;
  fault(fault: GraphFault, times?: number): void;
  /**
   * Takes signed access tokens of an API as on-behalf-of assertions, as Entra ID does for the
   * API's own app registration: the signature must verify against these keys and the audience
   * be this one; the user is the token's preferred_username.
   */
  trustAssertionsOf(keys: JSONWebKeySet, audience: string): void;
  /**
   * Revokes the user's sign-in sessions (Revoke-MgUserSignInSession): refresh tokens issued so
   * far answer invalid_grant (AADSTS50173); access tokens run to their expiry, as Entra's do.
   */
  revokeSignInSessions(userPrincipalName: string): void;
  /** Uploads a certificate (PEM) to the app registration, as a credential beside the secret. */
  registerCertificate(certificatePem: string): void;
  /** Nobody consented to Mail.Send / Mail.ReadWrite: OBO fails with AADSTS65001, app tokens lack roles. */
  withholdConsent(withheld: boolean): void;
  /** The next Graph request is answered 429 with this Retry-After (seconds). */
  throttleNext(retryAfterSeconds: number): void;
  /** Change the limits while running. */
  setLimits(limits: {
    readonly perMinute?: number;
    readonly maxMessageBytes?: number;
    readonly tokenLifetimeSeconds?: number;
    /** How long a sent message sits in the Outbox before it shows in Sent Items (0: at once). */
    readonly outboxMs?: number;
  }): void;
  /** When the last 429 for the mailbox was given and for how long (ms). */
  lastThrottle(mailbox: string): { readonly at: number; readonly retryAfterMs: number } | undefined;
  close(): Promise<void>;
}

interface Token {
  readonly kind: "app" | "user";
  readonly user?: string;
  readonly permissions: ReadonlySet<string>;
  readonly expiresAt: number;
}

interface Mailbox {
  readonly drafts: Map<string, StoredMessage>;
  readonly sentItems: Map<string, StoredMessage>;
  /** Sent, not yet in Sent Items: Exchange moves a submitted message there a moment later. */
  readonly outbox: Map<string, StoredMessage>;
  inFlight: number;
  peak: number;
  readonly sendTimes: number[];
  heldUntil: number;
  lastThrottle?: { at: number; retryAfterMs: number };
}

interface StoredMessage {
  id: string;
  internetMessageId: string;
  isDraft: boolean;
  subject: string;
  html: string;
  to: string[];
  properties: { id: string; value: string }[];
  attachments: StandInAttachment[];
  bytes: number;
  sentAt?: number;
}

const permissionsGranted = ["Mail.Send", "Mail.ReadWrite"];
const graphResource = "https://graph.microsoft.com";
const requestLimitBytes = 4 * 1024 * 1024;
const internetMessageIdPattern = /^<[^<>\s@]+@[^<>\s@]+>$/;
const addressPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

const base64url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString("base64url");

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const answer = (
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void => {
  if (res.destroyed) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { "content-type": "application/json" } : {}),
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
};

const graphError = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers = {},
) => answer(res, status, { error: { code, message } }, headers);

/** The extended-property lookup the transport sends, the only $filter this stand-in knows. */
const propertyFilter =
  /^singleValueExtendedProperties\/Any\(ep: ep\/id eq '((?:[^']|'')*)' and ep\/value eq '((?:[^']|'')*)'\)$/i;
const propertyExpand = /^singleValueExtendedProperties\(\$filter=id eq '((?:[^']|'')*)'\)$/i;
const unquote = (text: string): string => text.replace(/''/g, "'");

export const startGraphStandIn = async (
  options: GraphStandInOptions = {},
): Promise<GraphStandIn> => {
  const concurrency = options.concurrency ?? 4;
  let perMinute = options.perMinute ?? 30;
  const latencyMs = options.latencyMs ?? 0;
  let maxMessageBytes = options.maxMessageBytes ?? 35 * 1024 * 1024;
  let tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  let outboxMs = 0;

  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-stand-in-"));
  const { caPath, certificatePath, keyPath } = await generateTestCertificates(certDir, [
    "127.0.0.1",
    "localhost",
  ]);

  const tenantId = randomUUID();
  const clientId = randomUUID();
  const clientSecret = randomBytes(18).toString("base64url");
  const tokens = new Map<string, Token>();
  const refreshTokens = new Map<string, string>();
  const assertions = new Map<string, string>();
  const mailboxes = new Map<string, Mailbox>();
  const requests: StandInRequest[] = [];
  const authorityRequests: { at: number; method: string; path: string; grantType: string }[] = [];
  const sent: StandInMessage[] = [];
  const faults = new Map<GraphFault, number>();
  const uploads = new Map<
    string,
    {
      mailbox: string;
      draftId: string;
      name: string;
      contentType: string;
      size: number;
      authtoken: string;
      chunks: Buffer[];
      next: number;
    }
  >();
  const certificates: { pem: string; thumbprint: string }[] = [];
  let consentWithheld = false;
  let trustedAssertions: { readonly keys: JWTVerifyGetKey; readonly audience: string } | undefined;
  const revokedRefreshTokens = new Set<string>();

  /** A signed access token issued for the trusted API: its user, or undefined. */
  const signedAssertionUser = async (assertion: string): Promise<string | undefined> => {
    if (!trustedAssertions) return undefined;
    try {
      const { payload } = await jwtVerify(assertion, trustedAssertions.keys, {
        audience: trustedAssertions.audience,
      });
      const user = payload["preferred_username"] ?? payload["upn"];
      return typeof user === "string" ? user : undefined;
    } catch {
      return undefined;
    }
  };
  let throttleNextSeconds: number | undefined;

  const mailboxOf = (name: string): Mailbox => {
    const key = name.toLowerCase();
    let mailbox = mailboxes.get(key);
    if (!mailbox) {
      mailbox = {
        drafts: new Map(),
        sentItems: new Map(),
        outbox: new Map(),
        inFlight: 0,
        peak: 0,
        sendTimes: [],
        heldUntil: 0,
      };
      mailboxes.set(key, mailbox);
    }
    return mailbox;
  };

  const takeFault = (fault: GraphFault): boolean => {
    const left = faults.get(fault) ?? 0;
    if (left <= 0) return false;
    faults.set(fault, left - 1);
    return true;
  };

  const issue = (token: Omit<Token, "expiresAt">): string => {
    const value = randomBytes(24).toString("base64url");
    tokens.set(value, { ...token, expiresAt: Date.now() + tokenLifetimeSeconds * 1000 });
    return value;
  };

  const userTokens = (user: string) => {
    const accessToken = issue({ kind: "user", user, permissions: new Set(permissionsGranted) });
    const refreshToken = randomBytes(24).toString("base64url");
    refreshTokens.set(refreshToken, user);
    const oid = Buffer.from(user).toString("hex").slice(0, 32).padEnd(32, "0");
    const now = Math.floor(Date.now() / 1000);
    const idToken = [
      base64url({ alg: "none", typ: "JWT" }),
      base64url({
        aud: clientId,
        iss: `${origin}/${tenantId}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + tokenLifetimeSeconds,
        oid,
        tid: tenantId,
        sub: oid,
        preferred_username: user,
        name: user,
        ver: "2.0",
      }),
      "",
    ].join(".");
    return {
      token_type: "Bearer",
      scope: `${graphResource}/Mail.ReadWrite ${graphResource}/Mail.Send openid profile offline_access`,
      expires_in: tokenLifetimeSeconds,
      ext_expires_in: tokenLifetimeSeconds,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: idToken,
      client_info: base64url({ uid: oid, utid: tenantId }),
    };
  };

  const tokenError = (
    res: ServerResponse,
    status: number,
    error: string,
    code: number,
    description: string,
    suberror?: string,
  ) =>
    answer(res, status, {
      error,
      error_description: `AADSTS${code}: ${description}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
      ...(suberror ? { suberror } : {}),
    });

  /** A certificate credential: a JWT signed with a registered certificate's key, for this endpoint. */
  const clientAssertionValid = async (
    assertion: string,
    tokenEndpoint: string,
  ): Promise<boolean> => {
    try {
      const header = decodeProtectedHeader(assertion);
      const thumbprint = header["x5t#S256"];
      const certificate = certificates.find((c) => c.thumbprint === thumbprint);
      if (!certificate || typeof header.alg !== "string") return false;
      const { payload } = await jwtVerify(
        assertion,
        await importX509(certificate.pem, header.alg),
        {
          issuer: clientId,
          subject: clientId,
          audience: tokenEndpoint,
          // Entra allows clocks 5 minutes apart; MSAL dates nbf a second ahead.
          clockTolerance: 300,
        },
      );
      return typeof payload.jti === "string";
    } catch {
      return false;
    }
  };

  const handleToken = async (req: IncomingMessage, res: ServerResponse, pathName: string) => {
    const form = new URLSearchParams((await readBody(req)).toString("utf8"));
    const grantType = form.get("grant_type") ?? "";
    authorityRequests.push({ at: Date.now(), method: "POST", path: pathName, grantType });
    if (pathName !== `/${tenantId}/oauth2/v2.0/token`)
      return tokenError(
        res,
        400,
        "invalid_request",
        90002,
        `Tenant '${pathName.split("/")[1]}' not found.`,
      );
    if (form.get("client_id") !== clientId)
      return tokenError(
        res,
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${form.get("client_id")}' was not found in the directory.`,
      );
    const assertion = form.get("client_assertion");
    if (assertion !== null) {
      if (!(await clientAssertionValid(assertion, `${origin}${pathName}`)))
        return tokenError(
          res,
          401,
          "invalid_client",
          700027,
          "The certificate with identifier used to sign the client assertion is not registered on application, or the assertion is not valid.",
        );
    } else if (form.get("client_secret") !== clientSecret)
      return tokenError(res, 401, "invalid_client", 7000215, "Invalid client secret provided.");
    if (grantType === "client_credentials") {
      if (form.get("scope") !== `${graphResource}/.default`)
        return tokenError(
          res,
          400,
          "invalid_scope",
          1002012,
          "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.",
        );
      // Without admin consent Entra still issues the app a token, only without roles: Graph refuses it.
      const accessToken = issue({
        kind: "app",
        permissions: new Set(consentWithheld ? [] : permissionsGranted),
      });
      return answer(res, 200, {
        token_type: "Bearer",
        expires_in: tokenLifetimeSeconds,
        ext_expires_in: tokenLifetimeSeconds,
        access_token: accessToken,
      });
    }
    if (grantType === "urn:ietf:params:oauth:grant-type:jwt-bearer") {
      if (form.get("requested_token_use") !== "on_behalf_of")
        return tokenError(
          res,
          400,
          "invalid_request",
          900144,
          "The request body must contain the following parameter: 'requested_token_use'.",
        );
      const given = form.get("assertion") ?? "";
      const user = assertions.get(given) ?? (await signedAssertionUser(given));
      if (!user)
        return tokenError(
          res,
          400,
          "invalid_grant",
          50013,
          "Assertion failed signature validation.",
        );
      if (consentWithheld)
        return tokenError(
          res,
          400,
          "invalid_grant",
          65001,
          `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`,
          "consent_required",
        );
      return answer(res, 200, userTokens(user));
    }
    if (grantType === "refresh_token") {
      const presented = form.get("refresh_token") ?? "";
      if (revokedRefreshTokens.has(presented))
        return tokenError(
          res,
          400,
          "invalid_grant",
          50173,
          "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.",
        );
      const user = refreshTokens.get(presented);
      if (!user)
        return tokenError(
          res,
          400,
          "invalid_grant",
          700082,
          "The refresh token has expired due to inactivity.",
        );
      return answer(res, 200, userTokens(user));
    }
    return tokenError(
      res,
      400,
      "unsupported_grant_type",
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    );
  };

  const summary = (message: StoredMessage, expandId: string | undefined) => ({
    id: message.id,
    internetMessageId: message.internetMessageId,
    isDraft: message.isDraft,
    subject: message.subject,
    ...(expandId === undefined
      ? {}
      : { singleValueExtendedProperties: message.properties.filter((p) => p.id === expandId) }),
  });

  const createDraft = (
    mailboxName: string,
    body: Buffer,
    res: ServerResponse,
  ): StoredMessage | undefined => {
    if (body.length > requestLimitBytes) {
      graphError(res, 413, "RequestBodyTooLarge", "The maximum request length supported is 4MB.");
      return undefined;
    }
    let input: {
      subject?: string;
      body?: { contentType?: string; content?: string };
      toRecipients?: { emailAddress?: { address?: string } }[];
      internetMessageId?: string;
      singleValueExtendedProperties?: { id?: string; value?: string }[];
      attachments?: {
        "@odata.type"?: string;
        name?: string;
        contentType?: string;
        contentBytes?: string;
      }[];
    };
    try {
      input = JSON.parse(body.toString("utf8"));
    } catch {
      graphError(res, 400, "BadRequest", "Unable to read JSON request payload.");
      return undefined;
    }
    if (
      input.internetMessageId !== undefined &&
      !internetMessageIdPattern.test(input.internetMessageId)
    ) {
      graphError(
        res,
        400,
        "ErrorInvalidInternetMessageHeader",
        "The internet message id is not valid.",
      );
      return undefined;
    }
    const attachments: StandInAttachment[] = [];
    for (const a of input.attachments ?? []) {
      if (
        a["@odata.type"] !== "#microsoft.graph.fileAttachment" ||
        !a.name ||
        typeof a.contentBytes !== "string"
      ) {
        graphError(
          res,
          400,
          "ErrorInvalidRequest",
          "Only file attachments with a name and contentBytes are supported.",
        );
        return undefined;
      }
      attachments.push({
        name: a.name,
        contentType: a.contentType ?? "application/octet-stream",
        bytes: Buffer.from(a.contentBytes, "base64"),
      });
    }
    const html = input.body?.content ?? "";
    const message: StoredMessage = {
      id: `AAMk${randomBytes(12).toString("base64url")}`,
      internetMessageId: input.internetMessageId ?? `<${randomUUID()}@stand-in.graph.test>`,
      isDraft: true,
      subject: input.subject ?? "",
      html,
      to: (input.toRecipients ?? []).map((r) => r.emailAddress?.address ?? ""),
      properties: (input.singleValueExtendedProperties ?? []).map((p) => ({
        id: p.id ?? "",
        value: p.value ?? "",
      })),
      attachments,
      bytes: Buffer.byteLength(html) + attachments.reduce((n, a) => n + a.bytes.length, 0),
    };
    mailboxOf(mailboxName).drafts.set(message.id, message);
    return message;
  };

  const sendDraft = (mailboxName: string, id: string, res: ServerResponse): boolean => {
    const mailbox = mailboxOf(mailboxName);
    const draft = mailbox.drafts.get(id);
    if (!draft) {
      graphError(res, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
      return false;
    }
    if (
      takeFault("invalid_recipient") ||
      draft.to.length === 0 ||
      draft.to.some((a) => !addressPattern.test(a))
    ) {
      graphError(
        res,
        400,
        "ErrorInvalidRecipients",
        "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
      );
      return false;
    }
    if (draft.bytes > maxMessageBytes) {
      graphError(
        res,
        400,
        "ErrorMessageSizeExceeded",
        "The message exceeds the maximum supported size.",
      );
      return false;
    }
    const now = Date.now();
    while (mailbox.sendTimes.length > 0 && (mailbox.sendTimes[0] ?? 0) <= now - 60_000)
      mailbox.sendTimes.shift();
    if (mailbox.sendTimes.length >= perMinute) {
      const retryAfterSeconds = Math.ceil(((mailbox.sendTimes[0] ?? now) + 60_000 - now) / 1000);
      throttle(
        mailbox,
        res,
        retryAfterSeconds,
        "ApplicationThrottled",
        "Message rate exceeded for this mailbox.",
      );
      return false;
    }
    mailbox.sendTimes.push(now);
    mailbox.drafts.delete(id);
    const sentCopy: StoredMessage = {
      ...draft,
      id: `AAMk${randomBytes(12).toString("base64url")}`,
      isDraft: false,
      sentAt: now,
    };
    if (outboxMs > 0) {
      mailbox.outbox.set(sentCopy.id, sentCopy);
      setTimeout(() => {
        mailbox.outbox.delete(sentCopy.id);
        mailbox.sentItems.set(sentCopy.id, sentCopy);
      }, outboxMs).unref();
    } else mailbox.sentItems.set(sentCopy.id, sentCopy);
    sent.push({
      id: sentCopy.id,
      mailbox: mailboxName.toLowerCase(),
      internetMessageId: sentCopy.internetMessageId,
      deliveryId: sentCopy.properties[0]?.value,
      to: sentCopy.to,
      subject: sentCopy.subject,
      html: sentCopy.html,
      attachments: sentCopy.attachments,
      sentAt: now,
    });
    return true;
  };

  const throttle = (
    mailbox: Mailbox,
    res: ServerResponse,
    seconds: number,
    code: string,
    message: string,
  ) => {
    const at = Date.now();
    mailbox.heldUntil = Math.max(mailbox.heldUntil, at + seconds * 1000);
    mailbox.lastThrottle = { at, retryAfterMs: seconds * 1000 };
    graphError(res, 429, code, message, { "retry-after": String(seconds) });
  };

  const listFolder = (mailbox: Mailbox, folder: string, url: URL, res: ServerResponse) => {
    const source =
      folder === "sentitems"
        ? [...mailbox.sentItems.values()]
        : folder === "drafts"
          ? [...mailbox.drafts.values()]
          : folder === "outbox"
            ? [...mailbox.outbox.values()]
            : [
                ...mailbox.drafts.values(),
                ...mailbox.outbox.values(),
                ...mailbox.sentItems.values(),
              ];
    const filter = url.searchParams.get("$filter");
    const expand = url.searchParams.get("$expand");
    let expandId: string | undefined;
    if (expand !== null) {
      const match = propertyExpand.exec(expand);
      if (!match?.[1])
        return graphError(
          res,
          400,
          "BadRequest",
          `Parsing OData Select and Expand failed: ${expand}`,
        );
      expandId = unquote(match[1]);
    }
    let found = source;
    if (filter !== null) {
      const match = propertyFilter.exec(filter);
      if (!match?.[1] || match[2] === undefined)
        return graphError(
          res,
          400,
          "ErrorInvalidUrlQueryFilter",
          "The query filter contains one or more invalid nodes.",
        );
      const id = unquote(match[1]);
      // As Graph documents: the property's Name matches case-sensitively, its value case-insensitively.
      const value = unquote(match[2]).toLowerCase();
      found = source.filter((m) =>
        m.properties.some((p) => p.id === id && p.value.toLowerCase() === value),
      );
    }
    return answer(res, 200, { value: found.map((m) => summary(m, expandId)) });
  };

  const addAttachment = (draft: StoredMessage, body: Buffer, res: ServerResponse) => {
    if (body.length > requestLimitBytes)
      return graphError(
        res,
        413,
        "RequestBodyTooLarge",
        "The maximum request length supported is 4MB.",
      );
    const input = JSON.parse(body.toString("utf8")) as {
      "@odata.type"?: string;
      name?: string;
      contentType?: string;
      contentBytes?: string;
    };
    if (
      input["@odata.type"] !== "#microsoft.graph.fileAttachment" ||
      !input.name ||
      typeof input.contentBytes !== "string"
    )
      return graphError(
        res,
        400,
        "ErrorInvalidRequest",
        "Only file attachments with a name and contentBytes are supported.",
      );
    const bytes = Buffer.from(input.contentBytes, "base64");
    if (bytes.length > 3 * 1024 * 1024)
      return graphError(
        res,
        413,
        "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize",
        "Use an upload session for attachments over 3 MB.",
      );
    draft.attachments.push({
      name: input.name,
      contentType: input.contentType ?? "application/octet-stream",
      bytes,
    });
    draft.bytes += bytes.length;
    return answer(res, 201, {
      id: `att-${draft.attachments.length - 1}`,
      name: input.name,
      size: bytes.length,
    });
  };

  const createUploadSession = (
    mailboxName: string,
    draft: StoredMessage,
    body: Buffer,
    res: ServerResponse,
  ) => {
    const item = (
      JSON.parse(body.toString("utf8")) as {
        AttachmentItem?: {
          attachmentType?: string;
          name?: string;
          size?: number;
          contentType?: string;
        };
      }
    ).AttachmentItem;
    if (
      item?.attachmentType !== "file" ||
      !item.name ||
      typeof item.size !== "number" ||
      item.size < 1
    )
      return graphError(
        res,
        400,
        "ErrorInvalidRequest",
        "AttachmentItem needs attachmentType file, a name and a size.",
      );
    if (item.size > 150 * 1024 * 1024)
      return graphError(
        res,
        400,
        "ErrorAttachmentSizeShouldNotBeMoreThanMaximumSize",
        "The attachment exceeds 150 MB.",
      );
    const id = randomBytes(12).toString("base64url");
    const authtoken = randomBytes(18).toString("base64url");
    uploads.set(id, {
      mailbox: mailboxName,
      draftId: draft.id,
      name: item.name,
      contentType: item.contentType ?? "application/octet-stream",
      size: item.size,
      authtoken,
      chunks: [],
      next: 0,
    });
    return answer(res, 201, {
      uploadUrl: `${origin}/upload/AttachmentSessions('${id}')?authtoken=${authtoken}`,
      expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
      nextExpectedRanges: ["0-"],
    });
  };

  /** The upload URL is authorized by its own token: a bearer token there is refused, as Graph documents. */
  const handleUpload = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    record: StandInRequest,
  ) => {
    const id = /^\/upload\/AttachmentSessions\('([^']+)'\)$/.exec(url.pathname)?.[1];
    const upload = id ? uploads.get(id) : undefined;
    const body = await readBody(req);
    if (!upload || url.searchParams.get("authtoken") !== upload.authtoken || req.method !== "PUT")
      return graphError(res, 404, "ErrorItemNotFound", "The upload session does not exist.");
    if (req.headers.authorization)
      return graphError(
        res,
        401,
        "InvalidAuthenticationToken",
        "Do not send an Authorization header to an upload URL.",
      );
    record.mailbox = upload.mailbox.toLowerCase();
    const mailbox = mailboxOf(upload.mailbox);
    mailbox.inFlight += 1;
    mailbox.peak = Math.max(mailbox.peak, mailbox.inFlight);
    try {
      if (mailbox.inFlight > concurrency)
        return throttle(
          mailbox,
          res,
          1,
          "ApplicationThrottled",
          "Application is over its MailboxConcurrency limit.",
        );
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers["content-range"] ?? "");
      const [start, end, total] = [range?.[1], range?.[2], range?.[3]].map(Number);
      if (
        !range ||
        start !== upload.next ||
        total !== upload.size ||
        end === undefined ||
        body.length !== end - (start ?? 0) + 1 ||
        body.length > requestLimitBytes
      )
        return graphError(
          res,
          400,
          "InvalidContentRange",
          `Expected bytes ${upload.next}- of ${upload.size}, at most 4 MB.`,
        );
      if (takeFault("drop_during_upload")) return void res.socket?.destroy();
      upload.chunks.push(body);
      upload.next = end + 1;
      if (upload.next < upload.size)
        return answer(res, 200, {
          expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
          nextExpectedRanges: [`${upload.next}-`],
        });
      uploads.delete(id ?? "");
      const draft = mailbox.drafts.get(upload.draftId);
      if (!draft)
        return graphError(
          res,
          404,
          "ErrorItemNotFound",
          "The message of this upload session is gone.",
        );
      const bytes = Buffer.concat(upload.chunks);
      draft.attachments.push({ name: upload.name, contentType: upload.contentType, bytes });
      draft.bytes += bytes.length;
      return answer(res, 201, undefined, {
        location: `${origin}/v1.0/users/${encodeURIComponent(upload.mailbox)}/messages/${draft.id}/attachments/att-${draft.attachments.length - 1}`,
      });
    } finally {
      mailbox.inFlight -= 1;
    }
  };

  const handleGraph = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    record: StandInRequest,
  ) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer ? tokens.get(bearer) : undefined;
    const rest = url.pathname.slice("/v1.0/".length);
    const who = /^(?:users\/([^/]+)|me)(?:\/(.*))?$/.exec(rest);
    if (!token || token.expiresAt <= Date.now() || takeFault("unauthorized"))
      return graphError(
        res,
        401,
        "InvalidAuthenticationToken",
        "Access token is empty or invalid.",
      );
    if (!who)
      return graphError(res, 400, "BadRequest", `Resource not found for the segment '${rest}'.`);
    const mailboxName = who[1] !== undefined ? decodeURIComponent(who[1]) : token.user;
    if (!mailboxName)
      return graphError(
        res,
        400,
        "BadRequest",
        "/me request is only valid with delegated authentication flow.",
      );
    if (token.kind === "user" && mailboxName.toLowerCase() !== token.user?.toLowerCase())
      return graphError(
        res,
        403,
        "ErrorAccessDenied",
        "Access is denied. Check credentials and try again.",
      );
    record.mailbox = mailboxName.toLowerCase();
    const mailbox = mailboxOf(mailboxName);
    mailbox.inFlight += 1;
    mailbox.peak = Math.max(mailbox.peak, mailbox.inFlight);
    try {
      const body = await readBody(req);
      if (mailbox.inFlight > concurrency)
        return throttle(
          mailbox,
          res,
          1,
          "ApplicationThrottled",
          "Application is over its MailboxConcurrency limit.",
        );
      if (latencyMs > 0) await delay(latencyMs);
      const now = Date.now();
      if (mailbox.heldUntil > now)
        return throttle(
          mailbox,
          res,
          Math.ceil((mailbox.heldUntil - now) / 1000),
          "ApplicationThrottled",
          "Application is over its IncomingBytes limit.",
        );
      if (throttleNextSeconds !== undefined) {
        const seconds = throttleNextSeconds;
        throttleNextSeconds = undefined;
        return throttle(mailbox, res, seconds, "ApplicationThrottled", "Too many requests.");
      }
      if (takeFault("server_error")) return graphError(res, 500, "UnknownError", "");
      if (takeFault("unavailable"))
        return graphError(res, 503, "ServiceUnavailable", "Service unavailable.", {
          "retry-after": "1",
        });
      if (takeFault("access_denied"))
        return graphError(
          res,
          403,
          "ErrorAccessDenied",
          "Access is denied. Check credentials and try again.",
        );
      const action = who[2] ?? "";
      const folder = /^mailFolders(?:\('([^']+)'\)|\/([^/]+))\/messages$/i.exec(action);
      if (req.method === "GET" && (folder || action === "messages")) {
        if (!token.permissions.has("Mail.ReadWrite"))
          return graphError(
            res,
            403,
            "ErrorAccessDenied",
            "Access is denied. Check credentials and try again.",
          );
        return listFolder(mailbox, (folder?.[1] ?? folder?.[2] ?? "").toLowerCase(), url, res);
      }
      if (req.method === "POST" && action === "messages") {
        if (!token.permissions.has("Mail.ReadWrite"))
          return graphError(
            res,
            403,
            "ErrorAccessDenied",
            "Access is denied. Check credentials and try again.",
          );
        const draft = createDraft(mailboxName, body, res);
        if (!draft) return;
        await options.beforeAnswer?.("draft_created", mailboxName.toLowerCase());
        if (takeFault("drop_after_create")) return void res.socket?.destroy();
        return answer(res, 201, summary(draft, undefined));
      }
      const attachments = /^messages\/([^/]+)\/attachments(\/createUploadSession)?$/.exec(action);
      if (attachments?.[1]) {
        if (!token.permissions.has("Mail.ReadWrite"))
          return graphError(
            res,
            403,
            "ErrorAccessDenied",
            "Access is denied. Check credentials and try again.",
          );
        const draft = mailbox.drafts.get(decodeURIComponent(attachments[1]));
        if (!draft)
          return graphError(
            res,
            404,
            "ErrorItemNotFound",
            "The specified object was not found in the store.",
          );
        if (req.method === "GET" && !attachments[2])
          return answer(res, 200, {
            value: draft.attachments.map((a, n) => ({
              id: `att-${n}`,
              name: a.name,
              size: a.bytes.length,
              contentType: a.contentType,
            })),
          });
        if (req.method === "POST" && !attachments[2]) return addAttachment(draft, body, res);
        if (req.method === "POST") return createUploadSession(mailboxName, draft, body, res);
      }
      const send = /^messages\/([^/]+)\/send$/.exec(action);
      if (req.method === "POST" && send?.[1]) {
        if (!token.permissions.has("Mail.Send"))
          return graphError(
            res,
            403,
            "ErrorAccessDenied",
            "Access is denied. Check credentials and try again.",
          );
        if (!sendDraft(mailboxName, decodeURIComponent(send[1]), res)) return;
        await options.beforeAnswer?.("sent", mailboxName.toLowerCase());
        if (takeFault("drop_after_send")) return void res.socket?.destroy();
        return answer(res, 202);
      }
      return graphError(res, 400, "BadRequest", `Unsupported request ${req.method} ${action}.`);
    } finally {
      mailbox.inFlight -= 1;
    }
  };

  const keys = {
    key: fs.readFileSync(keyPath),
    cert: fs.readFileSync(certificatePath),
  };
  const sockets = new Set<Socket>();
  const server = https.createServer(keys, (req, res) => {
    const url = new URL(req.url ?? "/", origin);
    const record: StandInRequest = {
      at: Date.now(),
      method: req.method ?? "",
      path: url.pathname + url.search,
      mailbox: undefined,
      status: 0,
    };
    res.on("finish", () => (record.status = res.statusCode));
    const handled = url.pathname.startsWith("/v1.0/")
      ? (requests.push(record), handleGraph(req, res, url, record))
      : url.pathname.startsWith("/upload/")
        ? (requests.push(record), handleUpload(req, res, url, record))
        : req.method === "POST" && url.pathname.endsWith("/oauth2/v2.0/token")
          ? handleToken(req, res, url.pathname)
          : Promise.resolve(
              authorityRequests.push({
                at: Date.now(),
                method: record.method,
                path: url.pathname,
                grantType: "",
              }),
            ).then(() =>
              answer(res, 404, {
                error: "not_found",
                error_description: `The stand-in does not serve ${url.pathname}.`,
              }),
            );
    handled.catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed)
        answer(res, 500, { error: { code: "StandInFailed", message: String(error) } });
    });
  });
  server.on("secureConnection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string")
    throw new Error("The Graph stand-in did not get a port.");
  const origin = `https://127.0.0.1:${address.port}`;

  const publicMessage = (mailbox: string, m: StoredMessage): StandInMessage => ({
    id: m.id,
    mailbox,
    internetMessageId: m.internetMessageId,
    deliveryId: m.properties[0]?.value,
    to: m.to,
    subject: m.subject,
    html: m.html,
    attachments: m.attachments,
  });

  return {
    origin,
    graphBaseUrl: `${origin}/v1.0`,
    tenantId,
    authority: `${origin}/${tenantId}`,
    clientId,
    clientSecret,
    caPem: fs.readFileSync(caPath, "utf8"),
    caPath,
    requests,
    authorityRequests,
    sent,
    drafts: (mailbox) =>
      [...mailboxOf(mailbox).drafts.values()].map((m) => publicMessage(mailbox.toLowerCase(), m)),
    peakInFlight: (mailbox) => mailboxOf(mailbox).peak,
    signIn(userPrincipalName) {
      const assertion = `eyJ${randomBytes(24).toString("base64url")}`;
      assertions.set(assertion, userPrincipalName);
      return assertion;
    },
    registerCertificate(pem) {
      const raw = new X509Certificate(pem).raw;
      certificates.push({ pem, thumbprint: createHash("sha256").update(raw).digest("base64url") });
    },
    fault(fault, times = 1) {
      faults.set(fault, (faults.get(fault) ?? 0) + times);
    },
    withholdConsent(withheld) {
      consentWithheld = withheld;
    },
    trustAssertionsOf(keys, audience) {
      trustedAssertions = { keys: createLocalJWKSet(keys), audience };
    },
    revokeSignInSessions(userPrincipalName) {
      for (const [refreshToken, user] of refreshTokens)
        if (user.toLowerCase() === userPrincipalName.toLowerCase()) {
          refreshTokens.delete(refreshToken);
          revokedRefreshTokens.add(refreshToken);
        }
    },
    throttleNext(seconds) {
      throttleNextSeconds = seconds;
    },
    setLimits(limits) {
      perMinute = limits.perMinute ?? perMinute;
      maxMessageBytes = limits.maxMessageBytes ?? maxMessageBytes;
      tokenLifetimeSeconds = limits.tokenLifetimeSeconds ?? tokenLifetimeSeconds;
      outboxMs = limits.outboxMs ?? outboxMs;
    },
    lastThrottle: (mailbox) => mailboxOf(mailbox).lastThrottle,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(certDir, { recursive: true, force: true });
    },
  };
};
