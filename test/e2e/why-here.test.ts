/**
 * "Why is this contact here?" in Danish, end to end (issue 16, Deliver 6): a segment built by a
 * nested Add Contacts, opened in the production bundle in headless Chromium with the Word
 * stand-in at 350 px, by keyboard only. The explanation reads the action's conditions as the
 * marketer typed them, in Danish: the builder's field labels, the filter string and the relative
 * date untouched, numbers with Danish separators, the OR group and the NOT; no English catalog
 * text and none of the server's English. Escape closes it and the focus is back on the line's
 * Actions button. Pictures at 320, 350 and 1280 px in Danish and English go to
 * MERGELINE_SCREENSHOTS_DIR/reasons16 (test-results/screenshots otherwise).
 */
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "playwright-core";
import {
  apiCaller,
  collectPageErrors,
  openSegmentTab,
  paneContext,
  press,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { englishCatalogIn } from "../unit/addin/english-catalog";
import { screenshotsDir } from "./screenshots-dir";

jest.setTimeout(120_000);
// The pane is built with webpack for the test: on a busy machine that alone takes minutes.
const SETUP_MS = 400_000;

const SHOTS = screenshotsDir("reasons16");
const TENANT = "contoso";

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;
let token: string;

beforeAll(async () => {
  stack = await startPaneStack();
  ({ server, api, browser } = stack);
  token = await api.token(TENANT, "demo.user@mergeline.dev");
  const call = apiCaller(api.apiUrl, token);
  for (const [no, name, city, postCode, jobTitle, staff] of [
    ["KT0001", "Jens Hansen", "Aarhus C", "8000", "Sælger", 1500],
    ["KT0002", "Mette Holm", "Aarhus C", "8000", "Direktør", 12],
    ["KT0003", "Ole Lund", "Odense C", "5000", "Direktør", 40],
  ] as const)
    await call("POST", "/contacts", {
      no,
      type: "person",
      name,
      city,
      postCode,
      jobTitle,
      languageCode: "da-DK",
      customFields: { ansatte: staff },
    });
  await call("POST", "/segments", { no: "MG-ANDEN", description: "Anden" });
  await call("POST", "/segments", { no: "MG-WHY", description: "Efterår" });
  await call("POST", "/segments/MG-WHY/add-contacts", {
    filter: {
      kind: "and",
      items: [
        { kind: "field", field: "city", op: "eq", value: "Aarhus C" },
        {
          kind: "or",
          items: [
            { kind: "field", field: "jobTitle", op: "eq", value: "Direktør" },
            { kind: "field", field: "postCode", filter: "8000..8999" },
          ],
        },
        { kind: "field", field: "custom.ansatte", op: "ge", value: 1000 },
        { kind: "field", field: "createdAt", op: "ge", value: "-30D" },
        { kind: "not", item: { kind: "segment", in: true, segmentNo: "MG-ANDEN" } },
      ],
    },
  });
}, SETUP_MS);

afterAll(() => stack?.close());

const openPane = async (language: string) => {
  const context = await paneContext(browser, {
    token,
    width: 350,
    height: 760,
    word: { displayLanguage: language, paragraphs: ["Kære ,"] },
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, errors, context };
};

/** A menu item by keyboard: open the menu with Enter, arrow down to the item, Enter. */
const menuItemByKeyboard = async (page: Page, trigger: Locator, item: string) => {
  await press(trigger);
  const wanted = page.getByRole("menuitem", { name: item });
  await wanted.waitFor();
  for (let i = 0; i < 12; i++) {
    if (await wanted.evaluate((e) => e === document.activeElement)) break;
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
};

/** Pictures at each width, each checked for sideways scrolling; axe on the open dialog. */
const lookAtWidths = async (page: Page, name: string): Promise<string[]> => {
  const problems: string[] = [];
  for (const width of [320, 350, 1280]) {
    await page.setViewportSize({ width, height: 760 });
    await page.waitForTimeout(150);
    await page.screenshot({
      path: path.join(SHOTS, `${name}-${width}.png`),
      fullPage: true,
      caret: "hide",
    });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    if (scrollWidth > clientWidth) problems.push(`${width} px scrolls sideways`);
  }
  await page.setViewportSize({ width: 350, height: 760 });
  const result = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  for (const v of result.violations)
    if (v.impact === "serious" || v.impact === "critical") problems.push(`axe ${v.id}`);
  return problems;
};

/** The reasons' lines as the dialog lists them, each item's own text (not its nested list's). */
const reasonLines = (dialog: Locator) =>
  dialog
    .locator("li")
    .evaluateAll((items) => items.map((li) => li.firstChild?.textContent?.trim() ?? ""));

/** The server's words and the API's names: none may show on either screen. */
const SERVER_ENGLISH = /city =|aarhus c"|createdAt|postCode|jobTitle|on segment/;

const explainByKeyboard = async (page: Page, language: "da-DK" | "en-US") => {
  const danish = language === "da-DK";
  await press(page.getByRole("button", { name: /MG-WHY/ }).first());
  await openSegmentTab(page, danish ? "Linjer" : "Lines", true);
  const actions = page.getByRole("button", {
    name: danish ? "Handlinger for Jens Hansen" : "Actions for Jens Hansen",
  });
  await actions.waitFor();
  await menuItemByKeyboard(page, actions, danish ? "Forklar" : "Explain");
  const dialog = page.getByRole("dialog", {
    name: danish ? "Hvorfor er Jens Hansen med?" : "Why is Jens Hansen here?",
  });
  await dialog
    .getByText(danish ? 'By er "Aarhus C"' : 'City is "Aarhus C"')
    .first()
    .waitFor();
  return { dialog, actions };
};

describe("Why is this contact here?", () => {
  it("explains in Danish at 350 px, by keyboard, with no English, and gives the focus back", async () => {
    const { page, errors, context } = await openPane("da-DK");
    const { dialog, actions } = await explainByKeyboard(page, "da-DK");
    expect(await reasonLines(dialog)).toEqual([
      'By er "Aarhus C"',
      "Mindst én af disse:",
      "Postnr. passer til filter 8000..8999",
      expect.stringMatching(/ansatte mindst 1\.000$/),
      "Oprettet mindst -30D",
      "ikke (På målgruppe MG-ANDEN)",
    ]);
    await dialog.getByText("Opfyldte:").waitFor();
    await dialog.getByText("Opfylder stadig kriterierne i dag").waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(englishCatalogIn(text)).toEqual([]);
    expect(text).not.toMatch(SERVER_ENGLISH);
    expect(await lookAtWidths(page, "da-DK-why-here")).toEqual([]);

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await actions.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("says the same in English, for the pictures beside the Danish ones", async () => {
    const { page, errors, context } = await openPane("en-US");
    const { dialog } = await explainByKeyboard(page, "en-US");
    expect(await reasonLines(dialog)).toEqual([
      'City is "Aarhus C"',
      "At least one of these:",
      "Post Code matches filter 8000..8999",
      expect.stringMatching(/ansatte at least 1,000$/),
      "Created at least -30D",
      "not (On segment MG-ANDEN)",
    ]);
    expect(await dialog.innerText()).not.toMatch(SERVER_ENGLISH);
    expect(await lookAtWidths(page, "en-US-why-here")).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
