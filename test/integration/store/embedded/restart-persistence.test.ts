import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import type { Container, ItemDefinition, OperationInput } from "@azure/cosmos";
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from "../../../../functions/store/embedded/embedded-cosmos";
import { JOURNAL_FILE_NAME } from "../../../../functions/store/embedded/journal";
import {
  EmbeddedStoreLockedError,
  LOCK_FILE_NAME,
} from "../../../../functions/store/embedded/store-lock";
import { connect, temporaryDataDir, type ConnectedClient } from "./embedded-client";

interface Contact extends ItemDefinition {
  readonly id: string;
  readonly pk: string;
  readonly name: string;
  readonly version?: number;
}

const open: Array<{ store: EmbeddedCosmos; connection: ConnectedClient }> = [];
const dirs: string[] = [];

const start = async (
  dataDir?: string,
): Promise<{ store: EmbeddedCosmos; container: Container; connection: ConnectedClient }> => {
  const store = await startEmbeddedCosmos(dataDir === undefined ? {} : { dataDir });
  const connection = connect(store);
  open.push({ store, connection });
  const { database } = await connection.client.databases.createIfNotExists({ id: "mergeline" });
  const { container } = await database.containers.createIfNotExists({
    id: "contacts",
    partitionKey: { paths: ["/pk"] },
  });
  return { store, container, connection };
};

const stop = async (store: EmbeddedCosmos): Promise<void> => {
  const index = open.findIndex((entry) => entry.store === store);
  const [entry] = open.splice(index, 1);
  entry?.connection.dispose();
  await store.close();
};

const newDir = (): string => {
  const dir = temporaryDataDir();
  dirs.push(dir);
  return dir;
};

const readAll = async (container: Container): Promise<Contact[]> => {
  const { resources } = await container.items.query<Contact>("SELECT * FROM c").fetchAll();
  return [...resources].sort((a, b) => a.id.localeCompare(b.id));
};

afterEach(async () => {
  for (const { store, connection } of open.splice(0)) {
    connection.dispose();
    await store.close();
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("embedded Cosmos DB store: restart persistence", () => {
  it("keeps creates, replaces, upserts, patches, deletes and bulk writes, with their ETags, across a restart", async () => {
    const dataDir = newDir();
    const first = await start(dataDir);
    const { container } = first;

    await container.items.create<Contact>({ id: "a", pk: "p1", name: "Ada" });
    const { resource: b } = await container.items.create<Contact>({
      id: "b",
      pk: "p1",
      name: "Bo",
    });
    await container.items.create<Contact>({ id: "c", pk: "p2", name: "Cy" });
    await container.item("b", "p1").replace<Contact>(
      { id: "b", pk: "p1", name: "Bo Replaced", version: 2 },
      {
        accessCondition: { type: "IfMatch", condition: b?._etag ?? "" },
      },
    );
    await container.items.upsert<Contact>({ id: "c", pk: "p2", name: "Cy Upserted" });
    await container.items.upsert<Contact>({ id: "d", pk: "p2", name: "Di" });
    await container
      .item("d", "p2")
      .patch<Contact>([{ op: "set", path: "/name", value: "Di Patched" }]);
    await container.item("a", "p1").delete();

    const bulk: OperationInput[] = Array.from({ length: 250 }, (_, i) => ({
      operationType: "Create",
      partitionKey: `bulk-${i % 7}`,
      resourceBody: { id: `bulk-${i}`, pk: `bulk-${i % 7}`, name: `Bulk ${i}` },
    }));
    bulk.push(
      {
        operationType: "Upsert",
        partitionKey: "bulk-0",
        resourceBody: { id: "bulk-0", pk: "bulk-0", name: "Bulk upserted" },
      },
      { operationType: "Delete", partitionKey: "bulk-1", id: "bulk-1" },
    );
    const results = await container.items.executeBulkOperations(bulk);
    expect(results.every((result) => (result.response?.statusCode ?? 500) < 300)).toBe(true);

    const before = await readAll(container);
    expect(before.map((doc) => doc.id)).not.toContain("a");
    expect(before.map((doc) => doc.id)).not.toContain("bulk-1");
    expect(before).toHaveLength(3 + 249);
    await stop(first.store);

    const second = await start(dataDir);
    const after = await readAll(second.container);
    // Every property, including _rid, _self, _etag and _ts, is as it was.
    expect(after).toEqual(before);

    const replacedB = after.find((doc) => doc.id === "b");
    expect(replacedB?.name).toBe("Bo Replaced");
    expect(after.find((doc) => doc.id === "d")?.name).toBe("Di Patched");

    // An ETag read before the restart is still a valid If-Match after it, and a stale one is refused.
    const { statusCode } = await second.container
      .item("b", "p1")
      .replace<Contact>(
        { id: "b", pk: "p1", name: "Bo Again" },
        { accessCondition: { type: "IfMatch", condition: replacedB?._etag ?? "" } },
      );
    expect(statusCode).toBe(200);
    await expect(
      second.container
        .item("b", "p1")
        .replace<Contact>(
          { id: "b", pk: "p1", name: "Bo Stale" },
          { accessCondition: { type: "IfMatch", condition: replacedB?._etag ?? "" } },
        ),
    ).rejects.toMatchObject({ code: 412 });

    // New resources never reuse a _rid.
    await second.container.items.create<Contact>({ id: "e", pk: "p3", name: "Eve" });
    const rids = (await readAll(second.container)).map((doc) => doc._rid);
    expect(new Set(rids).size).toBe(rids.length);
  });

  it("keeps deleted and recreated databases and containers apart across restarts", async () => {
    const dataDir = newDir();
    const first = await start(dataDir);
    const db = first.connection.client.database("mergeline");
    await first.container.items.create<Contact>({ id: "old", pk: "p", name: "Old" });
    await first.container.delete();
    const { container: recreated } = await db.containers.create({
      id: "contacts",
      partitionKey: { paths: ["/pk"] },
    });
    await recreated.items.create<Contact>({ id: "new", pk: "p", name: "New" });
    const { database: other } = await first.connection.client.databases.create({ id: "scratch" });
    await other.containers.create({ id: "tmp", partitionKey: { paths: ["/pk"] } });
    await other.delete();
    const ridBefore = (await recreated.read()).resource?._rid;
    await stop(first.store);

    for (let restart = 0; restart < 2; restart += 1) {
      const next = await start(dataDir);
      expect((await readAll(next.container)).map((doc) => doc.id)).toEqual(["new"]);
      expect((await next.container.read()).resource?._rid).toBe(ridBefore);
      const { resources: databases } = await next.connection.client.databases.readAll().fetchAll();
      expect(databases.map((database) => database.id)).toEqual(["mergeline"]);
      await stop(next.store);
    }
  });

  it("journals only the server that owns the data directory", async () => {
    const dataDir = newDir();
    const durable = await start(dataDir);
    const memory = await start();
    await durable.container.items.create<Contact>({ id: "kept", pk: "p", name: "Kept" });
    await memory.container.items.create<Contact>({ id: "volatile", pk: "p", name: "Volatile" });
    await memory.container.items.upsert<Contact>({ id: "volatile", pk: "p", name: "Volatile 2" });
    expect(readFileSync(join(dataDir, JOURNAL_FILE_NAME), "utf8")).not.toContain("volatile");
    await stop(durable.store);
    // The in-memory server keeps working while the durable one is closed, and is not journaled.
    await memory.container.items.create<Contact>({ id: "still-volatile", pk: "p", name: "Still" });

    const restarted = await start(dataDir);
    expect((await readAll(restarted.container)).map((doc) => doc.id)).toEqual(["kept"]);
    expect((await readAll(memory.container)).map((doc) => doc.id)).toEqual([
      "still-volatile",
      "volatile",
    ]);
  });

  it("refuses a second open of the same data directory and takes over a dead owner's lock", async () => {
    const dataDir = newDir();
    const first = await start(dataDir);
    await expect(startEmbeddedCosmos({ dataDir })).rejects.toBeInstanceOf(EmbeddedStoreLockedError);
    await expect(startEmbeddedCosmos({ dataDir })).rejects.toThrow(/in use by process \d+/);
    await first.container.items.create<Contact>({ id: "x", pk: "p", name: "X" });
    await stop(first.store);

    // A lock left behind by a process that no longer exists, as kill -9 leaves it.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: gone, host: hostname() }));
    const second = await start(dataDir);
    expect((await readAll(second.container)).map((doc) => doc.id)).toEqual(["x"]);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), "utf8"))).toMatchObject({
      pid: process.pid,
    });
    await stop(second.store);

    // A lock from an earlier process that had this process's pid, as containers reuse pids.
    writeFileSync(
      join(dataDir, LOCK_FILE_NAME),
      JSON.stringify({ pid: process.pid, host: hostname(), processStart: 1 }),
    );
    const third = await start(dataDir);
    expect((await readAll(third.container)).map((doc) => doc.id)).toEqual(["x"]);
  });
});
