/**
 * Durability for the embedded Cosmos DB server, which otherwise keeps everything in memory.
 *
 * Every mutation of a journaled account (databases, collections, documents; not partition key
 * ranges, which collections rebuild themselves, and not UDFs) is appended to an NDJSON journal
 * with a synchronous write before the mutation is applied, so before the server can answer:
 * a process killed with SIGKILL loses nothing it acknowledged, the bytes are in the operating
 * system's page cache. A power cut or kernel crash loses the page cache too, so an answer to a
 * write is also held until the journal bytes it depends on are fdatasync'ed
 * (durable-answers.ts holds it; `durable()` here says when).
 *
 * Syncs are grouped: the first write that needs one schedules it for the end of the current
 * event-loop turn (setImmediate), so every write journaled in that turn, such as the 100
 * operations of one bulk request and the requests that arrived together with it, shares one
 * fdatasync. The sync runs on libuv's thread pool, so the event loop keeps answering reads and
 * journaling new writes meanwhile; those wait for the next sync, which starts as soon as the
 * one in flight returns. So a bulk insert (100 operations per request) keeps the pace of an
 * in-memory store, while a client writing one document at a time waits a whole fdatasync
 * (0.2-10 ms on this project's machines) per write (bench/embedded-store.bench.ts).
 * If a sync fails, nothing written since the last good sync can be trusted to be on disk: the
 * writes waiting for it are answered with an error and the journal refuses every later write
 * (JournalSyncError) until the store is reopened, which replays what the disk holds.
 *
 * Records: `{t:"put", p, d, c}` stores resource `d` under the parent whose `_self` is `p` ("" is
 * the account) and raises that level's rid counter to `c`; `{t:"del", p, r}` deletes the resource
 * with `_rid` `r`; `{t:"rc", p, c}` only raises the rid counter. A put for a `_rid` that exists
 * replaces it, which is how a replace is journaled: one line, so a kill between the server's own
 * delete and re-insert cannot lose the old version.
 *
 * On open the journal is replayed through the server's original methods (keeping `_rid`, `_self`,
 * `_etag` and `_ts`, so ETags held by clients stay valid), then compacted: a snapshot of the live
 * state is written beside it, fsynced and renamed over it. A torn last line (killed mid-write) is
 * ignored; any other unreadable line stops the open, because skipping it would silently drop data.
 */
import {
  closeSync,
  existsSync,
  fdatasync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import {
  isCollection,
  isDatabase,
  itemsPrototype,
  type InternalAccount,
  type InternalItems,
  type ItemsPrototype,
  type StoredResource,
} from "./server-internals";

export const JOURNAL_FILE_NAME = "cosmos-journal.ndjson";

export class JournalCorruptError extends Error {
  override readonly name = "JournalCorruptError";
}

export class JournalClosedError extends Error {
  override readonly name = "JournalClosedError";
}

/** A sync of the journal failed: what it covered may not be on disk, so no write is accepted. */
export class JournalSyncError extends Error {
  override readonly name = "JournalSyncError";
}

/**
 * Makes the bytes written to `fd` durable. fdatasync by default; tests inject one to observe
 * the order of syncs and answers, benchmarks one that counts.
 */
export type JournalSync = (fd: number) => Promise<void>;

export const fdatasyncJournal: JournalSync = (fd) =>
  new Promise<void>((resolve, reject) => {
    fdatasync(fd, (error) => (error ? reject(error) : resolve()));
  });

type JournalRecord =
  | { readonly t: "put"; readonly p: string; readonly d: StoredResource; readonly c: number }
  | { readonly t: "del"; readonly p: string; readonly r: string }
  | { readonly t: "rc"; readonly p: string; readonly c: number };

export interface Journal {
  readonly path: string;
  /** The journal's length: every mutation applied so far is journaled below this offset. */
  appendedBytes(): number;
  /**
   * Resolves once every byte below `offset` is on disk, starting a grouped sync if needed;
   * rejects with JournalSyncError if the sync that should have covered them failed.
   */
  durable(offset: number): Promise<void>;
  /**
   * Waits for the sync in flight, syncs the rest and closes the file; later writes through the
   * account fail with JournalClosedError.
   */
  close(): Promise<void>;
}

interface JournalSink {
  write(record: JournalRecord): void;
}

interface Hooks {
  /** Only Items registered here are journaled: other servers in the process are untouched. */
  readonly sinks: WeakMap<InternalItems, JournalSink>;
  /** Items inside a replace, whose internal delete must not be journaled on its own. */
  readonly replacing: WeakSet<InternalItems>;
  readonly original: ItemsPrototype;
}

const HOOKS = Symbol.for("mergeline.embedded-cosmos.journal-hooks");

const parentSelf = (items: InternalItems): string => {
  const parent = items._parent.read();
  if (!parent) throw new Error("A journaled collection of items lost its parent.");
  return parent._self;
};

const registerChildren = (
  hooks: Hooks,
  items: InternalItems,
  rid: string,
  sink: JournalSink,
): void => {
  const item = items._data.get(rid);
  if (!item) return;
  if (isDatabase(item)) hooks.sinks.set(item.collections, sink);
  if (isCollection(item)) hooks.sinks.set(item.documents, sink);
};

/**
 * Items.prototype is shared by every server in the process, so the wrappers are installed once
 * and do nothing unless `this` was registered by an open journal.
 */
const installHooks = (): Hooks => {
  const proto = itemsPrototype() as ItemsPrototype & { [HOOKS]?: Hooks };
  const installed = proto[HOOKS];
  if (installed) return installed;
  const original: ItemsPrototype = {
    _set: proto._set,
    delete: proto.delete,
    replace: proto.replace,
  };
  const hooks: Hooks = { sinks: new WeakMap(), replacing: new WeakSet(), original };

  // create, replace and upsert all end in _set; the record is written first, so a failed write
  // leaves memory unchanged and the client gets an error rather than an unrecorded success.
  proto._set = function (this: InternalItems, data: StoredResource): StoredResource {
    const sink = hooks.sinks.get(this);
    if (!sink) return original._set.call(this, data);
    sink.write({ t: "put", p: parentSelf(this), d: data, c: this._ridCount });
    const stored = original._set.call(this, data);
    registerChildren(hooks, this, data._rid, sink);
    return stored;
  };

  proto.delete = function (this: InternalItems, idOrRid: string, partition: unknown): void {
    const sink = hooks.sinks.get(this);
    if (sink && !hooks.replacing.has(this)) {
      const existing = this._item("/id", idOrRid, partition).read();
      if (existing) sink.write({ t: "del", p: parentSelf(this), r: existing._rid });
    }
    original.delete.call(this, idOrRid, partition);
  };

  proto.replace = function (
    this: InternalItems,
    data: StoredResource,
    previous: StoredResource,
  ): StoredResource {
    const sink = hooks.sinks.get(this);
    if (!sink) return original.replace.call(this, data, previous);
    const before = this._item("/id", data.id, this._getPartition(data)).read();
    const beforeItem = before ? this._data.get(before._rid) : undefined;
    hooks.replacing.add(this);
    try {
      return original.replace.call(this, data, previous);
    } catch (error) {
      // The server deletes before it re-inserts; if the journal write of the new version failed,
      // put the old one back (the same object, so a collection keeps its documents).
      if (before && beforeItem && !this._data.has(before._rid)) {
        original._set.call(this, before);
        this._data.set(before._rid, beforeItem);
      }
      throw error;
    } finally {
      hooks.replacing.delete(this);
    }
  };

  Object.defineProperty(proto, HOOKS, { value: hooks });
  return hooks;
};

interface SyncWaiter {
  readonly offset: number;
  resolve(): void;
  reject(error: Error): void;
}

class JournalFile implements JournalSink {
  private fd: number | undefined;
  private closing: Promise<void> | undefined;
  private size: number;
  /** Every byte below this offset is on disk. */
  private synced: number;
  private failure: JournalSyncError | undefined;
  private waiters: SyncWaiter[] = [];
  private scheduled = false;
  private inFlight: Promise<void> | undefined;

  constructor(
    readonly path: string,
    private readonly sync: JournalSync,
  ) {
    this.fd = openSync(path, "a");
    // Compaction fsynced the whole file before renaming it here.
    this.size = fstatSync(this.fd).size;
    this.synced = this.size;
  }

  write(record: JournalRecord): void {
    const fd = this.fd;
    if (fd === undefined || this.closing)
      throw new JournalClosedError(`The journal ${this.path} is closed.`);
    if (this.failure) throw this.failure;
    // One buffer per record, so a kill can only tear the last line, which replay ignores.
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`, "utf8");
    let written = 0;
    try {
      while (written < bytes.length)
        written += writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      // A partial line followed by later records would be corruption in the middle of the file.
      if (written > 0) ftruncateSync(fd, this.size);
      throw error;
    }
    this.size += bytes.length;
  }

  appendedBytes(): number {
    return this.size;
  }

  durable(offset: number): Promise<void> {
    if (offset <= this.synced) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ offset, resolve, reject });
      this.schedule();
    });
  }

  /** At the end of this event-loop turn, so every write journaled in it shares the sync. */
  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startSync();
    });
  }

  private startSync(): void {
    const fd = this.fd;
    if (fd === undefined || this.closing || this.inFlight || this.waiters.length === 0) return;
    const target = this.size;
    let pending: Promise<void>;
    try {
      pending = this.sync(fd);
    } catch (error) {
      pending = Promise.reject(error);
    }
    this.inFlight = pending.then(
      () => this.settle(target, undefined),
      (error: unknown) => this.settle(target, error),
    );
  }

  private settle(target: number, error: unknown): void {
    this.inFlight = undefined;
    if (error === undefined) this.synced = Math.max(this.synced, target);
    else
      this.failure ??= new JournalSyncError(
        `Syncing the journal ${this.path} to disk failed (${String(error)}); ` +
          "the store accepts no more writes until it is reopened.",
        { cause: error },
      );
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (this.failure) waiter.reject(this.failure);
      else if (waiter.offset <= this.synced) waiter.resolve();
      else this.waiters.push(waiter);
    }
    // They were journaled while this sync ran; they have waited one already.
    if (this.waiters.length > 0) this.startSync();
  }

  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    const fd = this.fd;
    if (fd === undefined) return;
    // The fd must stay open under a sync running on the thread pool.
    await this.inFlight;
    this.fd = undefined;
    try {
      if (!this.failure) {
        fsyncSync(fd);
        this.settle(this.size, undefined);
      }
    } catch (error) {
      this.settle(this.size, error);
      throw error;
    } finally {
      closeSync(fd);
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isStoredResource = (value: unknown): value is StoredResource =>
  isObject(value) &&
  typeof value["id"] === "string" &&
  typeof value["_rid"] === "string" &&
  typeof value["_self"] === "string";

const parseRecord = (line: string): JournalRecord | undefined => {
  const value: unknown = JSON.parse(line);
  if (!isObject(value) || typeof value["p"] !== "string") return undefined;
  const p = value["p"];
  const c = value["c"];
  switch (value["t"]) {
    case "put":
      return isStoredResource(value["d"]) && typeof c === "number"
        ? { t: "put", p, d: value["d"], c }
        : undefined;
    case "del":
      return typeof value["r"] === "string" ? { t: "del", p, r: value["r"] } : undefined;
    case "rc":
      return typeof c === "number" ? { t: "rc", p, c } : undefined;
    default:
      return undefined;
  }
};

const READ_CHUNK_BYTES = 1 << 20;

/**
 * The complete lines of a file, read in chunks so a long journal is not limited by the largest
 * string V8 can build. Bytes after the last newline are a record torn by a kill mid-write: a
 * record is always written together with its newline, so they are dropped.
 */
function* completeLines(
  path: string,
): Generator<{ readonly text: string; readonly number: number }> {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(READ_CHUNK_BYTES);
    let pending = Buffer.alloc(0);
    let number = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return;
      let data = Buffer.concat([pending, buffer.subarray(0, read)]);
      let newline = data.indexOf(0x0a);
      while (newline !== -1) {
        number += 1;
        yield { text: data.toString("utf8", 0, newline), number };
        data = data.subarray(newline + 1);
        newline = data.indexOf(0x0a);
      }
      pending = Buffer.from(data);
    }
  } finally {
    closeSync(fd);
  }
}

/** Applies the journal to a fresh account through the unhooked methods. */
const replay = (path: string, account: InternalAccount, original: ItemsPrototype): void => {
  const levels = new Map<string, InternalItems>([["", account.databases]]);
  for (const line of completeLines(path)) {
    if (line.text === "") continue;
    const corrupt = (why: string): JournalCorruptError =>
      new JournalCorruptError(
        `${path}:${line.number}: ${why}. Move the file away to start empty, or repair that line.`,
      );
    let record: JournalRecord | undefined;
    try {
      record = parseRecord(line.text);
    } catch {
      throw corrupt("not JSON");
    }
    if (!record) throw corrupt("not a journal record");
    const items = levels.get(record.p);
    if (!items) throw corrupt(`no resource with _self "${record.p}" to hold it`);
    switch (record.t) {
      case "put": {
        const existing = items._data.get(record.d._rid)?.read();
        if (existing) original.delete.call(items, existing.id, items._getPartition(existing));
        original._set.call(items, record.d);
        items._ridCount = Math.max(items._ridCount, record.c);
        const item = items._data.get(record.d._rid);
        if (item && isDatabase(item)) levels.set(record.d._self, item.collections);
        if (item && isCollection(item)) levels.set(record.d._self, item.documents);
        break;
      }
      case "del": {
        const existing = items._data.get(record.r)?.read();
        if (!existing) throw corrupt(`deletes _rid "${record.r}", which does not exist`);
        original.delete.call(items, existing.id, items._getPartition(existing));
        levels.delete(existing._self);
        break;
      }
      case "rc":
        items._ridCount = Math.max(items._ridCount, record.c);
        break;
    }
  }
};

function* snapshotRecords(items: InternalItems, parent: string): Generator<JournalRecord> {
  for (const item of items._data.values()) {
    const data = item.read();
    if (!data) continue;
    yield { t: "put", p: parent, d: data, c: items._ridCount };
    if (isDatabase(item)) yield* snapshotRecords(item.collections, data._self);
    if (isCollection(item)) yield* snapshotRecords(item.documents, data._self);
  }
  // Keeps the counter when every resource of the level was deleted, so rids are never reused.
  yield { t: "rc", p: parent, c: items._ridCount };
}

const SNAPSHOT_CHUNK_BYTES = 1 << 20;

/** Writes the live state to a new file and renames it over the journal: old or new, never half. */
const compact = (path: string, account: InternalAccount, dataDir: string): void => {
  const temporary = `${path}.compacting`;
  const fd = openSync(temporary, "w");
  try {
    let chunk: string[] = [];
    let chunkLength = 0;
    const flush = (): void => {
      const bytes = Buffer.from(chunk.join(""), "utf8");
      let written = 0;
      while (written < bytes.length)
        written += writeSync(fd, bytes, written, bytes.length - written);
      chunk = [];
      chunkLength = 0;
    };
    for (const record of snapshotRecords(account.databases, "")) {
      const line = `${JSON.stringify(record)}\n`;
      chunk.push(line);
      chunkLength += line.length;
      if (chunkLength >= SNAPSHOT_CHUNK_BYTES) flush();
    }
    flush();
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  fsyncDirectory(dataDir);
};

/** Makes the rename itself durable; some platforms cannot open a directory, which is fine there. */
const fsyncDirectory = (dir: string): void => {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

const registerAll = (hooks: Hooks, account: InternalAccount, sink: JournalSink): void => {
  hooks.sinks.set(account.databases, sink);
  for (const database of account.databases._data.values()) {
    if (!isDatabase(database)) continue;
    hooks.sinks.set(database.collections, sink);
    for (const collection of database.collections._data.values()) {
      if (isCollection(collection)) hooks.sinks.set(collection.documents, sink);
    }
  }
};

/**
 * Restores `account` (fresh, still empty) from the journal in `dataDir`, compacts the journal and
 * journals every later mutation of this account. The caller must hold the data directory's lock.
 */
export const openJournal = (
  dataDir: string,
  account: InternalAccount,
  sync: JournalSync = fdatasyncJournal,
): Journal => {
  const hooks = installHooks();
  const path = join(dataDir, JOURNAL_FILE_NAME);
  if (existsSync(path)) replay(path, account, hooks.original);
  compact(path, account, dataDir);
  const file = new JournalFile(path, sync);
  registerAll(hooks, account, file);
  return {
    path,
    appendedBytes: () => file.appendedBytes(),
    durable: (offset) => file.durable(offset),
    close: () => file.close(),
  };
};
