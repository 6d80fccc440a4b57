/** The marker taskpane.html puts on the preload links of the pane's main scripts. */
export const PANE_SCRIPT_ATTRIBUTE = "data-pane-script";

/**
 * Runs the pane's main scripts (React, Fluent UI and the pane). taskpane.html fetches them from
 * its head (`<link rel="preload" as="script" data-pane-script>`), so they download from the
 * start; they run only when this is called (early-start.ts: once the first request has left),
 * because running them keeps the page busy for a few hundred milliseconds, which would hold up
 * that request and the first list's drawing. In the links' order, once.
 */
export const startPaneScripts = (doc: Document = document): void => {
  const links = doc.querySelectorAll<HTMLLinkElement>(
    `link[rel="preload"][as="script"][${PANE_SCRIPT_ATTRIBUTE}]`,
  );
  for (const link of links) {
    if (link.getAttribute(PANE_SCRIPT_ATTRIBUTE) === "started") continue;
    link.setAttribute(PANE_SCRIPT_ATTRIBUTE, "started");
    const script = doc.createElement("script");
    // Inserted scripts run in insertion order only when they are not async.
    script.async = false;
    script.src = link.href;
    doc.body.append(script);
  }
};
