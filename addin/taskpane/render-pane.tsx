import { startTransition } from "react";
import { createRoot } from "react-dom/client";
import type { ApiConnection } from "../api/api-context";
import type { PaneHost } from "../host/host";
import { loadMessages } from "../i18n/translate";
import { loadTheme } from "./pane-theme";
import { Root } from "./root";
import { startupMark } from "../ui/startup-mark";

/**
 * Replaces the skeleton in `container` with the pane, in the host's theme and language (both
 * loaded before the first render, so a dark or Danish Office never flashes a light English pane).
 */
export const renderPane = async (
  container: HTMLElement,
  host: PaneHost,
  connection: ApiConnection,
): Promise<void> => {
  const [initialTheme] = await Promise.all([
    loadTheme(host.theme()).catch(() => undefined),
    loadMessages(host.displayLanguage).catch(() => undefined),
  ]);
  document.documentElement.lang = host.displayLanguage;
  startupMark("render");
  const root = createRoot(container);
  // A transition: React renders the shell in slices and lets the sign-in broker's answers
  // (nested app authentication) in between, so the first token and the segment list's request
  // do not wait for the whole first render. The skeleton stays until the shell is ready.
  startTransition(() => {
    root.render(<Root host={host} connection={connection} initialTheme={initialTheme} />);
  });
};
