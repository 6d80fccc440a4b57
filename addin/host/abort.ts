/**
 * signal.throwIfAborted() for the WebViews Office still runs in that lack it (and jsdom): the
 * signal's reason, or an AbortError.
 */
export const throwIfAborted = (signal: AbortSignal | undefined): void => {
  if (!signal?.aborted) return;
  throw signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
};
