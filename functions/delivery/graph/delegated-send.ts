import type { MailTransport } from "../mail-transport";
import type { GraphSettings } from "./graph-settings";
import { beginDelegatedSession, type DelegatedSession } from "./graph-tokens";
import { createGraphTransport } from "./graph-transport";
import { createHttpsClient } from "./https-client";
import type { TokenCacheStorage } from "./token-cache-storage";

/**
 * Called by the request that starts a delegated send, with the marketer's access token for our
 * API: swaps it on behalf of the marketer for Graph tokens kept in the session's cache, so the
 * job can send later. Throws MailTransportError ("consent" when Mail.Send / Mail.ReadWrite are
 * not consented).
 */
export const beginDelegatedSend = async (
  settings: GraphSettings,
  session: DelegatedSession,
  userAccessToken: string,
): Promise<void> => {
  const http = createHttpsClient({
    timeoutMs: settings.requestTimeoutMs,
    trustedCaPem: settings.trustedCaPem,
  });
  try {
    await beginDelegatedSession(settings, http, session, userAccessToken);
  } finally {
    http.close();
  }
};

/** The job is over: its refresh token goes with it. */
export const endDelegatedSend = (session: DelegatedSession): Promise<void> =>
  session.cache.delete(session.key);

/** Sending as the signed-in marketer (GRAPH_SENDER=delegated), for the send job. */
export interface DelegatedSending {
  /**
   * Swaps the marketer's access token for Graph tokens (on behalf of them): the serialized
   * token cache the job keeps in its session. Throws MailTransportError as beginDelegatedSend.
   */
  begin(userAccessToken: string): Promise<string>;
  /** A transport sending from the marketer's own mailbox (/me) with the session's tokens. */
  transport(session: DelegatedSession): MailTransport;
}

/** A cache that lives only while the request swaps the token; the job stores what it holds. */
const requestCache = (): TokenCacheStorage & { value(): string | undefined } => {
  let held: string | undefined;
  return {
    get: async () => held,
    set: async (_key, value) => void (held = value),
    delete: async () => void (held = undefined),
    value: () => held,
  };
};

export const createDelegatedSending = (settings: GraphSettings): DelegatedSending => ({
  async begin(userAccessToken) {
    const cache = requestCache();
    await beginDelegatedSend(settings, { key: "request", cache }, userAccessToken);
    const value = cache.value();
    // beginDelegatedSession throws when Entra ID answers without an account, so a cache is here.
    if (value === undefined) throw new Error("The on-behalf-of swap kept no token cache.");
    return value;
  },
  transport: (session) => createGraphTransport(settings, { session }),
});
