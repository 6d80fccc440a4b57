import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Container } from "@azure/cosmos";
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from "../../../../functions/store/embedded/embedded-cosmos";
import {
  JOURNAL_FILE_NAME,
  JournalCorruptError,
} from "../../../../functions/store/embedded/journal";
import { connect, temporaryDataDir, type ConnectedClient } from "./embedded-client";

interface Opened {
  readonly store: EmbeddedCosmos;
  readonly connection: ConnectedClient;
  readonly container: Container;
}

const openStore = async (dataDir: string): Promise<Opened> => {
  const store = await startEmbeddedCosmos({ dataDir });
  const connection = connect(store);
  const { database } = await connection.client.databases.createIfNotExists({ id: "mergeline" });
  const { container } = await database.containers.createIfNotExists({
    id: "contacts",
    partitionKey: { paths: ["/pk"] },
  });
  return { store, connection, container };
};

const closeStore = async ({ store, connection }: Opened): Promise<void> => {
  connection.dispose();
  await store.close();
};

const ids = async (container: Container): Promise<string[]> => {
  const { resources } = await container.items
    .query<{ id: string }>("SELECT c.id FROM c")
    .fetchAll();
  return resources.map((doc) => doc.id).sort();
};

describe("embedded Cosmos DB store: damaged journal", () => {
  const dirs: string[] = [];
  const newDir = (): string => {
    const dir = temporaryDataDir();
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("ignores a torn last line, as a kill in the middle of a write leaves it", async () => {
    const dataDir = newDir();
    const journal = join(dataDir, JOURNAL_FILE_NAME);
    const first = await openStore(dataDir);
    await first.container.items.create({ id: "a", pk: "p" });
    await first.container.items.create({ id: "b", pk: "p" });
    const collectionSelf = (await first.container.read()).resource?._self ?? "";
    await closeStore(first);

    // The first bytes of a record for "torn", without the newline that completes every record.
    const whole = JSON.stringify({
      t: "put",
      p: collectionSelf,
      d: { id: "torn", pk: "p", _rid: "x", _self: "y" },
      c: 99,
    });
    appendFileSync(journal, whole.slice(0, whole.length - 9));

    const second = await openStore(dataDir);
    expect(await ids(second.container)).toEqual(["a", "b"]);
    // Compaction dropped the torn bytes, so writes after it land on a clean line.
    expect(readFileSync(journal, "utf8").endsWith("\n")).toBe(true);
    await second.container.items.create({ id: "c", pk: "p" });
    await closeStore(second);

    const third = await openStore(dataDir);
    expect(await ids(third.container)).toEqual(["a", "b", "c"]);
    await closeStore(third);
  });

  it("refuses to open over a damaged line in the middle, naming the line, and frees the lock", async () => {
    const dataDir = newDir();
    const journal = join(dataDir, JOURNAL_FILE_NAME);
    const first = await openStore(dataDir);
    await first.container.items.create({ id: "a", pk: "p" });
    await closeStore(first);

    const lines = readFileSync(journal, "utf8").split("\n");
    const good = lines.join("\n");
    lines.splice(2, 0, "{not json");
    writeFileSync(journal, lines.join("\n"));
    const failure = startEmbeddedCosmos({ dataDir });
    await expect(failure).rejects.toBeInstanceOf(JournalCorruptError);
    await expect(startEmbeddedCosmos({ dataDir })).rejects.toThrow(`${journal}:3: not JSON`);

    // Repaired, the same directory opens: the failed attempts did not leave a lock behind.
    writeFileSync(journal, good);
    const repaired = await openStore(dataDir);
    expect(await ids(repaired.container)).toEqual(["a"]);
    await closeStore(repaired);
  });
});
