import { spawn } from "node:child_process";
import { createConnection } from "node:net";
import { freePort } from "./free-port";
import path from "node:path";

/** Azurite's published development account key (not a secret). */
const ACCOUNT_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface LocalAzurite {
  readonly connectionString: string;
  readonly port: number;
  close(): Promise<void>;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/**
 * Azurite's Blob service as a child process: persisted under `location`, or in memory for tests.
 * Telemetry is off: no process of ours may reach the internet.
 */
export const startAzurite = async (
  options: { location?: string; port?: number } = {},
): Promise<LocalAzurite> => {
  const port = options.port ?? (await freePort());
  const bin = path.join(
    path.dirname(require.resolve("azurite/package.json")),
    "dist",
    "src",
    "blob",
    "main.js",
  );
  const args = [
    bin,
    "--blobPort",
    String(port),
    "--silent",
    "--disableTelemetry",
    "--skipApiVersionCheck",
    "--loose",
  ];
  args.push(...(options.location ? ["--location", options.location] : ["--inMemoryPersistence"]));
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const until = Date.now() + 30_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`Azurite stopped: ${stderr}`);
    if (Date.now() > until)
      throw new Error(`Azurite did not listen on ${port} within 30 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
};
