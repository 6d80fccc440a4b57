/// <reference types="office-js" />
import { createBrowserHost } from "./browser";
import type { PaneHost } from "./host";
import { createWordHost } from "./word";

/**
 * Office.onReady never settles on some pages that load office.js outside an Office client, so
 * the pane stops waiting after this long and runs as a browser page instead of staying blank.
 */
const ON_READY_TIMEOUT_MS = 5000;
/** teams-js waits for a parent frame that answers; outside Teams nobody does. */
const TEAMS_TIMEOUT_MS = 3000;

type OfficeInfo = { host: Office.HostType | null };

const officeReady = (timeoutMs: number): Promise<OfficeInfo | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    Office.onReady()
      .then((info) => resolve(info))
      .catch(() => resolve(undefined))
      .finally(() => clearTimeout(timer));
  });

/** teams-js is loaded only when the page may be in Teams (its own chunk), and a page that is not falls back. */
const loadTeamsHost = async (timeoutMs: number): Promise<PaneHost> => {
  const { createTeamsHost } = await import("./teams");
  return createTeamsHost({ timeoutMs });
};

export interface DetectHostOptions {
  officeTimeoutMs?: number;
  teamsTimeoutMs?: number;
  /** The page's address; the Teams tab's URL carries ?host=teams (teams/manifest.json). */
  search?: string;
  /** Whether the page runs in a frame, as Teams tabs (and Office panes) do. */
  framed?: boolean;
  /** Makes the Teams host; rejects outside Teams. Tests hand in their own. */
  teams?: (timeoutMs: number) => Promise<PaneHost>;
}

/**
 * Waits for the host and picks it: Word when Office.onReady says Word; Teams when the URL says
 * so or a framed page gets an answer from teams-js; else the browser. Never hangs: each wait
 * has a timeout, after which the pane runs as a browser page.
 */
export const detectHost = async ({
  officeTimeoutMs = ON_READY_TIMEOUT_MS,
  teamsTimeoutMs = TEAMS_TIMEOUT_MS,
  search = typeof location === "undefined" ? "" : location.search,
  framed = typeof window !== "undefined" && window.self !== window.top,
  teams = loadTeamsHost,
}: DetectHostOptions = {}): Promise<PaneHost> => {
  const teamsHost = () => teams(teamsTimeoutMs).catch(() => undefined);
  if (new URLSearchParams(search).get("host") === "teams") {
    return (await teamsHost()) ?? createBrowserHost();
  }
  if (typeof Office !== "undefined") {
    const info = await officeReady(officeTimeoutMs);
    if (info?.host === Office.HostType.Word) return createWordHost();
  }
  if (framed) return (await teamsHost()) ?? createBrowserHost();
  return createBrowserHost();
};
