/**
 * What the pane keeps while a marketer moves around it (issue 16), keyboard only at 350 px, in
 * the production bundle in headless Chromium against the real local API:
 * - a 3,000-contact server merge goes on while Lines and the segment list show: the Merge tab
 *   (or the menu that holds it) and the shell say so, the count keeps moving, the API shows the
 *   job running and never canceled, and the file arrives at the end;
 * - every way out of typed Details asks first (the top navigation, Back; Escape keeps editing;
 *   the browser tab's beforeunload is in test/unit/addin/taskpane/pane-state.test.tsx, as the
 *   browser host signs in only in a development build);
 * - after a dialog or menu action from a logged segment's "…" menu, focus is on that row's
 *   menu button.
 * Pictures at 350 and 1280 px in English and Danish go to MERGELINE_SCREENSHOTS_DIR.
 */
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import {
  apiCaller,
  collectPageErrors,
  openSegmentTab,
  poll,
  press,
  paneContext,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { shotsAtWidths } from "./shots-at-widths";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { screenshotsDir } from "./screenshots-dir";

jest.setTimeout(300_000);

const SCREENSHOTS = screenshotsDir();
const TENANT = "contoso";
const CONTACTS = 3000;
const BIG = "BIG-MERGE";

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;
let call: ReturnType<typeof apiCaller>;
let token: string;

interface JobView {
  status: string;
  progress: { done: number; total: number };
}

beforeAll(async () => {
  stack = await startPaneStack({ azurite: true });
  ({ server, api, browser } = stack);
  token = await api.token(TENANT, "demo.user@mergeline.dev");
  call = apiCaller(api.apiUrl, token);
  // 3,000 contacts in one request (the CSV import), and two small ones to log.
  const rows = Array.from(
    { length: CONTACTS },
    (_, i) => `PS${String(i + 1).padStart(5, "0")};Contact ${i + 1};person;Bulkby`,
  );
  await call("POST", "/contacts/import", {
    csv: `No.;Name;Type;City\r\nSB1;Lis Lund;person;Smallby\r\nSB2;Mads Berg;person;Smallby\r\n${rows.join("\r\n")}\r\n`,
  });
  await Promise.all([
    call("POST", "/salespeople", { code: "JH", name: "Jonas Holm" }),
    call("POST", "/interaction-templates", {
      code: "POST",
      description: "Letter by post",
      correspondenceType: "hardCopy",
    }),
  ]);
  await call("POST", "/segments", { no: BIG, description: "Everyone in Bulkby" });
  await call("POST", `/segments/${BIG}/add-contacts`, {
    filter: { kind: "field", field: "city", filter: "Bulkby" },
  });
  expect((await call<{ noOfLines: number }>("GET", `/segments/${BIG}`)).noOfLines).toBe(CONTACTS);
  // Two logged segments for the logged segments view; one open segment for Details.
  for (const no of ["LOG-A", "LOG-B", "OPEN-C"]) {
    await call("POST", "/segments", {
      no,
      description: `Smallby ${no}`,
      salespersonCode: "JH",
      interactionTemplateCode: "POST",
    });
    await call("POST", `/segments/${no}/add-contacts`, {
      filter: { kind: "field", field: "city", filter: "Smallby" },
    });
    if (no === "OPEN-C") continue;
    const segment = await call<{ etag: string }>("GET", `/segments/${no}`);
    await call("POST", `/segments/${no}/log`, {}, { "if-match": segment.etag });
  }
}, 420_000);

afterAll(() => stack?.close());

// A failing step leaves a picture of the pane behind: what did it show?
const lastPage: { page?: Page } = {};
afterEach(async () => {
  if (lastPage.page && !lastPage.page.isClosed())
    await lastPage.page.screenshot({
      path: path.join(os.tmpdir(), "state16-e2e-last.png"),
      fullPage: true,
    });
});

/** The pane in Word (the stand-in). */
const openPane = async (language: "en-US" | "da-DK") => {
  const context: BrowserContext = await paneContext(browser, {
    token,
    width: 350,
    height: 760,
    word: { displayLanguage: language, paragraphs: [language === "da-DK" ? "Kære ," : "Dear ,"] },
  });
  const page = await context.newPage();
  lastPage.page = page;
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, context, errors };
};

const shots = (page: Page, name: string) =>
  shotsAtWidths(page, SCREENSHOTS, `state16-${name}`, { widths: [350, 1280], settleMs: 200 });

const isFocused = (target: Locator) =>
  target.evaluate((e) => e === document.activeElement).catch(() => false);

const focusLandsOn = (target: Locator, what: string) =>
  poll(
    () => isFocused(target),
    (yes) => yes,
    `focus on ${what}`,
    10_000,
  );

/** The count the Merge tab shows now ("1,204 of 3,000"), if any. */
const shownCount = async (page: Page): Promise<number | undefined> => {
  const hit = /([\d,]+) of 3,000/.exec((await page.locator("main").textContent()) ?? "");
  return hit ? Number((hit[1] ?? "").replace(/,/g, "")) : undefined;
};

const job = (id: string) => call<JobView>("GET", `/merge-jobs/${id}`);

/** What describes an element (aria-describedby), as a screen reader reads it. */
const description = (target: Locator) =>
  target.evaluate((e) =>
    (e.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );

describe("a server merge outlives the Merge tab", () => {
  it("goes on while Lines and the list show, and the file arrives at the end", async () => {
    const { page, context, errors } = await openPane("en-US");
    const jobIds: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith(`/segments/${BIG}/merge`))
        jobIds.push((request.postDataJSON() as { jobId: string }).jobId);
    });
    await press(page.getByRole("button", { name: `Open segment ${BIG} Everyone in Bulkby` }));
    await openSegmentTab(page, "Merge", true);
    // The radio group by keyboard: on the first option, the arrow moves to "one per contact".
    const first = page.getByRole("radio").first();
    await first.focus();
    await page.keyboard.press("ArrowDown");
    expect(
      await page.getByRole("radio", { name: "One document per contact (zip)" }).isChecked(),
    ).toBe(true);
    const download = page.waitForEvent("download", { timeout: 240_000 });
    await press(page.getByRole("button", { name: "Merge", exact: true }));
    await poll(
      () => shownCount(page),
      (c) => (c ?? 0) > 0,
      "a count on the Merge tab",
      120_000,
    );
    const id = jobIds[0] ?? "";

    // To Lines: the run goes on, and the Merge tab (or the menu that holds it) says so.
    await openSegmentTab(page, "Lines", true);
    await page.getByRole("heading", { name: /lines/i }).first().waitFor();
    const mergeTab = page.getByRole("tab", { name: "Merge", exact: true });
    const marked = (await mergeTab.isVisible())
      ? mergeTab
      : page.getByRole("button", { name: /more tabs/ });
    const said = await poll(
      () => description(marked),
      (text) => /Merge running: [\d,]+ of 3,000/.test(text),
      "the Merge tab's running description",
      30_000,
    );
    expect(said).toMatch(/Merge running/);
    await shots(page, "en-US-lines-while-merging");
    const onLines = await job(id);
    expect(onLines.status).toBe("running");
    const later = await poll(
      () => job(id),
      (j) => j.progress.done > onLines.progress.done || j.status === "done",
      "the server's job moving on while Lines shows",
      60_000,
    );
    expect(later.status).not.toBe("canceled");

    // Back on Merge: the same run, further on, with its Cancel.
    await openSegmentTab(page, "Merge", true);
    await poll(
      () => shownCount(page),
      (c) => (c ?? 0) >= onLines.progress.done,
      "count",
      60_000,
    );
    expect(await page.getByRole("button", { name: "Cancel" }).isVisible()).toBe(true);

    // To the segment list: the shell shows the run and leads back to it.
    await press(page.getByRole("button", { name: "Segments", exact: true }));
    const work = page.getByRole("region", { name: "Work in progress" });
    // Still merging, or ended a moment ago: either way the line leads back to the Merge tab.
    await work.getByText(/BIG-MERGE: (merging|the merge has ended)/).waitFor();
    await shots(page, "en-US-list-while-merging");
    expect((await job(id)).status).not.toBe("canceled");
    await press(work.getByRole("button", { name: `Show ${BIG}` }));

    // The file arrives; the job ended done on the server, never canceled.
    expect((await download).suggestedFilename()).toMatch(/\.zip$/);
    await page.getByText(/Made one document for each of 3,000 contacts/).waitFor();
    expect((await job(id)).status).toBe("done");
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });
});

describe("typed Details are never left without asking", () => {
  it("asks on Back and on the top navigation; Escape keeps editing (Danish)", async () => {
    const { page, context } = await openPane("da-DK");
    await press(page.getByRole("button", { name: "Åbn målgruppe OPEN-C Smallby OPEN-C" }));
    await press(page.getByRole("button", { name: "Oplysninger" }));
    const description = page.getByRole("textbox", { name: "Beskrivelse" });
    await description.focus();
    await page.keyboard.press("End");
    await page.keyboard.type(" – anden runde");
    const typed = "Smallby OPEN-C – anden runde";

    const ask = page.getByRole("alertdialog", { name: "Kassér dine ændringer?" });
    for (const away of [
      page.getByRole("button", { name: "Målgrupper", exact: true }),
      page.getByRole("button", { name: "Logførte målgrupper" }),
      page.getByRole("button", { name: "Tilbage til målgrupper" }),
    ]) {
      await press(away);
      await ask.waitFor();
      await page.keyboard.press("Escape");
      await ask.waitFor({ state: "detached" });
      expect(await description.inputValue()).toBe(typed);
      // Focus is back on the way out the user took, not on the page.
      await focusLandsOn(away, "the way out after Escape");
    }
    await press(page.getByRole("button", { name: "Logførte målgrupper" }));
    await ask.waitFor();
    await shots(page, "da-DK-discard-details");
    await press(ask.getByRole("button", { name: "Kassér ændringer" }));
    await page.getByRole("heading", { name: "Logførte målgrupper" }).waitFor();
    await context.close();
  });
});

describe("focus after a logged segment's menu", () => {
  it("returns to the row's menu button after each dialog and action", async () => {
    for (const language of ["en-US", "da-DK"] as const) {
      const da = language === "da-DK";
      const { page, context } = await openPane(language);
      await press(
        page.getByRole("button", { name: da ? "Logførte målgrupper" : "Logged segments" }),
      );
      const rowMenu = page
        .getByRole("button", {
          name: da ? /^Handlinger for logført målgruppe/ : /^Actions for logged segment/,
        })
        .last();
      const pick = async (item: RegExp) => {
        await press(rowMenu);
        const wanted = page.getByRole("menuitem", { name: item });
        await wanted.waitFor();
        await press(wanted);
      };

      // The deliveries side panel: closed with Escape, then with its close button.
      const drawer = page.getByRole("dialog");
      await pick(da ? /^Levering/ : /^Delivery/);
      await drawer.waitFor();
      await shots(page, `${language}-logged-delivery`);
      await page.keyboard.press("Escape");
      await drawer.waitFor({ state: "detached" });
      await focusLandsOn(rowMenu, "the row's menu button after Escape");

      await pick(da ? /^Levering/ : /^Delivery/);
      await drawer.waitFor();
      await press(drawer.getByRole("button", { name: da ? "Luk" : "Close" }).first());
      await drawer.waitFor({ state: "detached" });
      await focusLandsOn(rowMenu, "the row's menu button after Close");

      // Cancel (the list is read again), then undo it: focus stays on the row's button.
      await pick(da ? /^Annuller/ : /^Cancel/);
      await page
        .getByText(da ? /er annulleret/ : /Logged segment \d+ canceled/)
        .first()
        .waitFor();
      await focusLandsOn(rowMenu, "the row's menu button after Cancel");
      await pick(da ? /^Fortryd/ : /^Undo/);
      await page
        .getByText(da ? /gendannet/i : /restored/i)
        .first()
        .waitFor();
      await focusLandsOn(rowMenu, "the row's menu button after Undo");
      await shots(page, `${language}-logged-focus`);
      await context.close();
    }
  });
});
