import { X509Certificate, createHash } from "node:crypto";
import fs from "node:fs";
import { MailTransportError } from "../mail-transport";

/** How the app proves who it is to Entra ID. A certificate is what Microsoft recommends in production. */
export type GraphCredential =
  | { readonly kind: "secret"; readonly secret: string }
  | {
      readonly kind: "certificate";
      readonly privateKeyPem: string;
      /** SHA-256 thumbprint of the certificate, hex. */
      readonly thumbprintSha256: string;
      /** The public certificate (PEM), sent as x5c for subject name / issuer authentication. */
      readonly certificatePem: string;
    };

/**
 * Who the mail goes out as. "shared": one mailbox (application permission Mail.Send, scoped to
 * it by an Exchange application access policy or RBAC for Applications); "delegated": the
 * marketer who started the send, through the on-behalf-of flow and delegated Mail.Send.
 */
export type GraphSender =
  { readonly kind: "shared"; readonly mailbox: string } | { readonly kind: "delegated" };

export interface GraphSettings {
  /** e.g. https://login.microsoftonline.com/<tenant id>; MSAL talks to this host only. */
  readonly authority: string;
  readonly clientId: string;
  readonly credential: GraphCredential;
  readonly sender: GraphSender;
  /** https://graph.microsoft.com/v1.0, or a national cloud's; tests point it at the stand-in. */
  readonly baseUrl: string;
  /** The resource whose scopes the app asks for (https://graph.microsoft.com). */
  readonly resource: string;
  /** Requests in flight per mailbox (Graph allows 4). */
  readonly concurrency: number;
  readonly requestTimeoutMs: number;
  /**
   * The largest message (body and attachments) the mailbox takes: Exchange Online's default is
   * 35 MB, an admin can raise it to 150 MB.
   */
  readonly maxMessageBytes: number;
  /**
   * An extra certificate authority (PEM) to trust for the authority and Graph: a TLS-inspecting
   * proxy, or the tests' stand-in. Absent: the system's trust store only.
   */
  readonly trustedCaPem?: string | undefined;
}

export const defaultGraphBaseUrl = "https://graph.microsoft.com/v1.0";
export const defaultGraphResource = "https://graph.microsoft.com";
/** Microsoft Graph's MailboxConcurrency limit. */
export const graphMailboxConcurrency = 4;
const megabyte = 1024 * 1024;
export const exchangeDefaultMessageBytes = 35 * megabyte;
/** The most Graph takes through attachment upload sessions. */
export const graphMaxMessageBytes = 150 * megabyte;

const notConfigured = (message: string): MailTransportError =>
  new MailTransportError("not_configured", message);

const httpsUrl = (name: string, text: string): string => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw notConfigured(`Set ${name} to an https URL (it is "${text}").`);
  }
  if (url.protocol !== "https:")
    throw notConfigured(
      `Set ${name} to an https URL: Entra ID and Graph take tokens over https only.`,
    );
  return text.replace(/\/+$/, "");
};

const wholeNumber = (
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  max: number,
): number => {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw notConfigured(`Set ${name} to a whole number from 1 to ${max} (it is "${text}").`);
  return value;
};

const readFile = (name: string, path: string): string => {
  try {
    return fs.readFileSync(path, "utf8");
  } catch {
    throw notConfigured(`${name} names ${path}, which cannot be read.`);
  }
};

const pemBlock = (pem: string, label: RegExp): string | undefined =>
  new RegExp(`-----BEGIN ${label.source}-----[\\s\\S]+?-----END ${label.source}-----`).exec(
    pem,
  )?.[0];

/** A PEM file holding the private key and its certificate, as Key Vault exports one. */
const certificateCredential = (path: string): GraphCredential => {
  const pem = readFile("GRAPH_CLIENT_CERTIFICATE_PATH", path);
  const privateKeyPem = pemBlock(pem, /(?:RSA |EC )?PRIVATE KEY/);
  const certificatePem = pemBlock(pem, /CERTIFICATE/);
  if (!privateKeyPem || !certificatePem)
    throw notConfigured(
      "GRAPH_CLIENT_CERTIFICATE_PATH must name one PEM file with both the private key and the certificate.",
    );
  const certificate = new X509Certificate(certificatePem);
  return {
    kind: "certificate",
    privateKeyPem,
    certificatePem,
    thumbprintSha256: createHash("sha256").update(certificate.raw).digest("hex"),
  };
};

/**
 * The Graph transport's settings from the environment (Function App settings). Every problem
 * names the variable, and surfaces on the send job as "not_configured".
 */
export const loadGraphSettings = (env: NodeJS.ProcessEnv = process.env): GraphSettings => {
  const tenant = env["GRAPH_TENANT_ID"];
  const authorityText =
    env["GRAPH_AUTHORITY"] || (tenant ? `https://login.microsoftonline.com/${tenant}` : undefined);
  if (!authorityText)
    throw notConfigured(
      "Set GRAPH_TENANT_ID (or GRAPH_AUTHORITY) to send through Microsoft Graph.",
    );
  const clientId = env["GRAPH_CLIENT_ID"];
  if (!clientId) throw notConfigured("Set GRAPH_CLIENT_ID: the app registration's client id.");
  const secret = env["GRAPH_CLIENT_SECRET"];
  const certificatePath = env["GRAPH_CLIENT_CERTIFICATE_PATH"];
  if (secret && certificatePath)
    throw notConfigured("Set GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE_PATH, not both.");
  if (!secret && !certificatePath)
    throw notConfigured("Set GRAPH_CLIENT_CERTIFICATE_PATH (or GRAPH_CLIENT_SECRET).");
  const credential: GraphCredential = certificatePath
    ? certificateCredential(certificatePath)
    : { kind: "secret", secret: secret ?? "" };

  const mailbox = env["GRAPH_MAILBOX"];
  const senderKind = env["GRAPH_SENDER"] || (mailbox ? "shared" : "delegated");
  let sender: GraphSender;
  if (senderKind === "shared") {
    if (!mailbox || !/^[^\s@/]+@[^\s@/]+$/.test(mailbox))
      throw notConfigured(
        "Set GRAPH_MAILBOX to the shared mailbox's address (GRAPH_SENDER=shared).",
      );
    sender = { kind: "shared", mailbox };
  } else if (senderKind === "delegated") {
    sender = { kind: "delegated" };
  } else {
    throw notConfigured(`Set GRAPH_SENDER to shared or delegated (it is "${senderKind}").`);
  }

  const caPath = env["GRAPH_TLS_CA_PATH"];
  return {
    authority: httpsUrl("GRAPH_AUTHORITY", authorityText),
    clientId,
    credential,
    sender,
    baseUrl: httpsUrl("GRAPH_BASE_URL", env["GRAPH_BASE_URL"] || defaultGraphBaseUrl),
    resource: httpsUrl("GRAPH_RESOURCE", env["GRAPH_RESOURCE"] || defaultGraphResource),
    concurrency: wholeNumber(
      env,
      "MERGELINE_MAIL_CONCURRENCY",
      graphMailboxConcurrency,
      graphMailboxConcurrency,
    ),
    requestTimeoutMs: wholeNumber(env, "GRAPH_REQUEST_TIMEOUT_SECONDS", 60, 600) * 1000,
    maxMessageBytes: wholeNumber(
      env,
      "GRAPH_MAX_MESSAGE_BYTES",
      exchangeDefaultMessageBytes,
      graphMaxMessageBytes,
    ),
    trustedCaPem: caPath ? readFile("GRAPH_TLS_CA_PATH", caPath) : undefined,
  };
};
