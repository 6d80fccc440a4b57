/**
 * The pane in Danish, end to end: every view walked in headless Chromium at 350 px (segment
 * list, a segment's lines and details, criteria with its action summaries, letter, preview,
 * merge with its check, log with its problems, the logged segments), each view's rendered text
 * checked against the English catalog: no English catalog string may show on a Danish screen.
 * A refusal from the server arrives in Danish too. Pictures of the problems and the summaries,
 * English and Danish, go to test-results/screenshots/words16/ (MERGELINE_SCREENSHOTS_DIR).
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  apiCaller,
  collectPageErrors,
  openSegmentTab,
  paneContext,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { englishCatalogIn } from "../unit/addin/english-catalog";
import { screenshotsDir } from "./screenshots-dir";
import { shotsAtWidths } from "./shots-at-widths";

jest.setTimeout(180_000);
// The pane is built with webpack for the test: on a busy machine that alone takes minutes.
const SETUP_MS = 400_000;

const SHOTS = screenshotsDir("words16");
const WIDTH = 350;
const TENANT = "contoso";
// Enough lines that a line-by-line list would bury the Log button; grouped, it is one row.
const CONTACTS = 60;

/** The English catalog text on the page, with the key it came from. */
const englishOn = async (page: Page): Promise<string[]> => {
  // «Salesperson» is a merge field's name, what Word's field code holds: an identifier shown
  // beside its Danish label on purpose, not a sentence of the catalog.
  const text = (await page.evaluate(() => document.body.innerText)).replace(/«[^»]*»/g, "");
  return englishCatalogIn(text);
};

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;
let token: string;
let call: ReturnType<typeof apiCaller>;

beforeAll(async () => {
  stack = await startPaneStack();
  ({ server, api, browser } = stack);
  token = await api.token(TENANT, "demo.user@mergeline.dev");
  call = apiCaller(api.apiUrl, token);
  await call("POST", "/salespeople", { code: "JH", name: "Jonas Holm" });
  await call("POST", "/interaction-templates", {
    code: "BREV",
    description: "Letter",
    correspondenceType: "hardCopy",
  });
  for (let start = 0; start < CONTACTS; start += 20)
    await Promise.all(
      Array.from({ length: Math.min(20, CONTACTS - start) }, (_, i) => {
        const n = start + i + 1;
        return call("POST", "/contacts", {
          no: `KT${String(n).padStart(4, "0")}`,
          type: "person",
          name: `Kontakt ${n}`,
          firstName: "Kontakt",
          surname: String(n),
          city: n % 2 ? "Aarhus C" : "Odense C",
          postCode: n % 2 ? "8000" : "5000",
          languageCode: "da-DK",
        });
      }),
    );
  // A segment built by criteria (its action summary), with no interaction template: Log refuses
  // every line for the same reason.
  await call("POST", "/segments", { no: "MG-DK", description: "Efterår", salespersonCode: "JH" });
  await call("POST", "/segments/MG-DK/add-contacts", {
    filter: { kind: "field", field: "city", op: "eq", value: "Aarhus C" },
  });
}, SETUP_MS);

afterAll(() => stack?.close());

const openPane = async (language: string) => {
  const context = await paneContext(browser, {
    token,
    width: WIDTH,
    height: 760,
    word: { displayLanguage: language, paragraphs: ["Kære ,", "", "Med venlig hilsen"] },
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, errors, context };
};

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, caret: "hide" });
};

const AARHUS = Math.ceil(CONTACTS / 2);

describe("the pane in Danish", () => {
  it("shows no English catalog text on any view, and problems grouped with the way to the fix", async () => {
    const { page, context } = await openPane("da-DK");
    const seen: Record<string, string[]> = {};
    const check = async (view: string) => {
      seen[view] = await englishOn(page);
    };

    await page.getByRole("heading", { name: "Målgrupper" }).waitFor();
    await page.getByRole("button", { name: /MG-DK/ }).first().waitFor();
    await check("segment list");

    await page.getByRole("button", { name: /MG-DK/ }).first().click();
    await page.getByRole("tab", { name: "Linjer" }).waitFor();
    await page.getByText("Kontakt 1", { exact: true }).waitFor();
    // The segment's line count and date in Danish ("30 linjer · 7. dec. 2026").
    await page.getByText(new RegExp(`^${AARHUS} linjer · \\d{1,2}\\. \\w+\\.? \\d{4}$`)).waitFor();
    await check("lines");
    await page.getByRole("button", { name: "Oplysninger" }).click();
    await page.getByRole("form", { name: "Oplysninger" }).waitFor();
    await check("segment details");

    await openSegmentTab(page, "Kriterier");
    // The action as the marketer built it: the field's Danish label, the value as typed.
    await page.getByText('By er "Aarhus C"').waitFor();
    expect(await page.getByText(/city = |aarhus c"/).count()).toBe(0);
    await check("criteria");
    await shot(page, `da-DK-criteria-summary-${WIDTH}`);

    await openSegmentTab(page, "Brev");
    await page
      .getByRole("button", { name: /Indsæt flettefelt/ })
      .first()
      .waitFor();
    await check("letter");

    await openSegmentTab(page, "Eksempel");
    await page.getByRole("heading", { name: "Eksempel" }).waitFor();
    await page.getByRole("button", { name: "Næste kontakt" }).waitFor();
    await check("preview");

    await openSegmentTab(page, "Flet");
    await page.getByRole("button", { name: "Kontrollér for fejl" }).click();
    await page
      .getByText(/Ingen fejl|fejl og/)
      .first()
      .waitFor({ timeout: 20_000 });
    await check("merge");

    await openSegmentTab(page, "Logfør");
    // One group for the rule, its count, and a button that goes to where the template is set.
    const groups = page.getByRole("list", { name: "Problemer efter type" });
    await groups.waitFor({ timeout: 20_000 });
    await groups.getByText(`${AARHUS} ×`).waitFor();
    const fix = groups.getByRole("button", { name: "Angiv interaktionsskabelonen" });
    await fix.waitFor();
    // The lines are one click away, folded: the Log button is not pushed down by them.
    const details = page.getByRole("button", { name: `Problemer pr. linje (${AARHUS})` });
    expect(await details.getAttribute("aria-expanded")).toBe("false");
    const logButton = page.getByRole("button", { name: "Logfør", exact: true });
    const logBox = await logButton.boundingBox();
    expect(logBox?.y ?? Infinity).toBeLessThan(1500);
    await check("log");
    await shot(page, `da-DK-log-problems-${WIDTH}`);
    await details.click();
    await page.getByRole("list", { name: "Problemer pr. linje" }).waitFor();
    await check("log details");

    // The button opens Details on the Lines tab with the template's picker focused.
    await fix.click();
    await page.getByRole("form", { name: "Oplysninger" }).waitFor();
    const focused = () =>
      page.evaluate(() => document.activeElement?.closest("[data-fix]")?.getAttribute("data-fix"));
    for (let tries = 0; tries < 50 && (await focused()) !== "interactionTemplateCode"; tries++)
      await page.waitForTimeout(100);
    expect(await focused()).toBe("interactionTemplateCode");

    // A refusal from the server in Danish: a description over 100 characters.
    await page.getByRole("button", { name: "Tilbage til målgrupper" }).first().click();
    await page.getByRole("button", { name: "Ny", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Beskrivelse").fill("x".repeat(101));
    await dialog.getByRole("button", { name: "Opret" }).click();
    await dialog.getByText("Højst 100 tegn.").waitFor();
    expect(await dialog.innerText()).not.toMatch(/must be|Too big|expected string/);
    await check("refusal");
    await dialog.getByRole("button", { name: "Annuller" }).click();

    await page.getByRole("button", { name: "Logførte målgrupper" }).click();
    await page.getByRole("heading", { name: "Logførte målgrupper" }).first().waitFor();
    await check("logged segments");

    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((view) => [view, []])));
    await context.close();
  });

  it("says in Danish that a segment someone deleted is gone; the server's words a key press away", async () => {
    await call("POST", "/segments", {
      no: "MG-GONE",
      description: "Slettes",
      salespersonCode: "JH",
    });
    const { page, context } = await openPane("da-DK");
    const row = page.getByRole("button", { name: /MG-GONE/ }).first();
    await row.waitFor();
    // Someone else deletes it while it is on this user's list.
    await call("DELETE", "/segments/MG-GONE");
    await row.click();
    await page
      .getByText("Det findes ikke længere; måske har en anden slettet det.", { exact: false })
      .waitFor();
    expect(await englishOn(page)).toEqual([]);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(
      /does not exist|not found/i,
    );

    const toggle = page.getByRole("button", { name: "Tekniske detaljer" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await shotsAtWidths(page, SHOTS, "da-DK-not-found-closed");
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const details = page.getByRole("group", { name: "Tekniske detaljer til support" });
    await details.getByText(/MG-GONE/).waitFor();
    expect(await details.innerText()).toMatch(/HTTP 404 · not-found/);
    // Open, the pane still reflows: long ids and the English sentence wrap at 320 px.
    await shotsAtWidths(page, SHOTS, "da-DK-not-found-technical");
    await page.keyboard.press("Space");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await context.close();
  });

  it("says the same in English, for the pictures beside the Danish ones", async () => {
    const { page, context } = await openPane("en-US");
    await page.getByRole("button", { name: /MG-DK/ }).first().click();
    await openSegmentTab(page, "Criteria");
    await page.getByText('City is "Aarhus C"').waitFor();
    await shot(page, `en-US-criteria-summary-${WIDTH}`);
    await openSegmentTab(page, "Log");
    const groups = page.getByRole("list", { name: "Problems by kind" });
    await groups.waitFor({ timeout: 20_000 });
    await groups.getByRole("button", { name: "Set the interaction template" }).waitFor();
    await page.getByText(`${AARHUS} problems on ${AARHUS} lines`, { exact: false }).waitFor();
    await shot(page, `en-US-log-problems-${WIDTH}`);
    await context.close();
  });
});
