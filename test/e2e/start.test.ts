/**
 * The pane as it starts, and its letter outside Word (issue 16), in headless Chromium against
 * the real local API with Blob Storage (Azurite):
 *
 * - the skeleton is in the first paint: taskpane.html holds it before any of the pane's scripts,
 *   and with those scripts held back the page shows it, never a blank pane;
 * - in the browser host the letter is kept with its segment on the server: a reload keeps it,
 *   another segment does not show it;
 * - Preview in the browser host draws the letter itself with the contact's values (docx-preview,
 *   read back as the rendered text).
 *
 * The browser host signs in the way a development build does (the local development issuer):
 * MSAL's popup has no Entra ID to reach here. Pictures at 350 and 1280 px, English and Danish,
 * go to MERGELINE_SHOTS_DIR (or test-results/start/).
 */
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  apiCaller,
  collectPageErrors,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { buildDocx, mergeField, p, t } from "../unit/shared/merge/docx-builder";

jest.setTimeout(180_000);

const root = path.resolve(__dirname, "../..");
const SHOTS = path.resolve(
  root,
  process.env["MERGELINE_SHOTS_DIR"] ?? path.join("test-results", "start"),
);
// The development build signs in as this user of this tenant (auth/token-provider.ts).
const TENANT = "demo";
const USER = "demo.user@mergeline.dev";

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;

const letter = () =>
  buildDocx({
    body:
      p(t("Kære "), mergeField("Name"), t(",")) +
      p(t("Vi ses i "), mergeField("City"), t(" til efteråret.")),
  });

/** A plain browser tab (no office.js answers): the pane runs as the browser host. */
const browserContext = async (locale: string, width = 350): Promise<BrowserContext> => {
  const context = await browser.newContext({
    viewport: { width, height: 760 },
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
    locale,
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) || url.startsWith("data:"))
      await route.continue();
    // office.js from Microsoft's CDN and anything else: no process of ours reaches the internet.
    else await route.abort("blockedbyclient");
  });
  return context;
};

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, caret: "hide" });
};

/** Pictures at Word's pane width and a wide Teams tab; nothing sticks out sideways. */
const shotsAtWidths = async (page: Page, name: string) => {
  for (const width of [350, 1280]) {
    await page.setViewportSize({ width, height: 760 });
    await page.waitForTimeout(300);
    await shot(page, `${name}-${width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  }
  await page.setViewportSize({ width: 350, height: 760 });
};

const openSegment = async (page: Page, no: string) => {
  await page
    .getByRole("button", { name: new RegExp(`^(Open segment|Åbn målgruppe) ${no}\\b`) })
    .click();
};
const openTab = (page: Page, name: RegExp) => page.getByRole("tab", { name }).click();
const backToList = (page: Page) =>
  page.getByRole("button", { name: /^(Segments|Målgrupper)$/ }).click();

beforeAll(async () => {
  stack = await startPaneStack({ mode: "development", azurite: true });
  ({ server, api, browser } = stack);
  const call = apiCaller(api.apiUrl, await api.token(TENANT, USER));
  for (const [no, name, city] of [
    ["KT1", "Jens Hansen", "Aarhus C"],
    ["KT2", "Ida Berg", "Odense C"],
  ] as const) {
    await call("POST", "/contacts", { no, type: "person", name, city, languageCode: "da-DK" });
  }
  for (const no of ["LET-A", "LET-B"]) {
    await call("POST", "/segments", { no, description: `Letter ${no}` });
    await call("POST", `/segments/${no}/lines`, { contactNo: "KT1" });
    await call("POST", `/segments/${no}/lines`, { contactNo: "KT2" });
  }
}, 170_000);

afterAll(() => stack?.close());

describe("the pane's start", () => {
  it("has the skeleton in taskpane.html before any of the pane's scripts", async () => {
    const html = await (await fetch(`${server.origin}/taskpane.html`)).text();
    const body = html.slice(html.indexOf("<body"));
    // In the body the skeleton comes first; no script there can hold it back.
    expect(body.indexOf('id="startup-skeleton"')).toBeGreaterThan(0);
    const skeletonAt = body.indexOf('id="startup-skeleton"');
    const scriptInBody = body.indexOf("<script");
    expect(scriptInBody === -1 || scriptInBody > skeletonAt).toBe(true);
    // The pane's own start-up script never holds the page's parsing (or the skeleton) up, and
    // comes after office.js, which it needs.
    const paneScripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?\/[^>]*>/g)].map((m) => m[0]);
    expect(paneScripts.length).toBe(1);
    for (const tag of paneScripts) expect(tag).toMatch(/\b(async|defer)\b/);
    expect(html.indexOf(paneScripts[0] as string)).toBeGreaterThan(html.indexOf("office.js"));
    // The main scripts are named on it, and loaded by it (addin/taskpane/pane-scripts.ts).
    expect(paneScripts[0]).toMatch(/\bdata-pane-scripts=["']?[^"'>]*\/taskpane(\.[0-9a-f]+)?\.js/);
  });

  it("paints the skeleton while the scripts are still on their way, then the list replaces it", async () => {
    const context = await browserContext("en-US");
    const page = await context.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/taskpane[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "commit" });
    const skeleton = page.locator("#startup-skeleton");
    await skeleton.waitFor({ state: "visible" });
    expect(await page.getByRole("heading", { name: "Mergeline" }).isVisible()).toBe(true);
    expect(await skeleton.locator(".bar").count()).toBeGreaterThan(3);
    await shot(page, "skeleton-350-en");
    release();
    await page.getByRole("button", { name: /^Open segment LET-A\b/ }).waitFor();
    expect(await skeleton.count()).toBe(0);
    await context.close();
  });
});

describe("the letter in the browser host", () => {
  it("is kept with its segment: a reload keeps it, another segment does not show it", async () => {
    const context = await browserContext("en-US");
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.origin}/taskpane.html`);
    await openSegment(page, "LET-A");
    await openTab(page, /^Letter$/);
    await page
      .getByText("No letter yet: upload a Word document (.docx) with merge fields.")
      .waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: "Tilbud.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(letter()),
    });
    await page.getByText("Letter: Tilbud.docx").waitFor();
    await page.getByText(/^Version 1, uploaded by /).waitFor();

    await page.reload();
    await openSegment(page, "LET-A");
    await openTab(page, /^Letter$/);
    await page.getByText("Letter: Tilbud.docx").waitFor();
    expect(await page.getByText(/^Version 1, uploaded by /).isVisible()).toBe(true);
    await shotsAtWidths(page, "letter-kept-en");

    // Another segment: its own (no) letter, never the one the page had a moment ago.
    await backToList(page);
    await openSegment(page, "LET-B");
    await openTab(page, /^Letter$/);
    await page
      .getByText("No letter yet: upload a Word document (.docx) with merge fields.")
      .waitFor();
    expect(await page.getByText("Tilbud.docx").count()).toBe(0);
    await openTab(page, /^Preview$/);
    await page
      .getByText("Upload a letter on the Letter tab to see it here with each contact's values.")
      .waitFor();
    // A 404 is "no letter yet"; the blocked request is office.js from the CDN, refused above.
    expect(
      errors.filter((e) => !/Failed to load resource.*(404|ERR_BLOCKED_BY_CLIENT)/.test(e)),
    ).toEqual([]);
    await context.close();
  });

  it("Preview draws the letter itself with the contact's values", async () => {
    const context = await browserContext("en-US");
    const page = await context.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    await openSegment(page, "LET-A");
    await openTab(page, /^Preview$/);
    const rendered = page.getByRole("document", { name: "The letter to Jens Hansen" });
    await rendered.waitFor();
    await expectText(rendered, /Kære Jens Hansen,\s*Vi ses i Aarhus C til efteråret\./);
    // The whole page is in view at 350 px: scaled to the pane, not cut off at either side.
    const fits = () =>
      page.evaluate(() => {
        const frame = document.querySelector('[role="document"]')?.getBoundingClientRect();
        const sheet = document.querySelector('[role="document"] section')?.getBoundingClientRect();
        return !!frame && !!sheet && sheet.left >= frame.left - 1 && sheet.right <= frame.right + 1;
      });
    await page.waitForFunction(() => document.querySelector('[role="document"] section'));
    await page.waitForTimeout(300);
    expect(await fits()).toBe(true);
    await shotsAtWidths(page, "preview-letter-en");

    await page.getByRole("button", { name: "Next contact" }).click();
    const next = page.getByRole("document", { name: "The letter to Ida Berg" });
    await next.waitFor();
    await expectText(next, /Kære Ida Berg,\s*Vi ses i Odense C til efteråret\./);
    await context.close();
  });

  it("speaks Danish, with the same letter", async () => {
    const context = await browserContext("da-DK");
    const page = await context.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    await openSegment(page, "LET-A");
    await openTab(page, /^Brev$/);
    await page.getByText("Brev: Tilbud.docx").waitFor();
    await page.getByText(/^Version 1, uploadet af /).waitFor();
    await shotsAtWidths(page, "letter-kept-da");
    await openTab(page, /^Eksempel$/);
    const rendered = page.getByRole("document", { name: "Brevet til Jens Hansen" });
    await rendered.waitFor();
    await expectText(rendered, /Kære Jens Hansen,/);
    await shotsAtWidths(page, "preview-letter-da");
    await context.close();
  });
});

/** Until the rendered letter's text matches (docx-preview draws after its chunk arrives). */
const expectText = async (target: ReturnType<Page["getByRole"]>, text: RegExp) => {
  const until = Date.now() + 15_000;
  let last = "";
  while (Date.now() < until) {
    last = ((await target.textContent()) ?? "").replace(/\s+/g, " ");
    if (text.test(last)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the rendered letter did not read ${text}; it read: ${last}`);
};
