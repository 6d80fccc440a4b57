/**
 * The Cosmos DB-compatible server behind `npm start` and the integration tests
 * (@vercel/cosmosdb-server, spoken to through the real @azure/cosmos client).
 *
 * Why inserts ran at about 1,000 documents a second (ranges from two machines; the ratios are
 * measured side by side in one run by bench/embedded-store.bench.ts):
 * - createHttpsServer() answers every request with `connection: close` unless it is given
 *   `{ keepAlive: true }`, so each SDK request paid a fresh TLS handshake: 200-400 docs/s one
 *   document per request.
 * - With keep-alive on the server and a keep-alive https.Agent in the client, the same loop runs
 *   at 1,200-1,700 docs/s (5-6x). This module always starts the server with keep-alive; the
 *   client side is functions/store/cosmos-client.ts.
 * - `container.items.executeBulkOperations` sends 100 operations per request: 8,000-9,000 docs/s.
 *   It needs a partitionKey on every operation here. Pass it thousands of operations at once:
 *   the SDK polls for unfinished partial batches every second, so each call takes at least ~1 s.
 * - A durable store (journal.ts) answers a write only after an fdatasync of its journal; the
 *   syncs are grouped per event-loop turn and run off the loop, so bulk inserts keep their pace
 *   (0.85x of in memory measured, so no slower), while one document per request pays one
 *   fdatasync each (2.5-5x).
 */
import type { AddressInfo } from "node:net";
import { mkdirSync } from "node:fs";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { answerWritesWhenDurable } from "./durable-answers";
import { openJournal, type Journal, type JournalSync } from "./journal";
import { captureAccount } from "./server-internals";
import { acquireStoreLock, type StoreLock } from "./store-lock";

/** The Cosmos DB emulator's published key: the embedded server accepts any key, clients need one. */
export const EMULATOR_KEY =
  "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

export interface EmbeddedCosmosOptions {
  /** Where the store keeps its journal. Without it the store lives in memory only (tests). */
  readonly dataDir?: string;
  /** How the journal reaches the disk: fdatasync unless a test or benchmark observes the syncs. */
  readonly journalSync?: JournalSync;
  /** 0 or absent: a free port chosen by the system. */
  readonly port?: number;
  readonly host?: string;
}

export interface EmbeddedCosmos {
  readonly endpoint: string;
  readonly key: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The host as it appears in a URL: the server's own account document maps wildcards to localhost. */
const urlHost = (host: string): string => {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
};

/**
 * Starts the server (TLS with the package's self-signed certificate, so clients need
 * `rejectUnauthorized: false`). With `dataDir`, what it acknowledged survives a restart and a
 * kill -9 or a power cut (its answer waited for the disk), and a second process opening the same
 * directory fails with EmbeddedStoreLockedError.
 */
export const startEmbeddedCosmos = async (
  options: EmbeddedCosmosOptions = {},
): Promise<EmbeddedCosmos> => {
  const host = options.host ?? "127.0.0.1";
  const { dataDir } = options;
  let lock: StoreLock | undefined;
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireStoreLock(dataDir);
  }
  const server = createHttpsServer({ keepAlive: true });
  // Restored, and the answers to writes held until they are on disk, while the server starts
  // listening: before it can serve a request.
  const journalReady = captureAccount(server, (account): Journal | undefined => {
    if (dataDir === undefined) return undefined;
    const opened = openJournal(dataDir, account, options.journalSync);
    answerWritesWhenDurable(server, opened);
    return opened;
  });
  // It may reject inside the "listening" emit, a moment before it is awaited below.
  journalReady.catch(() => undefined);
  let journal: Journal | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    journal = await journalReady;
  } catch (error) {
    server.close();
    lock?.release();
    throw error;
  }

  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive clients hold idle sockets open; without this close() waits for them.
      server.closeAllConnections();
    }).finally(async () => {
      try {
        await journal?.close();
      } finally {
        lock?.release();
      }
    });
    return closing;
  };
  return { endpoint: `https://${urlHost(host)}:${port}/`, key: EMULATOR_KEY, port, close };
};
