/// <reference types="office-js" />
import { createBrowserHost } from "./browser";
import type { PaneHost } from "./host";
import { createWordHost } from "./word";

/**
 * Office.onReady never settles on some pages that load office.js outside an Office client, so
 * the pane stops waiting after this long and runs as a browser page instead of staying blank.
 */
const ON_READY_TIMEOUT_MS = 5000;

type OfficeInfo = { host: Office.HostType | null };

const officeReady = (timeoutMs: number): Promise<OfficeInfo | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    Office.onReady()
      .then((info) => resolve(info))
      .catch(() => resolve(undefined))
      .finally(() => clearTimeout(timer));
  });

/** Waits for Office.js and picks the host; without Office.js (plain browser, tests) it is "browser". */
export const detectHost = async (timeoutMs = ON_READY_TIMEOUT_MS): Promise<PaneHost> => {
  if (typeof Office === "undefined") return createBrowserHost();
  const info = await officeReady(timeoutMs);
  if (info?.host === Office.HostType.Word) return createWordHost();
  return createBrowserHost();
};
