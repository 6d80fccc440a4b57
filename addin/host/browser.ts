import type { HostTheme, PaneHost } from "./host";
import { forcedColors } from "./theme-detection";
import { createUploadedLetter } from "./uploaded-letter";

const browserTheme = (): HostTheme => {
  if (forcedColors()) return "contrast";
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light";
};

const onBrowserThemeChange = (listener: (theme: HostTheme) => void): (() => void) => {
  if (typeof matchMedia !== "function") return () => undefined;
  const queries = [
    matchMedia("(forced-colors: active)"),
    matchMedia("(prefers-color-scheme: dark)"),
  ];
  const handler = () => listener(browserTheme());
  for (const query of queries) query.addEventListener?.("change", handler);
  return () => {
    for (const query of queries) query.removeEventListener?.("change", handler);
  };
};

/**
 * The pane opened in a plain browser tab (development, or outside Office): no document; the
 * letter is an uploaded .docx and merged letters are downloads (uploaded-letter.ts).
 */
export const createBrowserHost = (
  language: string = typeof navigator === "undefined" ? "en-US" : navigator.language,
): PaneHost => ({
  kind: "browser",
  displayLanguage: language,
  documentTitle: async () => "",
  // A plain browser signs in with MSAL's own popup.
  signIn: { nestedAppAuth: false },
  theme: browserTheme,
  onThemeChange: onBrowserThemeChange,
  ...createUploadedLetter(language),
});
