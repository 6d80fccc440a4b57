/** The attribute of the start-up script that names the pane's main scripts (taskpane.html). */
export const PANE_SCRIPTS_ATTRIBUTE = "data-pane-scripts";

/** The pane's main scripts as the start-up script's tag names them, in order. */
export const paneScriptsOf = (script: Element | null): string[] =>
  (script?.getAttribute(PANE_SCRIPTS_ATTRIBUTE) ?? "").split(/\s+/).filter(Boolean);

/**
 * Loads and runs the pane's main scripts (React, Fluent UI and the pane), in their order. They
 * are not in taskpane.html: early-start.ts calls this once the segment list is drawn, because
 * fetching and compiling them (hundreds of KB) at the same time would hold the list's request and
 * its drawing up. The files are content-hashed and long-cached, so after a pane's first start
 * they come from the browser's cache. Inserted scripts run in insertion order only when they are
 * not async; they go in the head, which is there even before the body is parsed.
 */
export const startPaneScripts = (sources: readonly string[], doc: Document = document): void => {
  for (const source of sources) {
    const script = doc.createElement("script");
    script.async = false;
    script.src = source;
    doc.head.append(script);
  }
};
