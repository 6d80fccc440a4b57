import { randomUUID } from "node:crypto";
import { HttpRequest } from "@azure/functions";
import { createLocalJWKSet } from "jose";
import { createAppDeps, type AppDeps } from "../../../functions/app-deps";
import type { AppConfig } from "../../../functions/config";
import type { DeliveryDeps } from "../../../functions/delivery/delivery-deps";
import { createLocalHost, type LocalHost } from "../../../functions/http/local-host";
import { createRoutes } from "../../../functions/routes";
import { startAzurite } from "../../../functions/store/embedded/azurite";
import { createDevIssuer, devAudience, type DevIssuer } from "../../../functions/auth/dev-issuer";
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from "../../../functions/store/embedded/embedded-cosmos";

export interface CallOptions {
  readonly body?: unknown;
  /** Sent as-is (e.g. a CSV text) with this content type instead of JSON. */
  readonly rawBody?: {
    readonly contentType: string;
    readonly text?: string;
    readonly bytes?: Uint8Array;
  };
  readonly headers?: Record<string, string>;
  readonly tenant?: string;
  readonly user?: string;
  /** The token's display name (`name`); none by default, as in a token without the claim. */
  readonly displayName?: string;
  /** App roles in the token; Marketer and Admin by default. */
  readonly roles?: readonly string[];
  /** Send no token at all. */
  readonly anonymous?: boolean;
  readonly ifMatch?: string;
}

export interface CallResult<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly json: T;
  readonly text: string;
  /** The body when the API answered with bytes (a .docx, a zip). */
  readonly bytes: Uint8Array | undefined;
}

export interface ApiHarness {
  readonly deps: AppDeps;
  /** Signs the tokens the calls carry; tests that probe sign-in sign their own with it. */
  readonly issuer: DevIssuer;
  readonly cosmos: EmbeddedCosmos;
  readonly host: LocalHost;
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<CallResult<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

const testIssuerBase = "https://issuer.mergeline.test";

export const testConfig = (
  cosmos: EmbeddedCosmos,
  overrides: Partial<AppConfig> = {},
): AppConfig => ({
  version: "test",
  auth: {
    audiences: [devAudience],
    issuerTemplate: `${testIssuerBase}/{tenantid}/v2.0`,
    jwksUri: `${testIssuerBase}/keys`,
    clockSkewSeconds: 120,
  },
  expensivePerMinute: 10_000,
  workers: { size: 1, maxQueue: 64 },
  pdf: { size: 2, maxQueue: 4, timeoutMs: 300_000 },
  sendJob: {
    leaseMs: 60_000,
    sliceMs: 240_000,
    inlineWaitMs: 15_000,
    queueConnectionString: undefined,
  },
  cosmos: {
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId: `db-${randomUUID().slice(0, 8)}`,
    allowSelfSigned: true,
  },
  blob: { connectionString: undefined, containerName: "documents" },
  maxBodyBytes: 1_048_576,
  segmentLeaseMs: 120_000,
  importLeaseMs: 120_000,
  mergeLeaseMs: 120_000,
  mail: {
    transport: "none",
    smtpUrl: undefined,
    from: undefined,
    messageIdDomain: "mergeline.test",
    perMinute: 30,
    concurrency: 4,
    perDay: 10_000,
    maxMessageBytes: 25 * 1024 * 1024,
  },
  jobRetentionDays: 7,
  ...overrides,
});

/**
 * The API as `npm start` serves it (route table, local host, real @azure/cosmos against the
 * embedded server), called in-process without a socket.
 */
export const startApi = async (
  overrides: Partial<AppConfig> = {},
  cosmosGiven?: EmbeddedCosmos,
  options: {
    blobs?: boolean;
    /** Azurite's queue service too, as the send queue. */
    queue?: boolean;
    /** In place of the configured transport, composer, clock... of e-mail delivery. */
    delivery?: Partial<DeliveryDeps>;
  } = {},
): Promise<ApiHarness> => {
  const cosmos = cosmosGiven ?? (await startEmbeddedCosmos());
  // Documents need Blob Storage: an in-memory Azurite, only for the tests that use it.
  const azurite =
    options.blobs || options.queue ? await startAzurite({ queue: !!options.queue }) : undefined;
  const base = testConfig(cosmos, overrides);
  const config: AppConfig =
    azurite && options.queue
      ? {
          ...base,
          sendJob: { ...base.sendJob, queueConnectionString: azurite.connectionString },
        }
      : base;
  // The same validation as production, with the test issuer's keys in place of Entra ID's.
  const issuer = await createDevIssuer(testIssuerBase);
  const created = await createAppDeps(
    azurite
      ? {
          ...config,
          blob: { connectionString: azurite.connectionString, containerName: "documents" },
        }
      : config,
    createLocalJWKSet(issuer.jwks),
  );
  const deps: AppDeps = options.delivery
    ? { ...created, delivery: { ...created.delivery, ...options.delivery } }
    : created;
  const tokens = new Map<string, string>();
  const tokenFor = async (
    tenant: string,
    user: string,
    roles: readonly string[] | undefined,
    displayName: string | undefined,
  ) => {
    const key = `${tenant}|${user}|${roles?.join(",") ?? "*"}|${displayName ?? ""}`;
    let token = tokens.get(key);
    if (!token) {
      token = await issuer.sign({
        tenant,
        user,
        ...(roles ? { roles } : {}),
        ...(displayName ? { displayName } : {}),
      });
      tokens.set(key, token);
    }
    return token;
  };
  const host = createLocalHost(
    createRoutes(async () => deps),
    {
      corsOrigins: [],
      maxBodyBytes: config.maxBodyBytes,
      // A 5xx in a test is a bug: show why.
      log: (level, ...args) => {
        if (level === "error") console.error(...args);
      },
    },
  );
  const call = async (method: string, path: string, options: CallOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (!options.anonymous && !("authorization" in headers)) {
      headers["authorization"] =
        `Bearer ${await tokenFor(options.tenant ?? "tenant-a", options.user ?? "alice@a.example", options.roles, options.displayName)}`;
    }
    if (options.ifMatch) headers["if-match"] = options.ifMatch;
    let body: string | undefined;
    let bytes: Uint8Array | undefined;
    if (options.rawBody) {
      if (options.rawBody.contentType) headers["content-type"] = options.rawBody.contentType;
      body = options.rawBody.text;
      bytes = options.rawBody.bytes;
    } else if (options.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(options.body);
    }
    const response = await host.dispatch(
      new HttpRequest({
        method,
        url: `http://localhost:7071${path}`,
        headers,
        ...(bytes !== undefined
          ? { body: { bytes } }
          : body !== undefined
            ? { body: { string: body } }
            : {}),
      }),
    );
    const responseHeaders = new Headers(response.headers as Record<string, string> | undefined);
    const text =
      response.jsonBody !== undefined
        ? JSON.stringify(response.jsonBody)
        : typeof response.body === "string"
          ? response.body
          : "";
    return {
      status: response.status ?? 200,
      headers: responseHeaders,
      json: response.jsonBody,
      text,
      bytes: response.body instanceof Uint8Array ? response.body : undefined,
    };
  };
  return {
    deps,
    issuer,
    cosmos,
    host,
    call,
    close: async () => {
      await deps.workers.close();
      await deps.pdf.close();
      await azurite?.close();
      if (!cosmosGiven) await cosmos.close();
    },
  };
};
