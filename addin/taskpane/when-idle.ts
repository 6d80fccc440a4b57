/**
 * Runs `work` when the page has nothing else to do (while the pane waits for the host or the
 * network), so it does not hold up what the user waits for; at the latest after `timeoutMs`.
 * Safari (Word on Mac) has no requestIdleCallback: there it runs in a task of its own.
 */
export const whenIdle = (work: () => void, timeoutMs?: number): void => {
  if (typeof requestIdleCallback === "function")
    requestIdleCallback(() => work(), timeoutMs === undefined ? undefined : { timeout: timeoutMs });
  else setTimeout(work, 0);
};
