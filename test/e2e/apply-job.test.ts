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

// Generous: on a machine shared with other builds, webpack alone can take minutes.
jest.setTimeout(300_000);

const SCREENSHOTS = path.resolve(
  __dirname,
  "../..",
  process.env["MERGELINE_SCREENSHOTS_DIR"] ?? "test-results/screenshots",
);
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
    // again (still counting, or what it did if it ended meanwhile), and the job goes on.
    await openSegmentTab(page, "Criteria", true);
    await openSegmentTab(page, "Lines", true);
    await press(page.getByRole("button", { name: "Details" }));
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
