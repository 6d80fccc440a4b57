import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** Sideways scroll and axe's serious or critical findings on the page as it is now. */
export const layoutProblems = async (page: Page, where: string): Promise<string[]> => {
  const problems: string[] = [];
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth)
    problems.push(`${where}: scrolls sideways: ${scrollWidth} > ${clientWidth}`);
  // Fluent's focus sentinels (aria-hidden, focusable by design) are left out, as elsewhere.
  const result = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  for (const v of result.violations)
    if (v.impact === "serious" || v.impact === "critical")
      problems.push(`${where}: axe ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  return problems;
};
