import { startTransition } from "react";
import { createRoot } from "react-dom/client";
import type { ApiConnection } from "../api/api-context";
import { apiBaseUrl } from "../api/api-url";
import { createApiClient } from "../api/client";
import {
  authorizationHeaders,
  createTokenProvider,
  preloadSignIn,
} from "../auth/create-token-provider";
import { requestFirstSegmentPage } from "../features/segments/first-segment-page";
import { localizeProblem } from "../ui/problem-texts";
import { detectHost } from "../host/detect-host";
import { prepareNumberFormats } from "../i18n/format-message";
import { loadMessages } from "../i18n/translate";
import { loadTheme } from "./pane-theme";
import { Root } from "./root";
import { whenIdle } from "./when-idle";

/** Shown by plain DOM when even the host could not be detected: the pane is never blank. */
const startupFailed = (container: HTMLElement, error: unknown) => {
  const danish = (navigator.language || "").toLowerCase().startsWith("da");
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.style.cssText = "font-family: 'Segoe UI', sans-serif; padding: 12px;";
  message.textContent = danish
    ? "Mergeline kunne ikke starte. Luk ruden, og åbn den igen."
    : "Mergeline could not start. Close the pane and open it again.";
  container.replaceChildren(message);
  console.error("Mergeline could not start", error);
};

const start = async (): Promise<void> => {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  // Sign-in's library downloads while Office.onReady is awaited, not after the first render.
  preloadSignIn();
  try {
    // Rendering waits for Office.onReady (inside detectHost), as Office requires before any call.
    const host = await detectHost();
    const baseUrl = apiBaseUrl();
    const tokens = createTokenProvider(host);
    const connection: ApiConnection = {
      baseUrl,
      // Every call carries an access token (development builds: from the local development issuer).
      client: createApiClient({
        baseUrl,
        headers: authorizationHeaders(tokens),
        describeProblem: localizeProblem(host.displayLanguage),
      }),
      signIn: async () => {
        await tokens.signIn();
      },
    };
    // The first token and the segment list's first page are asked for now, beside the theme and
    // the language, not after the render (the list is the first view).
    tokens.prepare?.();
    requestFirstSegmentPage(connection.client);
    whenIdle(() => prepareNumberFormats(host.displayLanguage));
    const [initialTheme] = await Promise.all([
      loadTheme(host.theme()).catch(() => undefined),
      loadMessages(host.displayLanguage).catch(() => undefined),
    ]);
    document.documentElement.lang = host.displayLanguage;
    const root = createRoot(container);
    // A transition: React renders the shell in slices and lets the sign-in broker's answers
    // (nested app authentication) in between, so the first token and the segment list's request
    // do not wait for the whole first render. The skeleton stays until the shell is ready.
    startTransition(() => {
      root.render(<Root host={host} connection={connection} initialTheme={initialTheme} />);
    });
  } catch (error) {
    startupFailed(container, error);
  }
};

void start();
