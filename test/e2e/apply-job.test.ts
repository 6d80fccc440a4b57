/**
 * Applying an interaction template to a segment's many lines (issue 16): in the production
 * bundle in headless Chromium with the Word stand-in, against the real local API, driven by the
 * keyboard alone at 350 px. The pane follows the server's job (/apply-template-jobs/{id}), so the
 * count moves ("1,250 of 3,000 lines"; Danish "1.250 af 3.000 linjer"); Cancel stops the server
 * between pages (its count stops growing, as the API tells), and "Update the other lines"
 * finishes the rest. Pictures at 320, 350 and 1280 px in English and Danish go to
 * MERGELINE_SCREENSHOTS_DIR (test-results/ otherwise).
 */
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  apiCaller,
  collectPageErrors,
  openSegmentTab,
  paneContext,
  poll,
  press,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { shotsAtWidths } from "./shots-at-widths";
import { importBulkContacts, startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { screenshotsDir } from "./screenshots-dir";

// Generous: on a machine shared with other builds, webpack alone can take minutes.
jest.setTimeout(300_000);

const SCREENSHOTS = screenshotsDir();
const TENANT = "contoso";
const CONTACTS = 3000;
const SEGMENT = "BIG-APPLY";

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;
let call: ReturnType<typeof apiCaller>;
let token: string;

interface JobView {
  status: string;
  progress: { done: number; total: number };
  changed: number;
}

beforeAll(async () => {
  stack = await startPaneStack();
  ({ server, api, browser } = stack);
  token = await api.token(TENANT, "demo.user@mergeline.dev");
  call = apiCaller(api.apiUrl, token);
  expect(await importBulkContacts(call, { count: CONTACTS, city: "Bulkby" })).toBe(CONTACTS);
  for (const [code, description, unitCost] of [
    ["LETTER", "Letter", 12.5],
    ["EMAIL", "E-mail", 1],
  ] as const)
    await call("POST", "/interaction-templates", { code, description, unitCost, unitDuration: 1 });
  await call("POST", "/segments", { no: SEGMENT, description: "Everyone in Bulkby" });
  await call("POST", `/segments/${SEGMENT}/add-contacts`, {
    filter: { kind: "field", field: "city", filter: "Bulkby" },
  });
}, 420_000);

afterAll(() => stack?.close());

// A failing step leaves a picture of the pane behind: what did it show?
const lastPage: { page?: Page } = {};
afterEach(async () => {
  if (lastPage.page && !lastPage.page.isClosed())
    await lastPage.page.screenshot({ path: path.join(os.tmpdir(), "applyjob16-e2e-last.png") });
});

const job = (id: string) => call<JobView>("GET", `/apply-template-jobs/${id}`);

/** The Details form's progress or summary, in view: the lines list below runs 3,000 rows long. */
const shots = (page: Page, name: string) =>
  shotsAtWidths(page, SCREENSHOTS, name, {
    prepare: (shown) =>
      shown
        .locator('[role="progressbar"], [role="status"]:has(.fui-MessageBar)')
        .first()
        .evaluate((e) => e.scrollIntoView({ block: "center" })),
  });

/** Opens the segment's Details with the keyboard; records each job id and count the pane shows. */
const openDetails = async (language: "en-US" | "da-DK") => {
  const da = language === "da-DK";
  const context = await paneContext(browser, {
    token,
    width: 350,
    height: 760,
    word: { displayLanguage: language },
  });
  const page = await context.newPage();
  lastPage.page = page;
  const errors = collectPageErrors(page);
  const jobIds: string[] = [];
  page.on("request", (request) => {
    if (
      request.method() === "POST" &&
      request.url().endsWith(`/segments/${SEGMENT}/apply-template`)
    )
      jobIds.push((request.postDataJSON() as { jobId: string }).jobId);
  });
  await page.goto(`${server.origin}/taskpane.html`);
  await press(
    page.getByRole("button", {
      name: `${da ? "Åbn målgruppe" : "Open segment"} ${SEGMENT} Everyone in Bulkby`,
    }),
  );
  await openSegmentTab(page, da ? "Linjer" : "Lines", true);
  await press(page.getByRole("button", { name: da ? "Oplysninger" : "Details" }));
  // Every count the pane shows, recorded in the page as it renders.
  await page.evaluate(
    (pattern) => {
      const shown: number[] = [];
      Object.assign(window, { shownCounts: shown });
      const re = new RegExp(pattern);
      new MutationObserver(() => {
        const hit = re.exec(document.body.textContent ?? "");
        const count = hit ? Number((hit[1] ?? "").replace(/[.,]/g, "")) : undefined;
        if (count !== undefined && shown[shown.length - 1] !== count) shown.push(count);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    da ? "([\\d.]+) af 3\\.000 linjer" : "([\\d,]+) of 3,000 lines",
  );
  return { page, context, errors, jobIds, da };
};

const shownCounts = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownCounts: number[] }).shownCounts);

/** Chooses the template in the Details form with the keyboard and confirms "update lines too". */
const chooseTemplate = async (page: Page, da: boolean, code: string) => {
  const picker = page.getByRole("combobox", {
    name: da ? "Interaktionsskabelon" : "Interaction template",
  });
  // Open the list, type the code (the list finds it as you type), take it.
  await press(picker, "Enter");
  await page.getByRole("option", { name: new RegExp(`^${code} – `) }).waitFor();
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", {
    name: da ? "Skal linjerne også opdateres?" : "Also update the lines?",
  });
  await dialog.waitFor();
  await press(
    dialog.getByRole("button", { name: da ? "Opdater også linjerne" : "Update lines too" }),
  );
};

describe("applying an interaction template to 3,000 lines, from the keyboard", () => {
  it("shows the server's progress moving in the user's numbers, then what it did", async () => {
    const { page, context, errors, jobIds, da } = await openDetails("en-US");
    await chooseTemplate(page, da, "LETTER");
    await poll(
      () => shownCounts(page),
      (seen) => seen.some((c) => c > 0),
      "a count",
      120_000,
    );
    await shots(page, "en-US-apply-progress");
    const summary = page.getByText(
      "Interaction template LETTER is on all 3,000 lines (3,000 changed, the others had its values already).",
    );
    // Away to Criteria and back: the run is kept with the pane, so the Details form shows it
    // again by itself (still counting, or what it did if it ended meanwhile), and the job goes on.
    await openSegmentTab(page, "Criteria", true);
    await openSegmentTab(page, "Lines", true);
    // Details opens on the run by itself (the Lines tab's spinner promised it): not pressed here,
    // which would fold it.
    await poll(
      () => page.getByRole("button", { name: "Details" }).getAttribute("aria-expanded"),
      (expanded) => expanded === "true",
      "Details open on the run when Lines is shown again",
      10_000,
    );
    await page
      .getByText(/[\d,]+ of 3,000 lines/)
      .or(summary)
      .first()
      .waitFor({ timeout: 10_000 });
    await summary.waitFor({ timeout: 150_000 });
    const shown = await shownCounts(page);
    // The count moved while the server worked: through a count short of the end, never backwards.
    expect(shown.some((c) => c > 0 && c < CONTACTS)).toBe(true);
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
    expect(await job(jobIds[0] ?? "")).toMatchObject({
      status: "done",
      progress: { done: CONTACTS, total: CONTACTS },
    });
    await shots(page, "en-US-apply-done");
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });

  it("Cancel stops the server between pages, in Danish; the rest is finished on request", async () => {
    const { page, context, errors, jobIds, da } = await openDetails("da-DK");
    await chooseTemplate(page, da, "EMAIL");
    await poll(
      () => shownCounts(page),
      (seen) => seen.some((c) => c > 0),
      "a count",
      120_000,
    );
    await shots(page, "da-DK-apply-progress");
    const id = jobIds[0] ?? "";
    expect((await job(id)).status).toBe("running");

    await press(page.getByRole("button", { name: "Annuller" }));
    await page.getByText(/^Annulleret efter [\d.]+ af 3\.000 linjer/).waitFor({ timeout: 60_000 });
    // Focus went to what the run did, not to the page body.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
    const ended = await job(id);
    expect(ended.status).toBe("canceled");
    expect(ended.progress.done).toBeLessThan(CONTACTS);
    // The server works on it no more: its count stays where the cancel left it.
    await page.waitForTimeout(3000);
    expect(await job(id)).toEqual(ended);
    await shots(page, "da-DK-apply-canceled");

    // The same template again, for the lines the cancel left: a new job, to the end.
    await press(page.getByRole("button", { name: "Opdater de øvrige linjer" }));
    await page
      .getByText(
        `Interaktionsskabelonen EMAIL er på alle 3.000 linjer (${new Intl.NumberFormat("da-DK").format(CONTACTS - ended.changed)} ændret, de øvrige havde allerede dens værdier).`,
      )
      .waitFor({ timeout: 150_000 });
    expect(jobIds).toHaveLength(2);
    expect(await job(jobIds[1] ?? "")).toMatchObject({
      status: "done",
      changed: CONTACTS - ended.changed,
    });
    await shots(page, "da-DK-apply-finished");
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });
});

/** What the Lines tab (or the "more tabs" button holding it) tells a screen reader of its run. */
const linesTabRun = (page: Page, da: boolean) =>
  page.evaluate(
    (name) => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find(
        (element) => element.textContent?.trim() === name,
      );
      const more = document.querySelector<HTMLElement>(
        'button[aria-label*="fane"], button[aria-label*="tabs"]',
      );
      const holder = tab && (tab as HTMLElement).offsetParent !== null ? tab : more;
      return (holder?.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
    },
    da ? "Linjer" : "Lines",
  );

/** Tabs from where the focus is until it reaches `name`: the keyboard's way there. */
const tabTo = async (page: Page, name: string) => {
  for (let presses = 0; presses < 6; presses++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
};

/**
 * Records, in the page, each count the Work in progress line shows from now on (a moving count
 * is seen even while pictures are taken); `seen` reads them.
 */
const recordRunLine = async (page: Page, da: boolean) => {
  await page.evaluate(
    ({ pattern, name }) => {
      const seen: number[] = [];
      Object.assign(window, { runLineCounts: seen });
      const re = new RegExp(pattern);
      const read = () => {
        const region = document.querySelector(`section[aria-label="${name}"]`);
        const hit = re.exec(region?.textContent ?? "");
        const count = hit ? Number((hit[1] ?? "").replace(/[.,]/g, "")) : undefined;
        if (count !== undefined && seen[seen.length - 1] !== count) seen.push(count);
      };
      read();
      new MutationObserver(read).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    },
    {
      pattern: da
        ? "anvender skabelonen, ([\\d.]+) af 3\\.000 linjer"
        : "applying the template, ([\\d,]+) of 3,000 lines",
      name: da ? "Igangværende arbejde" : "Work in progress",
    },
  );
  return {
    region: page.getByRole("region", { name: da ? "Igangværende arbejde" : "Work in progress" }),
    seen: () =>
      page.evaluate(() => (window as unknown as { runLineCounts: number[] }).runLineCounts),
  };
};

describe("applying the template while the user is elsewhere in the pane", () => {
  it("counts it in the Work in progress line with a moving count, tells its end, and Show leads to Details", async () => {
    const { page, context, errors, jobIds, da } = await openDetails("en-US");
    await chooseTemplate(page, da, "LETTER");
    await page.getByRole("group", { name: "Applying LETTER to the lines" }).waitFor();

    // Another tab of the segment: the Lines tab, which holds Details, carries the run.
    await openSegmentTab(page, "Criteria", true);
    expect(await linesTabRun(page, da)).toMatch(
      /^Applying the template(: [\d,]+ of 3,000 lines)?$/,
    );
    await shotsAtWidths(page, SCREENSHOTS, "en-US-apply-running-tab", { settleMs: 300 });

    // The segment list: the Work in progress line counts on, then says the run has ended.
    await press(page.getByRole("button", { name: "Segments", exact: true }));
    const { region, seen } = await recordRunLine(page, da);
    await poll(seen, (counts) => counts.some((c) => c > 0), "a count past 0", 60_000);
    await shotsAtWidths(page, SCREENSHOTS, "en-US-apply-elsewhere");
    await region
      .getByText(`${SEGMENT}: applying the template has ended`)
      .waitFor({ timeout: 150_000 });
    const counts = await seen();
    // It moved while the list showed: through two counts short of the end, never backwards.
    expect(counts.filter((c) => c < CONTACTS).length).toBeGreaterThanOrEqual(2);
    expect(counts.some((c) => c > 0 && c < CONTACTS)).toBe(true);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(await job(jobIds[0] ?? "")).toMatchObject({ status: "done" });
    await shotsAtWidths(page, SCREENSHOTS, "en-US-apply-ended");

    // From the top navigation the keyboard reaches Show; Details takes the focus on what it did.
    await page.getByRole("button", { name: "Logged segments" }).focus();
    await tabTo(page, `Show ${SEGMENT}`);
    await page.keyboard.press("Enter");
    const summary = page.getByText(/^Interaction template LETTER is on all 3,000 lines/);
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
    expect(await region.count()).toBe(0);
    await shots(page, "en-US-apply-shown");
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });

  it("in Danish: the count in Danish numbers from the logged segments, Show lands on the run, the end told", async () => {
    const { page, context, errors, da } = await openDetails("da-DK");
    await chooseTemplate(page, da, "EMAIL");
    const progress = page.getByRole("group", { name: "Anvender EMAIL på linjerne" });
    await progress.waitFor();

    await press(page.getByRole("button", { name: "Logførte målgrupper" }));
    const { region, seen } = await recordRunLine(page, da);
    await poll(seen, (counts) => counts.some((c) => c > 0), "a count past 0", 60_000);
    await shotsAtWidths(page, SCREENSHOTS, "da-DK-apply-elsewhere");

    // Show while it runs: Details, on the run's progress, with the focus there.
    await tabTo(page, `Vis ${SEGMENT}`);
    await page.keyboard.press("Enter");
    await progress.waitFor();
    await poll(
      () => page.evaluate(() => document.activeElement?.getAttribute("aria-label")),
      (label) => label === "Anvender EMAIL på linjerne",
      "the focus on the run's progress",
      10_000,
    );
    await shots(page, "da-DK-apply-shown");
    await openSegmentTab(page, "Kriterier", true);
    expect(await linesTabRun(page, da)).toMatch(
      /^Anvender skabelonen(: [\d.]+ af 3\.000 linjer)?$/,
    );
    await shotsAtWidths(page, SCREENSHOTS, "da-DK-apply-running-tab", { settleMs: 300 });

    await press(page.getByRole("button", { name: "Målgrupper", exact: true }));
    await region
      .getByText(`${SEGMENT}: anvendelsen af skabelonen er afsluttet`)
      .waitFor({ timeout: 150_000 });
    await shotsAtWidths(page, SCREENSHOTS, "da-DK-apply-ended");
    await press(region.getByRole("button", { name: `Vis ${SEGMENT}` }));
    await page.getByText(/^Interaktionsskabelonen EMAIL er på alle 3\.000 linjer/).waitFor();
    expect(await region.count()).toBe(0);
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });
});
