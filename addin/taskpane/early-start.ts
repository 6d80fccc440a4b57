import { apiBaseUrl } from "../api/api-url";
import { publishEarlyStart } from "../api/early-start";
import { renderFirstList } from "../features/segments/first-list/render-first-list";
import { firstSegmentPageUrl } from "../features/segments/first-segment-page";
import { earlyDisplayLanguage, earlyOfficeToken } from "../host/word/early-office-token";
import { officeTheme } from "../host/word/word-theme";
import { warmUpIntl } from "./intl-warm-up";
import { paneScriptsOf, startPaneScripts } from "./pane-scripts";
import { whenParsed } from "./when-parsed";
import { startupMark } from "../ui/startup-mark";

/** The pane's scripts run this soon at the latest, however long Office takes to answer. */
const PANE_SCRIPTS_AT_THE_LATEST_MS = 300;

/** The pane's main scripts, as this script's tag names them (read while it runs). */
const paneScripts = paneScriptsOf(document.currentScript);

/** The pane's main scripts, and the number set-up the lists need first; once. */
let started = false;
const startPane = (): void => {
  if (started) return;
  started = true;
  startPaneScripts(paneScripts);
  // In a task of its own: without an early token this runs while the page is still parsed.
  setTimeout(warmUpIntl, 0);
};

/**
 * The page's one script of its own (taskpane.html), run as soon as it arrives, after office.js.
 * As soon as Office.onReady answers, it gets the API's token from Office, silently, and sends
 * the request for the segment list's first page. When the answer comes before the pane has drawn
 * anything, the list is drawn from it in plain DOM (features/segments/first-list/), usable at
 * once. Only then (or when there is nothing to draw, or after PANE_SCRIPTS_AT_THE_LATEST_MS)
 * does it load and run the pane's main scripts (pane-scripts.ts): fetching, compiling and running
 * them keeps the machine busy for a few hundred milliseconds, which would hold the request and
 * the drawing up. The pane takes the answer (addin/api/early-start.ts) and the list's place over.
 * Where there is no early token (Teams, a browser, a user Office must ask), the pane starts at
 * once, as before.
 */
const start = (): void => {
  const token = process.env.NODE_ENV === "development" ? undefined : earlyOfficeToken();
  if (!token) {
    startPane();
    return;
  }
  const url = firstSegmentPageUrl(apiBaseUrl());
  const answer = token.then((accessToken) => {
    startupMark("early-request");
    return fetch(url, {
      method: "GET",
      headers: { accept: "application/json", authorization: `Bearer ${accessToken}` },
    });
  });
  // While the request is out (registered after its own callback): the list formats numbers.
  token.then(warmUpIntl, () => undefined);
  setTimeout(startPane, PANE_SCRIPTS_AT_THE_LATEST_MS);
  // The body is read here, once: the list is drawn from it, and the pane gets the same answer.
  const read = answer.then(async (response) => {
    const text = await response.text();
    return { response, text };
  });
  const drawn = read
    .then(async ({ response, text }) => {
      // The page's body may not be parsed yet when a quick answer comes.
      await whenParsed();
      const container = document.getElementById("container");
      if (!container || !response.ok) return;
      if (renderFirstList(container, JSON.parse(text), earlyDisplayLanguage(), officeTheme()))
        startupMark("first-list");
    })
    // No list drawn early (no token, no answer, not a page): the pane draws it, and says what
    // went wrong.
    .catch(() => undefined)
    .finally(startPane);
  publishEarlyStart({
    token,
    url,
    answer: read.then(({ response, text }) =>
      drawn.then(
        () =>
          new Response(text, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          }),
      ),
    ),
  });
};

start();
