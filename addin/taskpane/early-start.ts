import { apiBaseUrl } from "../api/api-url";
import { publishEarlyStart } from "../api/early-start";
import { firstSegmentPageUrl } from "../features/segments/first-segment-page";
import { earlyOfficeToken } from "../host/word/early-office-token";

/**
 * Its own tiny script, the first of the page's deferred scripts (taskpane.html): as soon as
 * Office.onReady answers, it gets the API's token from Office, silently, and sends the request
 * for the segment list's first page, while the pane's main scripts are still being downloaded
 * and run. The pane takes both over (addin/api/early-start.ts); where there is no early token
 * (Teams, a browser, a user Office must ask), it does nothing and the pane starts as before.
 */
const start = (): void => {
  if (process.env.NODE_ENV === "development") return;
  const token = earlyOfficeToken();
  if (!token) return;
  const url = firstSegmentPageUrl(apiBaseUrl());
  const answer = token.then((accessToken) =>
    fetch(url, {
      method: "GET",
      headers: { accept: "application/json", authorization: `Bearer ${accessToken}` },
    }),
  );
  publishEarlyStart({ token, url, answer });
};

start();
