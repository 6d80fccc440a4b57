/**
 * The one place that reaches into @vercel/cosmosdb-server's private classes (lib/account/*).
 * They are not a public API, so the package is pinned to 1.0.1 and everything that depends on
 * their shape is declared here, typed as narrowly as the journal needs.
 */
import type { Server } from "node:https";
// `import = require` on purpose: the Account class must be swapped on the live CommonJS exports
// object, and ES-style namespace imports are copies under esbuild (tsx).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import accountModule = require("@vercel/cosmosdb-server/lib/account");
// eslint-disable-next-line @typescript-eslint/no-require-imports
import itemsModule = require("@vercel/cosmosdb-server/lib/account/items");

/** A stored resource as the server keeps it: the client's JSON plus the system properties. */
export interface StoredResource {
  readonly id: string;
  readonly _rid: string;
  readonly _self: string;
  readonly _etag?: string;
  readonly _ts?: number;
  readonly [property: string]: unknown;
}

/** lib/account/item.js: a resource holder; `read()` is undefined for a lookup that missed. */
export interface InternalItem {
  read(): StoredResource | undefined;
}

export interface InternalDatabase extends InternalItem {
  readonly collections: InternalItems;
}

export interface InternalCollection extends InternalItem {
  readonly documents: InternalItems;
}

export interface InternalAccount extends InternalItem {
  readonly databases: InternalItems;
}

/**
 * lib/account/items.js: one level of the resource tree (an account's databases, a database's
 * collections, a collection's documents). `_ridCount` numbers the next `_rid`.
 */
export interface InternalItems {
  readonly _parent: InternalItem;
  readonly _data: Map<string, InternalItem>;
  _ridCount: number;
  _set(data: StoredResource): StoredResource;
  delete(idOrRid: string, partition: unknown): void;
  replace(data: StoredResource, original: StoredResource): StoredResource;
  _item(keyPath: string, idOrRid: string, partition: unknown): InternalItem;
  _getPartition(data: StoredResource): unknown;
}

/** The methods of Items.prototype the journal wraps; shared by every subclass. */
export type ItemsPrototype = Pick<InternalItems, "_set" | "delete" | "replace">;

export const itemsPrototype = (): ItemsPrototype =>
  (itemsModule.default as unknown as { prototype: ItemsPrototype }).prototype;

export const isDatabase = (item: InternalItem): item is InternalDatabase => "collections" in item;

export const isCollection = (item: InternalItem): item is InternalCollection => "documents" in item;

type AccountConstructor = new (host: string, port: number) => InternalAccount;

interface CaptureSlot {
  pending: ((account: InternalAccount) => void) | undefined;
}

const CAPTURE_SLOT = Symbol.for("mergeline.embedded-cosmos.capture-slot");

/**
 * createHttpsServer keeps its Account in a closure, built inside its own "listening" handler.
 * To reach it without forking the package, the Account export is replaced once by a subclass
 * that hands each new instance to whoever claimed it. The claim is made by a listener prepended
 * to the same "listening" event, so claim and construction run back to back in one synchronous
 * emit: no other server can take another's account, and accounts nobody claimed are untouched.
 */
const captureSlot = (): CaptureSlot => {
  const exports = accountModule as unknown as {
    default: AccountConstructor & { [CAPTURE_SLOT]?: CaptureSlot };
  };
  const installed = exports.default[CAPTURE_SLOT];
  if (installed) return installed;
  const slot: CaptureSlot = { pending: undefined };
  const Original = exports.default;
  class CapturedAccount extends Original {
    constructor(host: string, port: number) {
      super(host, port);
      const claim = slot.pending;
      slot.pending = undefined;
      claim?.(this);
    }
  }
  Object.defineProperty(CapturedAccount, CAPTURE_SLOT, { value: slot });
  exports.default = CapturedAccount;
  return slot;
};

/**
 * Resolves with `prepare(account)` for the account of a server created by createHttpsServer and
 * not yet listening. `prepare` runs synchronously while the server starts listening, before any
 * connection can be served, so state restored there is in place for the very first request. If
 * it throws, the server is closed and the promise rejects with that error.
 */
export const captureAccount = <T>(
  server: Server,
  prepare: (account: InternalAccount) => T,
): Promise<T> => {
  const slot = captureSlot();
  return new Promise<T>((resolve, reject) => {
    const claim = (account: InternalAccount): void => {
      try {
        resolve(prepare(account));
      } catch (error) {
        server.close();
        reject(error);
      }
    };
    server.prependOnceListener("listening", () => {
      slot.pending = claim;
    });
    // Appended after the package's own handler: if the claim is still pending, no Account was
    // built, which means the package no longer works the way this module assumes.
    server.once("listening", () => {
      if (slot.pending !== claim) return;
      slot.pending = undefined;
      server.close();
      reject(
        new Error(
          "@vercel/cosmosdb-server did not build its account on 'listening'; its internals changed.",
        ),
      );
    });
  });
};
