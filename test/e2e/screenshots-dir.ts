import path from "node:path";

/**
 * Where an e2e file puts its pictures: MERGELINE_SCREENSHOTS_DIR (relative to the repository)
 * or test-results/screenshots, and within it `area` when given.
 */
export const screenshotsDir = (area?: string): string =>
  path.resolve(
    __dirname,
    "../..",
    process.env["MERGELINE_SCREENSHOTS_DIR"] ?? "test-results/screenshots",
    ...(area === undefined ? [] : [area]),
  );
