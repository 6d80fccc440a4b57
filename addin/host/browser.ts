import type { PaneHost } from "./host";

/** The pane opened in a plain browser tab (development, or outside Office): no document. */
export const createBrowserHost = (
  language: string = typeof navigator === "undefined" ? "en-US" : navigator.language,
): PaneHost => ({
  kind: "browser",
  displayLanguage: language,
  documentTitle: async () => "",
});
