/**
 * One process at a time per data directory: two servers replaying and appending to the same
 * journal would each miss the other's writes and the next compaction would drop them.
 */
import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export const LOCK_FILE_NAME = "cosmos.lock";

export class EmbeddedStoreLockedError extends Error {
  override readonly name = "EmbeddedStoreLockedError";
}

export interface StoreLock {
  release(): void;
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** When the owning process started: tells this process from an earlier one with the same pid. */
  readonly processStart?: number;
}

// In a container `npm start` often gets the same pid after every restart, so a pid alone
// cannot tell "this process holds it" from "the previous run died holding it".
const PROCESS_START = Math.round(performance.timeOrigin);

const readOwner = (path: string): LockOwner | undefined => {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof value !== "object" || value === null) return undefined;
    const { pid, host, processStart } = value as Record<string, unknown>;
    if (typeof pid !== "number" || typeof host !== "string") return undefined;
    return typeof processStart === "number" ? { pid, host, processStart } : { pid, host };
  } catch {
    return undefined;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * A lock is stale when its owner ran on this machine and is gone (or is an earlier process that
 * had this very pid); a lock without a readable owner is stale. Another machine's lock (a shared
 * folder) is never assumed stale.
 */
const isStale = (owner: LockOwner | undefined): boolean => {
  if (owner === undefined) return true;
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return owner.processStart !== PROCESS_START;
  return !isAlive(owner.pid);
};

/**
 * The lock file appears with its content already in it (written aside, then hard-linked into
 * place, which fails if the name exists), so a reader never mistakes a lock being written for
 * an empty, ownerless one. Where hard links are unsupported, exclusive create is the fallback.
 */
const tryCreate = (path: string): boolean => {
  const content = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    processStart: PROCESS_START,
    since: new Date().toISOString(),
  });
  const aside = `${path}.${process.pid}.${randomUUID()}`;
  writeFileSync(aside, content);
  try {
    linkSync(aside, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
  } finally {
    unlinkSync(aside);
  }
  try {
    writeFileSync(path, content, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
};

/**
 * Takes the lock file in `dataDir` or throws EmbeddedStoreLockedError. A lock left by a process
 * that died (kill -9 never cleans up) is taken over. Two processes taking over the same stale
 * lock at the same instant could both succeed; for a developer's local store that is accepted.
 */
export const acquireStoreLock = (dataDir: string): StoreLock => {
  const path = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(path)) {
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    }
    const owner = readOwner(path);
    if (!isStale(owner)) {
      const who = owner ? `process ${owner.pid} on ${owner.host}` : "another process";
      throw new EmbeddedStoreLockedError(
        `The embedded Cosmos DB store in ${dataDir} is in use by ${who}. Stop it first, or delete ${path} if that process is gone.`,
      );
    }
    try {
      unlinkSync(path);
    } catch {
      // someone else removed it first; try again
    }
  }
  throw new EmbeddedStoreLockedError(
    `Could not take the lock ${path}: other processes keep taking it.`,
  );
};
