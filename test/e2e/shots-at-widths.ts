import path from "node:path";
import type { Page } from "playwright-core";

export interface ShotsAtWidthsOptions {
  /** The widths, in turn; 320, 350 and 1,280 px unless said. */
  readonly widths?: readonly number[];
  /** A pause after each resize, for a layout that settles (the tabs' overflow). */
  readonly settleMs?: number;
  /** Before each picture, e.g. scroll what it is of into view (then only the viewport is taken). */
  readonly prepare?: (page: Page) => Promise<void>;
}

/**
 * The pane at each width in turn: a picture `<name>-<width>.png` in `dir`, and no sideways
 * scroll there (WCAG 1.4.10 Reflow); the pane is back at 350 px afterwards.
 */
export const shotsAtWidths = async (
  page: Page,
  dir: string,
  name: string,
  { widths = [320, 350, 1280], settleMs, prepare }: ShotsAtWidthsOptions = {},
): Promise<void> => {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 760 });
    if (settleMs !== undefined) await page.waitForTimeout(settleMs);
    await prepare?.(page);
    await page.screenshot({
      path: path.join(dir, `${name}-${width}.png`),
      caret: "hide",
      fullPage: prepare === undefined,
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  }
  await page.setViewportSize({ width: 350, height: 760 });
};
