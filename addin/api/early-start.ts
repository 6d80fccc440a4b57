/**
 * The hand-over from the page's first script (addin/taskpane/early-start.ts, its own bundle,
 * run before the pane's main scripts) to the pane: the token it got from Office and the request
 * it sent for the segment list's first page. The two bundles share no modules, so the hand-over
 * is one property of the window, written once and taken once.
 */
export interface EarlyStart {
  /** Office's silent token; rejects when Office would have had to ask the user. */
  readonly token: Promise<string>;
  /** The exact URL of the request sent. */
  readonly url: string;
  readonly answer: Promise<Response>;
}

declare global {
  interface Window {
    __mergelineEarlyStart?: { token?: Promise<string>; url: string; answer?: Promise<Response> };
  }
}

export const publishEarlyStart = (start: EarlyStart): void => {
  // Met again, and handled, by whoever takes them; nothing is reported from here.
  start.token.catch(() => undefined);
  start.answer.catch(() => undefined);
  window.__mergelineEarlyStart = { ...start };
};

/** The early token, once (the pane's Office sign-on uses it instead of asking Office again). */
export const takeEarlyToken = (): Promise<string> | undefined => {
  const early = typeof window === "undefined" ? undefined : window.__mergelineEarlyStart;
  const token = early?.token;
  if (early) early.token = undefined;
  return token;
};

/**
 * `fetch` that answers the one call for exactly the early request's URL (a GET) with the early
 * answer, once, or sends it after all when there is none; every other call goes to `fetchImpl`.
 */
export const fetchTakingEarlyAnswer =
  (fetchImpl: typeof fetch): typeof fetch =>
  (input, init) => {
    const early = typeof window === "undefined" ? undefined : window.__mergelineEarlyStart;
    if (
      early?.answer &&
      typeof input === "string" &&
      input === early.url &&
      (init?.method ?? "GET") === "GET"
    ) {
      const answer = early.answer;
      early.answer = undefined;
      // No early answer after all (Office would not give a token silently, or the request
      // failed): the call is sent now, with the token the pane's own sign-in got.
      return answer.catch(() => fetchImpl(input, init));
    }
    return fetchImpl(input, init);
  };
