import type { GraphSettings } from "./graph-settings";
import { beginDelegatedSession, type DelegatedSession } from "./graph-tokens";
import { createHttpsClient } from "./https-client";

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
