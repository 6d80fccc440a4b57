/**
 * Resolves once the page's HTML is parsed (at once when it already is). The start-up script runs
 * as soon as it arrives, and may start the pane's scripts, before the parser has reached the
 * body (taskpane.html).
 */
export const whenParsed = (): Promise<void> =>
  document.readyState === "loading"
    ? new Promise((parsed) =>
        document.addEventListener("DOMContentLoaded", () => parsed(), { once: true }),
      )
    : Promise.resolve();
