/**
 * What the e2e files that kill the API mid-job share: the pane keeps its calls on the API now
 * running, the API comes back on the same port and data, and what the page logs while its
 * server is down is expected.
 */
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { startApiChild, type ApiChild } from "../../scripts/e2e-stack";

/** axe's serious or critical findings on the page as it is now. */
export const axeProblems = async (page: Page): Promise<string[]> => {
  // Fluent's focus sentinels (aria-hidden, focusable by design) are left out, as elsewhere.
  const result = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `axe ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
};

/** What a page logs while its server is down is expected; anything else is not. */
export const unexpectedWhileDown = (errors: readonly string[]): string[] =>
  errors.filter(
    (e) => !/Failed to load resource|ERR_CONNECTION|ERR_EMPTY_RESPONSE|Failed to fetch/.test(e),
  );

/**
 * Entra's tokens outlive a server; the local issuer's die with its process, so the pane's calls
 * carry the token of the API now running.
 */
export const carryCurrentToken = async (
  context: BrowserContext,
  apiUrl: string,
  token: () => string,
): Promise<void> => {
  await context.route(`${apiUrl}/**`, (route) =>
    route.continue({
      headers: { ...route.request().headers(), authorization: `Bearer ${token()}` },
    }),
  );
};

/** The API started again on the port and data of the one killed, as a restarted server. */
export const restartApi = (
  killed: ApiChild,
  options: { dataDir: string; corsOrigin: string; env: Record<string, string> },
): Promise<ApiChild> => startApiChild({ port: Number(new URL(killed.apiUrl).port), ...options });
