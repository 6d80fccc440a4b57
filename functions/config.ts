import { availableParallelism } from "node:os";
import type { TokenValidationSettings } from "./auth/token-validator";

export interface AppConfig {
  readonly version: string;
  /** How access tokens are validated; there is no setting that skips it. */
  readonly auth: TokenValidationSettings;
  readonly cosmos: {
    readonly endpoint: string;
    /** Absent in Azure: the Function App's managed identity signs in (Cosmos DB data-plane RBAC). */
    readonly key: string | undefined;
    readonly databaseId: string;
    /** The embedded store and the official emulator use self-signed certificates on loopback. */
    readonly allowSelfSigned: boolean;
  };
  readonly blob: {
    readonly connectionString: string | undefined;
    /** With managed identity instead of a connection string: https://<account>.blob.core.windows.net */
    readonly endpoint?: string | undefined;
    readonly containerName: string;
  };
  /** Largest JSON body accepted, unless an endpoint sets its own. */
  readonly maxBodyBytes: number;
  /** Requests per user per minute on expensive endpoints (merge, import, log). */
  readonly expensivePerMinute: number;
  /**
   * How long a segment stays held by a criteria action or a Log whose process stopped renewing
   * its hold (a crash): after it anyone may take the segment over and finish or undo the work.
   */
  readonly segmentLeaseMs: number;
  /** Rows a contact import job writes between two saves of its progress (a cancel is seen there). */
  readonly importPageRows?: number | undefined;
  /**
   * How long a contact import job stays "running" after its process stopped renewing it (a
   * crash): after it the next read or retry ends the job failed.
   */
  readonly importLeaseMs: number;
  /**
   * How long a merge job stays "running" after its process stopped renewing it (a crash): after
   * it the next read, cancel or retry ends the job failed.
   */
  readonly mergeLeaseMs: number;
  /**
   * The threads that read, check, merge and zip letters off the event loop
   * (functions/merge/worker/), and how many of their tasks may wait before a 503.
   */
  readonly workers: { readonly size: number; readonly maxQueue: number };
  /**
   * The LibreOffice processes that convert merges to PDF (functions/convert/): how many run at
   * once, how many conversions may wait before a 503, and how long one may run before it is
   * killed; the soffice binary (MERGELINE_SOFFICE, else "soffice" on the PATH); and how many
   * letters a send job's print file merges and converts at once (memory stays bounded by it).
   */
  readonly pdf: {
    readonly size: number;
    readonly maxQueue: number;
    readonly timeoutMs: number;
    readonly soffice?: string;
    readonly printSliceLetters?: number;
  };
  /**
   * The send job (functions/delivery/job/; the mailbox's limits are in `mail`): how long a worker
   * holds a job, how long one queue message works, and the queue's storage account.
   */
  readonly sendJob: {
    readonly leaseMs: number;
    readonly sliceMs: number;
    readonly inlineWaitMs: number;
    /** The storage account of the send queue; absent: sending answers 503. */
    readonly queueConnectionString: string | undefined;
  };
  /** E-mail delivery (functions/delivery/): which transport carries it and the mailbox's limits. */
  readonly mail: MailSettings;
  /**
   * Days an ended merge, apply-template or contact import job is kept before the hourly
   * retention sweep deletes it (functions/jobs/job-retention.ts).
   */
  readonly jobRetentionDays: number;
}

export type MailTransportKind = "graph" | "smtp" | "none";

export interface MailSettings {
  readonly transport: MailTransportKind;
  /** smtp://user:pass@host:port or smtps://...; absent: SMTP sends fail as not configured. */
  readonly smtpUrl: string | undefined;
  /** The sender for SMTP (and a shared mailbox); absent: SMTP sends fail as not configured. */
  readonly from: string | undefined;
  /** The right-hand side of every Message-ID: MERGELINE_MAIL_MESSAGE_ID_DOMAIN, else the sender's domain. */
  readonly messageIdDomain: string;
  /** Exchange Online's limits by default: 30 messages a minute, 4 at once, 10,000 a day. */
  readonly perMinute: number;
  readonly concurrency: number;
  readonly perDay: number;
  /** The largest message (encoded, attachments included) the mailbox accepts. */
  readonly maxMessageBytes: number;
}

/** One core stays with the event loop that answers requests; at least one thread merges. */
export const defaultWorkerCount = (): number => Math.max(1, availableParallelism() - 1);

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`Set ${name}: the Functions app cannot start without it.`);
  return value;
};

const positiveInt = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`Set ${name} to a whole number of at least 1 (it is "${text}").`);
  return value;
};

// A bare address (a@b.c) or a display form (Name <a@b.c>); the domain needs a dot or is localhost.
const mailbox = /^(?:[^<>]*<)?([^\s@<>]+@((?:[^\s@<>.]+\.)+[^\s@<>.]+|localhost))>?$/;

const smtpUrlOf = (env: NodeJS.ProcessEnv): string | undefined => {
  const text = env["SMTP_URL"];
  if (text === undefined || text === "") return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error("Set SMTP_URL to a URL such as smtp://user:password@host:587.");
  }
  if (!["smtp:", "smtps:"].includes(url.protocol) || url.hostname === "")
    throw new Error(
      `Set SMTP_URL to an smtp:// or smtps:// URL with a host (it is ${url.protocol}//...).`,
    );
  return text;
};

const mailSettings = (env: NodeJS.ProcessEnv): MailSettings => {
  const smtpUrl = smtpUrlOf(env);
  const transport = env["MERGELINE_MAIL_TRANSPORT"] || (smtpUrl ? "smtp" : "graph");
  if (transport !== "graph" && transport !== "smtp" && transport !== "none")
    throw new Error(`Set MERGELINE_MAIL_TRANSPORT to graph, smtp or none (it is "${transport}").`);
  const from = env["MERGELINE_MAIL_FROM"] || undefined;
  const fromMatch = from === undefined ? undefined : mailbox.exec(from.trim());
  if (from !== undefined && !fromMatch)
    throw new Error(
      `Set MERGELINE_MAIL_FROM to an address such as "Marketing <news@contoso.com>" (it is "${from}").`,
    );
  const domain = env["MERGELINE_MAIL_MESSAGE_ID_DOMAIN"] || fromMatch?.[2] || "mergeline.invalid";
  if (!/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/.test(domain))
    throw new Error(`Set MERGELINE_MAIL_MESSAGE_ID_DOMAIN to a domain name (it is "${domain}").`);
  return {
    transport,
    smtpUrl,
    from: from?.trim(),
    messageIdDomain: domain.toLowerCase(),
    perMinute: positiveInt(env, "MERGELINE_MAIL_PER_MINUTE", 30),
    concurrency: positiveInt(env, "MERGELINE_MAIL_CONCURRENCY", 4),
    perDay: positiveInt(env, "MERGELINE_MAIL_PER_DAY", 10_000),
    maxMessageBytes: positiveInt(env, "MERGELINE_MAIL_MAX_BYTES", 25 * 1024 * 1024),
  };
};

const isLoopback = (url: string): boolean => {
  try {
    return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * The send queue's account: AZURE_STORAGE_QUEUE_CONNECTION_STRING, else the blob account's
 * string when it names a queue endpoint too (Azurite's blob-only string does not) or is an
 * Azure account's (no explicit endpoints).
 */
const queueConnectionOf = (env: NodeJS.ProcessEnv): string | undefined => {
  const own = env["AZURE_STORAGE_QUEUE_CONNECTION_STRING"];
  if (own) return own;
  const shared = env["AZURE_STORAGE_CONNECTION_STRING"];
  if (!shared) return undefined;
  return /QueueEndpoint=/i.test(shared) || !/BlobEndpoint=/i.test(shared) ? shared : undefined;
};

/**
 * Settings from the environment (Function App settings; the local stack sets its own). Entra ID
 * is the default issuer; the local stack points AUTH_ISSUER_TEMPLATE and AUTH_JWKS_URI at its
 * development issuer on loopback, and the same validation runs.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const endpoint = required(env, "COSMOS_ENDPOINT");
  return {
    version: env["MERGELINE_VERSION"] ?? "0.1.0",
    auth: {
      audiences: required(env, "AUTH_AUDIENCE")
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
      issuerTemplate:
        env["AUTH_ISSUER_TEMPLATE"] ?? "https://login.microsoftonline.com/{tenantid}/v2.0",
      jwksUri:
        env["AUTH_JWKS_URI"] ?? "https://login.microsoftonline.com/common/discovery/v2.0/keys",
      clockSkewSeconds: Number(env["AUTH_CLOCK_SKEW_SECONDS"] ?? 120),
    },
    cosmos: {
      endpoint,
      key: env["COSMOS_KEY"] || undefined,
      databaseId: env["COSMOS_DATABASE"] ?? "mergeline",
      allowSelfSigned: isLoopback(endpoint),
    },
    blob: {
      connectionString: env["AZURE_STORAGE_CONNECTION_STRING"],
      endpoint: env["AZURE_STORAGE_BLOB_ENDPOINT"],
      containerName: env["BLOB_CONTAINER"] ?? "documents",
    },
    maxBodyBytes: Number(env["MERGELINE_MAX_BODY_BYTES"] ?? 1_048_576),
    expensivePerMinute: Number(env["MERGELINE_EXPENSIVE_PER_MINUTE"] ?? 30),
    segmentLeaseMs: Number(env["MERGELINE_SEGMENT_LEASE_SECONDS"] ?? 120) * 1000,
    importLeaseMs: positiveInt(env, "MERGELINE_IMPORT_LEASE_SECONDS", 120) * 1000,
    mergeLeaseMs: positiveInt(env, "MERGELINE_MERGE_LEASE_SECONDS", 120) * 1000,
    importPageRows: env["MERGELINE_IMPORT_PAGE_ROWS"]
      ? Number(env["MERGELINE_IMPORT_PAGE_ROWS"])
      : undefined,
    workers: {
      size: positiveInt(env, "MERGELINE_MERGE_WORKERS", defaultWorkerCount()),
      maxQueue: positiveInt(env, "MERGELINE_MERGE_QUEUE", 64),
    },
    pdf: {
      size: positiveInt(env, "MERGELINE_PDF_CONVERTERS", 2),
      maxQueue: positiveInt(env, "MERGELINE_PDF_QUEUE", 4),
      timeoutMs: positiveInt(env, "MERGELINE_PDF_TIMEOUT_SECONDS", 300) * 1000,
      ...(env["MERGELINE_SOFFICE"] ? { soffice: env["MERGELINE_SOFFICE"] } : {}),
      printSliceLetters: positiveInt(env, "MERGELINE_PRINT_SLICE_LETTERS", 500),
    },
    sendJob: {
      leaseMs: positiveInt(env, "MERGELINE_SEND_LEASE_SECONDS", 60) * 1000,
      sliceMs: positiveInt(env, "MERGELINE_SEND_SLICE_SECONDS", 240) * 1000,
      inlineWaitMs: positiveInt(env, "MERGELINE_SEND_INLINE_WAIT_SECONDS", 15) * 1000,
      queueConnectionString: queueConnectionOf(env),
    },
    mail: mailSettings(env),
    jobRetentionDays: positiveInt(env, "MERGELINE_JOB_RETENTION_DAYS", 7),
  };
};
