import type { RuntimeMode } from "./http/identity";

export interface AppConfig {
  readonly mode: RuntimeMode;
  readonly version: string;
  readonly cosmos: {
    readonly endpoint: string;
    readonly key: string;
    readonly databaseId: string;
    /** The embedded store and the official emulator use self-signed certificates on loopback. */
    readonly allowSelfSigned: boolean;
  };
  readonly blob: { readonly connectionString: string | undefined; readonly containerName: string };
  /** Largest JSON body accepted, unless an endpoint sets its own. */
  readonly maxBodyBytes: number;
}

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`Set ${name}: the Functions app cannot start without it.`);
  return value;
};

const isLoopback = (url: string): boolean => {
  try {
    return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * Development mode (which honours the development identity header) is opt-in by an explicit
 * variable that only the local stack sets; a deployed app without it is production.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const endpoint = required(env, "COSMOS_ENDPOINT");
  return {
    mode: env["MERGELINE_ENV"] === "development" ? "development" : "production",
    version: env["MERGELINE_VERSION"] ?? "0.1.0",
    cosmos: {
      endpoint,
      key: required(env, "COSMOS_KEY"),
      databaseId: env["COSMOS_DATABASE"] ?? "mergeline",
      allowSelfSigned: isLoopback(endpoint),
    },
    blob: {
      connectionString: env["AZURE_STORAGE_CONNECTION_STRING"],
      containerName: env["BLOB_CONTAINER"] ?? "documents",
    },
    maxBodyBytes: Number(env["MERGELINE_MAX_BODY_BYTES"] ?? 1_048_576),
  };
};
