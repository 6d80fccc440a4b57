import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

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
