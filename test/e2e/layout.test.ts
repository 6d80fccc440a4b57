/**
 * The pane's layout end to end (issue 16), in headless Chromium, in both hosts: Word (the
 * stand-in) and a plain browser tab (no Office.js), in English and Danish. Every view at 320,
 * 350 and 1280 px: nothing scrolls sideways (WCAG 1.4.10: document scrollWidth <= clientWidth)
 * and axe-core finds no serious or critical violation. Then, with the keyboard: the criteria
 * builder's live count and Apply in sight at 350 px without scrolling, the tabs that do not fit
 * in a menu, focus back on the opener after every dialog and drawer, and the prompts that keep
 * unsaved work (Details on a tab switch, a personal note on Escape).
 *
 * The pane is the development build: it signs in at the local stack's development issuer in
 * every host (a production build in a plain browser signs in with MSAL's popup, which needs the
 * internet). One browser, one page per host and language.
 */
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  OFFICE_JS_URL,
  apiCaller,
  collectPageErrors,
  paneContext,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { daDK } from "../../addin/i18n/da-DK";
import { enUS, type Messages } from "../../addin/i18n/en-US";

jest.setTimeout(180_000);

const SCREENSHOTS = path.resolve(
  __dirname,
  "../..",
  process.env["MERGELINE_SCREENSHOTS_DIR"] ?? "test-results/screenshots/layout",
);
const WIDTHS = [320, 350, 1280] as const;
const HEIGHT = 760;
// The development build signs in as this tenant's demo user.
const TENANT = "demo";
const SEGMENT = "MG-SPRING";
const SEGMENT_DESCRIPTION = "Spring newsletter for the long-standing customers";

type Host = "word" | "browser";
type Language = "en-US" | "da-DK";
const catalogs: Record<Language, Messages> = { "en-US": enUS, "da-DK": daDK };

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;

const contacts = [
  ["KT1001", "Jens Hansen"],
  ["KT1002", "Søren Aabye Kierkegaard"],
  ["KT1003", "Karen Christentze Dinesen Blixen"],
  ["KT1004", "Hans Christian Andersen"],
] as const;

beforeAll(async () => {
  stack = await startPaneStack({ mode: "development" });
  ({ server, api, browser } = stack);
  const call = apiCaller(api.apiUrl, await api.token(TENANT, "demo.user@mergeline.dev"));
  await call("POST", "/salespeople", { code: "JH", name: "Jonas Holm" });
  await call("POST", "/campaigns", { no: "KAMP-2026", description: "Spring 2026" });
  await call("POST", "/interaction-templates", {
    code: "LETTER",
    description: "Letter",
    correspondenceType: "hardCopy",
  });
  await call("POST", "/mailing-groups", {
    code: "NYHEDSBREV",
    description: "Newsletter",
    descriptionDa: "Nyhedsbrev",
  });
  await Promise.all(
    contacts.map(([no, name]) =>
      call("POST", "/contacts", {
        no,
        type: "person",
        name,
        firstName: name.split(" ")[0],
        surname: name.split(" ").slice(1).join(" "),
        city: "Aarhus C",
        postCode: "8000",
        email: `${no.toLowerCase()}@example.dk`,
        languageCode: "da-DK",
      }),
    ),
  );
  await call("POST", "/segments", {
    no: SEGMENT,
    description: SEGMENT_DESCRIPTION,
    campaignNo: "KAMP-2026",
    salespersonCode: "JH",
    interactionTemplateCode: "LETTER",
  });
  await call("POST", `/segments/${SEGMENT}/add-contacts`, {
    filter: { kind: "field", field: "postCode", filter: "8000" },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 150_000);

afterAll(() => stack?.close());

/** The pane in Word (the stand-in answers Office.js) or in a plain browser tab (no Office). */
const openPane = async (host: Host, language: Language) => {
  const context: BrowserContext = await paneContext(browser, {
    width: 350,
    height: HEIGHT,
    word: { displayLanguage: language, title: "Letter", paragraphs: ["Dear ,", "", "Regards"] },
  });
  // Outside Office the page's Office.js script is there but defines nothing: the browser host.
  if (host === "browser")
    await context.route(OFFICE_JS_URL, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: "" }),
    );
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, errors, context, m: catalogs[language] };
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");

/** What is wrong with the view at this width: sideways scroll, axe's serious/critical findings. */
const layoutProblems = async (page: Page, withAxe: boolean): Promise<string[]> => {
  const problems: string[] = [];
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) problems.push(`scrolls sideways: ${scrollWidth} > ${clientWidth}`);
  // A tab cut at the pane's edge (the "L" of Log) is as bad as a scroll: each tab is whole.
  const cut = await page.evaluate(() => {
    const list = document.querySelector('[role="tablist"]');
    if (!list) return [];
    const edge = list.getBoundingClientRect().right;
    return [...list.querySelectorAll('[role="tab"]')]
      .filter((tab) => (tab as HTMLElement).offsetParent !== null)
      .filter((tab) => tab.getBoundingClientRect().right > edge + 1)
      .map((tab) => tab.textContent ?? "");
  });
  if (cut.length > 0) problems.push(`tabs cut at the edge: ${cut.join(", ")}`);
  // Fluent's focus sentinels (aria-hidden, focusable by design) are left out, as in pane.test.ts.
  if (!withAxe) return problems;
  const result = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  for (const v of result.violations)
    if (v.impact === "serious" || v.impact === "critical")
      problems.push(`axe ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  return problems;
};

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, caret: "hide" });

/** Each width in turn: the problems found, by width. */
const checkWidths = async (page: Page, name: string): Promise<string[]> => {
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    // The tabs' overflow is measured after a resize: let it settle.
    await page.waitForTimeout(150);
    // axe at the narrowest and the widest: 350 px lays out as 320 px does.
    for (const problem of await layoutProblems(page, width !== 350))
      found.push(`${name} @${width}: ${problem}`);
    await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 350, height: HEIGHT });
  return found;
};

/** Goes to a tab: by its tab when shown, else through the "more tabs" menu. */
const goToTab = async (page: Page, label: string) => {
  // Wide, every tab shows (pane.test.ts goes through the "more tabs" menu at 350 px).
  await page.setViewportSize({ width: 1280, height: HEIGHT });
  await page.waitForTimeout(150);
  const tab = page.getByRole("tab", { name: label, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
  } else {
    await page.getByRole("button", { name: /more tabs|faner mere/ }).click();
    await page.getByRole("menuitem", { name: label, exact: true }).click();
  }
  await page.getByRole("tab", { name: label, exact: true, selected: true }).waitFor();
};

/** Asks until `read` gives `wanted` (focus moves a moment after a dialog closes). */
const eventually = async (read: () => Promise<string>, wanted: string, what: string) => {
  const until = Date.now() + 5_000;
  let last = await read();
  while (last !== wanted && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(`${what}: ${last}`).toBe(`${what}: ${wanted}`);
};

const openSegment = async (page: Page, m: Messages) => {
  await page
    .getByRole("button", {
      name: fill(m["segments.list.open"], { no: SEGMENT, description: SEGMENT_DESCRIPTION }),
    })
    .click();
  await page.getByText(contacts[0][1]).waitFor();
};

/** The focused element, described for a failing assertion. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return "the page body";
    return `${active.tagName.toLowerCase()} "${active.getAttribute("aria-label") ?? active.textContent ?? ""}"`;
  });

// English in Word, Danish in the browser: both hosts and both languages in two runs.
const cases: [Host, Language][] = [
  ["word", "en-US"],
  ["browser", "da-DK"],
];

describe.each(cases)("the pane in the %s host in %s", (host, language) => {
  it("fits 320, 350 and 1280 px on every view with no serious axe finding", async () => {
    const { page, errors, context, m } = await openPane(host, language);
    const name = (view: string) => `${host}-${language}-${view}`;
    const problems: string[] = [];

    await page.getByRole("heading", { name: m["shell.segments"] }).waitFor();
    await page
      .getByRole("button", {
        name: fill(m["segments.list.open"], { no: SEGMENT, description: SEGMENT_DESCRIPTION }),
      })
      .waitFor();
    problems.push(...(await checkWidths(page, name("segments"))));

    await openSegment(page, m);
    problems.push(...(await checkWidths(page, name("lines"))));
    await page.getByRole("button", { name: m["segments.header.title"] }).click();
    await page.getByRole("textbox", { name: m["segments.field.description"] }).waitFor();
    problems.push(...(await checkWidths(page, name("details"))));

    for (const [key, view] of [
      ["shell.tab.criteria", "criteria"],
      ["shell.tab.letter", "letter"],
      ["shell.tab.preview", "preview"],
      ["shell.tab.merge", "merge"],
      ["shell.tab.log", "log"],
    ] as const) {
      await goToTab(page, m[key]);
      // The view is loaded when first shown, then reads from the API.
      await page.waitForTimeout(1000);
      problems.push(...(await checkWidths(page, name(view))));
    }

    // The criteria builder: its live count and Apply in sight at 350 px without scrolling.
    await goToTab(page, m["shell.tab.criteria"]);
    await page.setViewportSize({ width: 350, height: HEIGHT });
    await page.getByRole("button", { name: m["criteria.add"] }).click();
    const apply = page.getByRole("button", { name: m["criteria.apply"], exact: true });
    await apply.waitFor();
    await page.getByTestId("live-count").filter({ hasText: /\d/ }).waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const target of [apply, page.getByTestId("live-count")]) {
      const box = await target.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(HEIGHT);
    }
    problems.push(...(await checkWidths(page, name("criteria-builder"))));
    await page.getByRole("button", { name: m["common.cancel"], exact: true }).click();

    await page.getByRole("button", { name: m["shell.logged"] }).click();
    await page.waitForTimeout(1000);
    problems.push(...(await checkWidths(page, name("logged"))));

    expect(problems).toEqual([]);
    expect(errors.filter((line) => !/Failed to load resource.*(404|501)/.test(line))).toEqual([]);
    await context.close();
  });
});

describe("the pane with the keyboard", () => {
  it("hands focus back to the opener and asks before throwing typed work away", async () => {
    const { page, errors, context, m } = await openPane("word", "en-US");

    // A dialog from a toolbar button: New.
    const newButton = page.getByRole("button", { name: m["segments.list.newShort"], exact: true });
    await newButton.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await eventually(() => focused(page), `button "${m["segments.list.newShort"]}"`, "after New");

    // Dialogs and drawers from a row's menu: focus goes back to the row's actions button.
    await openSegment(page, m);
    const name = contacts[0][1];
    const actionsName = fill(m["segments.lines.actionsFor"], { name });
    const actions = page.getByRole("button", { name: actionsName });
    for (const item of [
      m["segments.lines.edit"],
      m["segments.lines.explain"],
      m["segments.lines.interactions"],
      m["delivery.optOut.menu"],
      m["segments.lines.remove"],
    ]) {
      await actions.focus();
      await page.keyboard.press("Enter");
      await page.getByRole("menuitem", { name: item }).click();
      await page.getByRole("dialog").first().waitFor();
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").first().waitFor({ state: "detached" });
      await eventually(() => focused(page), `button "${actionsName}"`, `after ${item}`);
    }

    // A personal note typed in the line drawer: Escape asks; Escape again keeps the note.
    await actions.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: m["segments.lines.edit"] }).click();
    const note = page.getByRole("textbox", { name: m["segments.lines.field.note"] });
    await note.fill("Tak for sidst!");
    await page.keyboard.press("Escape");
    const ask = page.getByRole("alertdialog", { name: m["unsaved.title"] });
    await ask.waitFor();
    await page.keyboard.press("Escape");
    await ask.waitFor({ state: "detached" });
    expect(await note.inputValue()).toBe("Tak for sidst!");
    // Keep editing hands the focus back into the drawer; the next Escape is the drawer's again.
    await page.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') != null);
    // Discard closes the drawer, and focus is back on the row.
    await page.keyboard.press("Escape");
    await ask.getByRole("button", { name: m["unsaved.discard"] }).click();
    await note.waitFor({ state: "detached" });
    await eventually(() => focused(page), `button "${actionsName}"`, "after Discard");

    // Details typed and not saved: another tab asks first; Keep editing stays with the text.
    await page.getByRole("button", { name: m["segments.header.title"] }).click();
    const description = page.getByRole("textbox", { name: m["segments.field.description"] });
    await description.fill("Autumn newsletter");
    await page.getByRole("tab", { name: m["shell.tab.criteria"] }).click();
    await ask.waitFor();
    await ask.getByRole("button", { name: m["unsaved.keep"] }).click();
    await ask.waitFor({ state: "detached" });
    expect(await description.inputValue()).toBe("Autumn newsletter");
    await page.getByRole("tab", { name: m["shell.tab.lines"], selected: true }).waitFor();
    // Discard goes on to the tab.
    await page.getByRole("tab", { name: m["shell.tab.criteria"] }).click();
    await ask.getByRole("button", { name: m["unsaved.discard"] }).click();
    await page.getByRole("tab", { name: m["shell.tab.criteria"], selected: true }).waitFor();
    // Nothing was saved: the Details show the segment's own description again.
    await goToTab(page, m["shell.tab.lines"]);
    await page.getByRole("button", { name: m["segments.header.title"] }).click();
    expect(
      await page.getByRole("textbox", { name: m["segments.field.description"] }).inputValue(),
    ).toBe(SEGMENT_DESCRIPTION);

    expect(errors.filter((line) => !/Failed to load resource.*(404|501)/.test(line))).toEqual([]);
    await context.close();
  });
});
