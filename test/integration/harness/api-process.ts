import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createAppDeps, type AppDeps } from "../../../functions/app-deps";
import { loadConfig } from "../../../functions/config";
import { EMULATOR_KEY } from "../../../functions/store/embedded/embedded-cosmos";

const root = path.resolve(__dirname, "../../..");

/** The API as `npm start -- --api-only` runs it, in a child process of its own on a real port. */
export interface ApiProcess {
  readonly child: ChildProcess;
  /** http://127.0.0.1:<port>/api */
  readonly url: string;
  readonly exited: Promise<void>;
  /** Everything it printed so far (stdout and stderr). */
  readonly output: () => string;
}

/**
 * Starts the local stack's API (embedded store and API only, no demo seed) on `dataDir`, with
 * free ports, and resolves once it says it is ready; a process that exits first rejects with
 * what it printed.
 */
export const startApiProcess = (
  dataDir: string,
  env: Readonly<Record<string, string>> = {},
): Promise<ApiProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...["--import", "tsx", "scripts/start.ts", "--api-only", "--no-seed"],
        ...["--data-dir", dataDir, "--api-port", "0", "--cosmos-port", "0"],
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } },
    );
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /API ready on (http:\/\/\S+)/.exec(out);
      if (ready?.[1]) resolve({ child, url: ready[1], exited, output: () => out });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the API exited with ${code}:\n${out}`)));
  });

/** kill -9, and wait until the process is gone. */
export const killApiProcess = async (api: ApiProcess): Promise<void> => {
  api.child.kill("SIGKILL");
  await api.exited;
};

/** After a test file: every process it started that still runs is killed, and waited for. */
export const stopApiProcesses = async (started: readonly ApiProcess[]): Promise<void> => {
  for (const api of started)
    if (api.child.exitCode === null && api.child.signalCode === null) await killApiProcess(api);
};

/** Authorization headers with a token from the process's development issuer, as the pane gets one. */
export const signInTo = async (
  api: ApiProcess,
  tenant: string,
  user: string,
): Promise<Record<string, string>> => {
  const issued = await fetch(api.url.replace(/\/api$/, "/dev-issuer/token"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant, user }),
  });
  const { access_token } = (await issued.json()) as { access_token: string };
  return { authorization: `Bearer ${access_token}` };
};

/** One request as a signed-in user: a JSON body, or a CSV one; the status and the parsed answer. */
export type ApiProcessCaller = <T = Record<string, unknown>>(
  method: string,
  pathAndQuery: string,
  options?: { body?: unknown; csv?: string; ifMatch?: string },
) => Promise<{ status: number; json: T }>;

/** `user` of `tenant`, signed in at the process's development issuer, calling its API. */
export const callerOf = async (
  api: ApiProcess,
  tenant: string,
  user: string,
): Promise<ApiProcessCaller> => {
  const authorization = await signInTo(api, tenant, user);
  return async <T>(
    method: string,
    pathAndQuery: string,
    options: { body?: unknown; csv?: string; ifMatch?: string } = {},
  ) => {
    const headers: Record<string, string> = { ...authorization };
    if (options.ifMatch) headers["if-match"] = options.ifMatch;
    let body: string | undefined;
    if (options.csv !== undefined) {
      headers["content-type"] = "text/csv";
      body = options.csv;
    } else if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const res = await fetch(`${api.url}${pathAndQuery}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : {}) as T };
  };
};

/** The answer of a request that must succeed; anything else throws with what the API said. */
export const okFrom = async <T = Record<string, unknown>>(
  call: ApiProcessCaller,
  method: string,
  pathAndQuery: string,
  options: { body?: unknown; csv?: string; ifMatch?: string } = {},
): Promise<T> => {
  const res = await call<T>(method, pathAndQuery, options);
  if (res.status >= 300)
    throw new Error(`${method} ${pathAndQuery}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
};

/** Reads until `done` holds, every 20 ms (the test's own timeout bounds it). */
export const readUntil = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> => {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/**
 * Another instance of the app on the process's store, as the Functions host runs the timer
 * trigger beside the instances that answer HTTP: its own deps (and clock) on the embedded
 * Cosmos DB the process serves, configured from the environment as the process is.
 */
export const appBeside = async (
  api: ApiProcess,
): Promise<{ readonly deps: AppDeps; close(): Promise<void> }> => {
  // Printed just after "API ready".
  const endpoint = await readUntil(
    async () => /embedded at (https:\/\/[^,\s]+)/.exec(api.output())?.[1],
    (found) => found !== undefined,
  );
  const deps = await createAppDeps(
    loadConfig({
      ...process.env,
      COSMOS_ENDPOINT: endpoint ?? "",
      COSMOS_KEY: EMULATOR_KEY,
      AUTH_AUDIENCE: "api://mergeline",
    }),
  );
  return {
    deps,
    close: async () => {
      await deps.workers.close();
      await deps.pdf.close();
    },
  };
};
