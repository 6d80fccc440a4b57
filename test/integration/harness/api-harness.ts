import { randomUUID } from "node:crypto";
import { HttpRequest } from "@azure/functions";
import { createAppDeps, type AppDeps } from "../../../functions/app-deps";
import type { AppConfig } from "../../../functions/config";
import { createLocalHost, type LocalHost } from "../../../functions/http/local-host";
import { createRoutes } from "../../../functions/routes";
import { startAzurite } from "../../../functions/store/embedded/azurite";
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
  /** Send no identity at all. */
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
  readonly cosmos: EmbeddedCosmos;
  readonly host: LocalHost;
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<CallResult<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export const testConfig = (
  cosmos: EmbeddedCosmos,
  overrides: Partial<AppConfig> = {},
): AppConfig => ({
  mode: "development",
  version: "test",
  cosmos: {
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId: `db-${randomUUID().slice(0, 8)}`,
    allowSelfSigned: true,
  },
  blob: { connectionString: undefined, containerName: "documents" },
  maxBodyBytes: 1_048_576,
  ...overrides,
});

/**
 * The API as `npm start` serves it (route table, local host, real @azure/cosmos against the
 * embedded server), called in-process without a socket.
 */
export const startApi = async (
  overrides: Partial<AppConfig> = {},
  cosmosGiven?: EmbeddedCosmos,
  options: { blobs?: boolean } = {},
): Promise<ApiHarness> => {
  const cosmos = cosmosGiven ?? (await startEmbeddedCosmos());
  // Documents need Blob Storage: an in-memory Azurite, only for the tests that use it.
  const azurite = options.blobs ? await startAzurite() : undefined;
  const config = testConfig(cosmos, overrides);
  const deps = await createAppDeps(
    azurite
      ? {
          ...config,
          blob: { connectionString: azurite.connectionString, containerName: "documents" },
        }
      : config,
  );
  const host = createLocalHost(
    createRoutes(async () => deps),
    {
      corsOrigins: [],
      // A 5xx in a test is a bug: show why.
      log: (level, ...args) => {
        if (level === "error") console.error(...args);
      },
    },
  );
  const call = async (method: string, path: string, options: CallOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (!options.anonymous) {
      headers["x-mergeline-dev-identity"] =
        `tenant=${options.tenant ?? "tenant-a"}; user=${options.user ?? "alice@a.example"}`;
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
    cosmos,
    host,
    call,
    close: async () => {
      await azurite?.close();
      if (!cosmosGiven) await cosmos.close();
    },
  };
};
