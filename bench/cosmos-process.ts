/**
 * The embedded Cosmos DB server in a process of its own, for benchmarks of the API's event loop:
 * in Azure the store is a service elsewhere, and the embedded one's query work must not be
 * counted as the API's. Prints its endpoint and key as JSON; stops when stdin closes.
 */
import { spawn } from "node:child_process";
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from "../functions/store/embedded/embedded-cosmos";

export const startCosmosProcess = async (): Promise<EmbeddedCosmos> => {
  const child = spawn(process.execPath, ["--import", "tsx", __filename], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, MERGELINE_COSMOS_PROCESS: "1" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0] as string);
    });
    child.once("exit", (code) => reject(new Error(`the store process exited with ${code}`)));
  });
  const { endpoint, key, port } = JSON.parse(line) as {
    endpoint: string;
    key: string;
    port: number;
  };
  return {
    endpoint,
    key,
    port,
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
};

if (process.env["MERGELINE_COSMOS_PROCESS"]) {
  void startEmbeddedCosmos().then((cosmos) => {
    process.stdout.write(
      `${JSON.stringify({ endpoint: cosmos.endpoint, key: cosmos.key, port: cosmos.port })}\n`,
    );
    process.stdin.resume();
    process.stdin.once("end", () => void cosmos.close().then(() => process.exit(0)));
  });
}
