import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { startEmbeddedCosmos } from "../../../../functions/store/embedded/embedded-cosmos";
import { connect, temporaryDataDir } from "./embedded-client";

const repoRoot = resolve(__dirname, "../../../..");
const writer = join(__dirname, "fixtures", "durable-writer.ts");

interface Acknowledged {
  readonly ids: Set<string>;
  readonly counter: number;
}

/** Runs the writer until it has acknowledged at least `minimum` ids, then SIGKILLs it after a random pause. */
const writeUntilKilled = (dataDir: string, round: string, minimum: number): Promise<Acknowledged> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, dataDir, round], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const ids = new Set<string>();
    let counter = 0;
    let killScheduled = false;
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      const [kind, value = ""] = line.split(" ");
      if (kind === "ack") ids.add(value);
      if (kind === "counter") counter = Number(value);
      if (!killScheduled && ids.size >= minimum) {
        killScheduled = true;
        setTimeout(() => child.kill("SIGKILL"), Math.floor(Math.random() * 300));
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolvePromise({ ids, counter });
      else reject(new Error(`writer exited with ${code ?? signal}: ${stderr}`));
    });
  });

describe("embedded Cosmos DB store: kill -9", () => {
  const dataDir = temporaryDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps every acknowledged write when the process is killed at a random moment", async () => {
    const everAcknowledged = new Set<string>();
    for (const round of ["r1", "r2", "r3"]) {
      const acknowledged = await writeUntilKilled(
        dataDir,
        round,
        100 + Math.floor(Math.random() * 300),
      );
      for (const id of acknowledged.ids) everAcknowledged.add(id);

      // The dead writer's lock is stale, so this open takes it over.
      const store = await startEmbeddedCosmos({ dataDir });
      const connection = connect(store);
      try {
        const container = connection.client.database("mergeline").container("contacts");
        const { resources } = await container.items
          .query<{ id: string; tally?: number }>("SELECT c.id, c.tally FROM c")
          .fetchAll();
        const present = new Set(resources.map((doc) => doc.id));
        const missing = [...everAcknowledged].filter((id) => !present.has(id));
        expect(missing).toEqual([]);
        // A replace acknowledged before the kill is never rolled back by the restart.
        const counter = resources.find((doc) => doc.id === "counter")?.tally ?? -1;
        expect(counter).toBeGreaterThanOrEqual(acknowledged.counter);
      } finally {
        connection.dispose();
        await store.close();
      }
    }
  }, 120_000);
});
