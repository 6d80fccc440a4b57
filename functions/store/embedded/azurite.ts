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
  /** The Queue service's port, when it runs. */
  readonly queuePort?: number;
  close(): Promise<void>;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

const spawnService = async (
  service: "blob" | "queue",
  port: number,
  location: string | undefined,
) => {
  const bin = path.join(
    path.dirname(require.resolve("azurite/package.json")),
    "dist",
    "src",
    service,
    "main.js",
  );
  const args = [
    bin,
    `--${service}Port`,
    String(port),
    "--silent",
    "--disableTelemetry",
    "--skipApiVersionCheck",
    "--loose",
  ];
  // Blob and queue keep separate files (__azurite_db_blob__, __azurite_db_queue__) in one place.
  args.push(...(location ? ["--location", location] : ["--inMemoryPersistence"]));
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const until = Date.now() + 30_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`Azurite ${service} stopped: ${stderr}`);
    if (Date.now() > until)
      throw new Error(`Azurite ${service} did not listen on ${port} within 30 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
};

/**
 * Azurite's Blob service and, beside it, its Queue service (the send queue) as child processes:
 * persisted under `location`, or in memory for tests. Telemetry is off: no process of ours may
 * reach the internet.
 */
export const startAzurite = async (
  options: { location?: string; port?: number; queuePort?: number; queue?: boolean } = {},
): Promise<LocalAzurite> => {
  const port = options.port ?? (await freePort());
  const withQueue = options.queue ?? true;
  const queuePort = withQueue ? (options.queuePort ?? (await freePort())) : undefined;
  const closers = await Promise.all([
    spawnService("blob", port, options.location),
    ...(queuePort !== undefined ? [spawnService("queue", queuePort, options.location)] : []),
  ]);
  const account = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
  return {
    port,
    ...(queuePort !== undefined ? { queuePort } : {}),
    connectionString:
      queuePort !== undefined
        ? `${account}QueueEndpoint=http://127.0.0.1:${queuePort}/devstoreaccount1;`
        : account,
    close: async () => {
      await Promise.all(closers.map((close) => close()));
    },
  };
};
