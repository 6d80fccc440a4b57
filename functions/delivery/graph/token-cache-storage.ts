import type { ICachePlugin, TokenCacheContext } from "@azure/msal-node";

/**
 * Where a delegated send keeps its MSAL token cache between the request that started it and the
 * job that sends later (and after a restart). The send job backs it with the store; it holds the
 * marketer's refresh token, so keep it in the job's own partition and delete it when the job ends.
 */
export interface TokenCacheStorage {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** An MSAL cache plugin that reads and writes one session's cache under its key. */
export const sessionCachePlugin = (
  storage: TokenCacheStorage,
  sessionKey: string,
): ICachePlugin => ({
  async beforeCacheAccess(context: TokenCacheContext) {
    const stored = await storage.get(sessionKey);
    if (stored !== undefined) context.tokenCache.deserialize(stored);
  },
  async afterCacheAccess(context: TokenCacheContext) {
    if (context.cacheHasChanged) await storage.set(sessionKey, context.tokenCache.serialize());
  },
});
