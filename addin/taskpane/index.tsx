import type { ApiConnection } from "../api/api-context";
import { apiBaseUrl } from "../api/api-url";
import { createApiClient } from "../api/client";
import { fetchTakingEarlyAnswer } from "../api/early-start";
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
import { startupMark } from "../ui/startup-mark";
import { whenIdle } from "./when-idle";
import { whenParsed } from "./when-parsed";
import { endFirstList } from "../features/segments/first-list/first-list-handover";
import { isDanish } from "../i18n/is-danish";

/** A page that is never idle still gets its pane this soon after the host is known. */
const UI_AT_THE_LATEST_MS = 200;

/** Shown by plain DOM when even the host could not be detected: the pane is never blank. */
const startupFailed = (container: HTMLElement, error: unknown) => {
  const danish = isDanish(navigator.language || "");
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.style.cssText = "font-family: 'Segoe UI', sans-serif; padding: 12px;";
  message.textContent = danish
    ? "Mergeline kunne ikke starte. Luk ruden, og åbn den igen."
    : "Mergeline could not start. Close the pane and open it again.";
  endFirstList();
  container.replaceChildren(message);
  console.error("Mergeline could not start", error);
};

const start = async (): Promise<void> => {
  // Run by early-start.ts, which may have started these scripts before the page was parsed.
  await whenParsed();
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  try {
    // Rendering waits for Office.onReady (inside detectHost), as Office requires before any call.
    const host = await detectHost();
    startupMark("host");
    // Where the first token comes from MSAL, it downloads beside React's start, not after it.
    preloadSignIn(host);
    const baseUrl = apiBaseUrl();
    const tokens = createTokenProvider(host);
    const connection: ApiConnection = {
      baseUrl,
      // Every call carries an access token (development builds: from the local development issuer).
      client: createApiClient({
        baseUrl,
        // The first page's request may already be on its way (early-start.ts): taken, not sent again.
        fetch: fetchTakingEarlyAnswer((input, init) => globalThis.fetch(input, init)),
        headers: authorizationHeaders(tokens),
        describeProblem: localizeProblem(host.displayLanguage),
      }),
      signIn: async () => {
        await tokens.signIn();
      },
    };
    // The first token and the segment list's first page are asked for first, before React runs
    // (the list is the first view); a Danish pane's catalog starts downloading beside them.
    tokens.prepare?.();
    requestFirstSegmentPage(connection.client);
    loadMessages(host.displayLanguage).catch(() => undefined);
    whenIdle(() => prepareNumberFormats(host.displayLanguage));
    // React, Fluent UI and the views are in this bundle, but their modules run only now, when
    // the page is first idle: while the sign-in broker and the server answer, not before the
    // token is asked for. ("eager": no chunk of its own, nothing more to fetch.)
    await new Promise<void>((resolve) => whenIdle(resolve, UI_AT_THE_LATEST_MS));
    startupMark("idle");
    const { renderPane } = await import(/* webpackMode: "eager" */ "./render-pane");
    startupMark("ui-loaded");
    await renderPane(container, host, connection);
  } catch (error) {
    startupFailed(container, error);
  }
};

void start();
