/**
 * A power cut cannot be staged in a test, so these prove the order it depends on: no answer to
 * a write leaves the server before an fdatasync that covers the write's journal record has
 * returned. The sync is injected: it records how much of the journal it covers (the file's size
 * when it starts, a lower bound) and can be held closed like a slow disk.
 */
import { fstatSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Container, OperationInput } from "@azure/cosmos";
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from "../../../../functions/store/embedded/embedded-cosmos";
import {
  fdatasyncJournal,
  JOURNAL_FILE_NAME,
  type JournalSync,
} from "../../../../functions/store/embedded/journal";
import { connect, temporaryDataDir, type ConnectedClient } from "./embedded-client";

interface SyncRecord {
  /** Journal bytes on disk once it returns. */
  readonly covers: number;
  returned: boolean;
}

interface InstrumentedSync {
  readonly sync: JournalSync;
  readonly syncs: SyncRecord[];
  /** The journal prefix that returned syncs have put on disk. */
  durableBytes(): number;
  /** Holds every sync that starts from now on before it reaches the disk, as a slow disk would. */
  hold(): void;
  release(): void;
  /** Resolves when the `n`th sync (counting from 1) has started. */
  started(n: number): Promise<void>;
  /** Makes every later sync fail as a failing disk would. */
  fail(error: Error): void;
}

const instrumentedSync = (): InstrumentedSync => {
  const syncs: SyncRecord[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  let failure: Error | undefined;
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  const sync: JournalSync = async (fd) => {
    const record: SyncRecord = { covers: fstatSync(fd).size, returned: false };
    syncs.push(record);
    for (const w of waiting.filter((w) => w.n <= syncs.length)) w.resolve();
    await gate;
    if (failure) throw failure;
    await fdatasyncJournal(fd);
    record.returned = true;
  };
  return {
    sync,
    syncs,
    durableBytes: () => Math.max(0, ...syncs.filter((s) => s.returned).map((s) => s.covers)),
    hold: () => {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release: () => open(),
    started: (n) =>
      syncs.length >= n
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiting.push({ n, resolve })),
    fail: (error) => {
      failure = error;
    },
  };
};

interface Opened {
  readonly store: EmbeddedCosmos;
  readonly connection: ConnectedClient;
  readonly container: Container;
  readonly journal: string;
}

const opened: Opened[] = [];
const dirs: string[] = [];

const openStore = async (sync: JournalSync): Promise<Opened> => {
  const dataDir = temporaryDataDir();
  dirs.push(dataDir);
  const store = await startEmbeddedCosmos({ dataDir, journalSync: sync });
  const connection = connect(store);
  const { database } = await connection.client.databases.createIfNotExists({ id: "mergeline" });
  const { container } = await database.containers.createIfNotExists({
    id: "contacts",
    partitionKey: { paths: ["/pk"] },
  });
  const result = { store, connection, container, journal: join(dataDir, JOURNAL_FILE_NAME) };
  opened.push(result);
  return result;
};

afterEach(async () => {
  for (const { store, connection } of opened.splice(0)) {
    connection.dispose();
    await store.close();
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Lets the server run until the journal holds every id (the writes are in, their answers held). */
const journaled = async (journal: string, ids: readonly string[]): Promise<void> => {
  while (!ids.every((id) => readFileSync(journal, "utf8").includes(`"id":"${id}"`)))
    await new Promise<void>((resolve) => setImmediate(resolve));
};

const settledFlag = <T>(promise: Promise<T>): { readonly promise: Promise<T>; done(): boolean } => {
  let done = false;
  const tracked = promise.finally(() => {
    done = true;
  });
  return { promise: tracked, done: () => done };
};

describe("embedded Cosmos DB store: durable on acknowledgement", () => {
  it("answers no write before a returned fdatasync covers its journal record", async () => {
    const disk = instrumentedSync();
    const { container, journal, connection } = await openStore(disk.sync);
    // Each step is one write at a time, so when its answer arrives the journal holds exactly
    // what that write and those before it wrote: all of it must already be on disk.
    const onDiskAtAnswer = async (what: string, write: () => Promise<unknown>) => {
      await write();
      return { what, journal: statSync(journal).size, onDisk: disk.durableBytes() };
    };
    const steps = [
      await onDiskAtAnswer("create", () =>
        container.items.create({ id: "a", pk: "p1", name: "Ada" }),
      ),
      await onDiskAtAnswer("replace", () =>
        container.item("a", "p1").replace({ id: "a", pk: "p1", name: "Ada Lovelace" }),
      ),
      await onDiskAtAnswer("upsert", () =>
        container.items.upsert({ id: "b", pk: "p1", name: "Bo" }),
      ),
      await onDiskAtAnswer("patch", () =>
        container.item("b", "p1").patch([{ op: "set", path: "/name", value: "Bo Patched" }]),
      ),
      await onDiskAtAnswer("delete", () => container.item("a", "p1").delete()),
      await onDiskAtAnswer("batch", () =>
        container.items.batch(
          [
            {
              operationType: "Create",
              partitionKey: "p2",
              resourceBody: { id: "c", pk: "p2", name: "Cy" },
            },
            {
              operationType: "Upsert",
              partitionKey: "p2",
              resourceBody: { id: "d", pk: "p2", name: "Di" },
            },
          ],
          "p2",
        ),
      ),
      await onDiskAtAnswer("create container", () =>
        connection.client
          .database("mergeline")
          .containers.create({ id: "other", partitionKey: { paths: ["/pk"] } }),
      ),
      await onDiskAtAnswer("delete container", () =>
        connection.client.database("mergeline").container("other").delete(),
      ),
    ];
    for (const step of steps) {
      expect({ ...step, durable: step.onDisk >= step.journal }).toMatchObject({ durable: true });
    }
  });

  it("keeps a write's answer while its sync is held, and answers reads meanwhile", async () => {
    const disk = instrumentedSync();
    const { container } = await openStore(disk.sync);
    const before = disk.syncs.length;
    disk.hold();
    const write = settledFlag(container.items.create({ id: "held", pk: "p", name: "Held" }));
    await disk.started(before + 1);

    // The write is applied in memory and its sync is in flight: reads answer at once.
    const { resource, statusCode } = await container.item("held", "p").read<{ name: string }>();
    expect(statusCode).toBe(200);
    expect(resource?.name).toBe("Held");
    const { resources } = await container.items
      .query<number>("SELECT VALUE COUNT(1) FROM c")
      .fetchAll();
    expect(resources).toEqual([1]);
    expect(write.done()).toBe(false);

    disk.release();
    const { statusCode: created } = await write.promise;
    expect(created).toBe(201);
    expect(disk.syncs[before]?.returned).toBe(true);
  });

  it("lets writes that arrive together share one sync, and a bulk request of 100 one sync", async () => {
    const disk = instrumentedSync();
    const { container, journal } = await openStore(disk.sync);

    const bulkBefore = disk.syncs.length;
    const operations: OperationInput[] = Array.from({ length: 100 }, (_, i) => ({
      operationType: "Create",
      partitionKey: "bulk",
      resourceBody: { id: `bulk-${i}`, pk: "bulk", name: `Bulk ${i}` },
    }));
    const results = await container.items.executeBulkOperations(operations);
    expect(results.filter((r) => r.response?.statusCode === 201)).toHaveLength(100);
    expect(disk.syncs.length - bulkBefore).toBe(1);
    expect(disk.durableBytes()).toBeGreaterThanOrEqual(statSync(journal).size);

    // A first write holds the disk busy; twenty more arrive while its sync runs.
    const first = disk.syncs.length;
    disk.hold();
    const leader = container.items.create({ id: "leader", pk: "p", name: "Leader" });
    await disk.started(first + 1);
    const ids = Array.from({ length: 20 }, (_, i) => `together-${i}`);
    const answers = ids.map((id) =>
      container.items
        .create({ id, pk: `p${id.length % 3}`, name: id })
        .then(() => ({ id, syncsReturned: disk.syncs.filter((s) => s.returned).length })),
    );
    await journaled(journal, ids);
    expect(disk.syncs.length).toBe(first + 1);

    disk.release();
    await leader;
    const answered = await Promise.all(answers);
    // One sync for the leader, one for all twenty, and no answer before the second returned.
    expect(disk.syncs.length).toBe(first + 2);
    expect(answered.filter((a) => a.syncsReturned < first + 2)).toEqual([]);
    expect(disk.syncs[first + 1]?.covers).toBeGreaterThanOrEqual(statSync(journal).size);
  });

  it("answers a write whose sync failed with a 500, refuses later writes, and keeps reading", async () => {
    const disk = instrumentedSync();
    const { container } = await openStore(disk.sync);
    await container.items.create({ id: "kept", pk: "p", name: "Kept" });
    // The package logs every error a handler throws; the refused write below is one.
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);

    disk.fail(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" }));
    await expect(
      container.items.create({ id: "lost", pk: "p", name: "Lost" }),
    ).rejects.toMatchObject({ code: 500, message: expect.stringContaining("EIO") });
    await expect(
      container.items.create({ id: "after", pk: "p", name: "After" }),
    ).rejects.toMatchObject({ code: 500, message: expect.stringContaining("reopened") });

    logged.mockRestore();

    const { statusCode } = await container.item("kept", "p").read();
    expect(statusCode).toBe(200);
  });
});
