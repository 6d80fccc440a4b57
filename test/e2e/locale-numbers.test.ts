/**
 * Number and date boxes in the user's locale, end to end in headless Chromium at 350 px.
 *
 * Numbers: a segment's Cost of 12.5 shows as "12,5" on a Danish pane and "12.5" on an English
 * one; "12.5" typed on the Danish pane is asked about with the field named; "1.234,50" is saved
 * as 1234.5. Pictures at 320, 350 and 1,280 px in both languages go to
 * MERGELINE_SCREENSHOTS_DIR/profile16.
 *
 * Dates, on a Danish pane by keyboard only: a segment dated 2026-03-01 shows "01.03.2026" (not
 * the browser's 3/1/2026 of a native date box); Fluent's DatePicker calendar opens from the
 * keyboard on a Monday-first month with Danish names, arrows move the day, Enter picks it and
 * Escape closes it, focus back in the box; "12/07/2026" typed after a pick stays as typed when
 * the box is left and is asked about with the field named; "7.12.2026" is saved as 2026-12-07.
 * In English the calendar starts on Sunday. No sideways scroll, axe clean. Pictures go to
 * MERGELINE_SCREENSHOTS_DIR/dates16.
 */
import type { Browser } from "playwright-core";
import {
  apiCaller,
  collectPageErrors,
  paneContext,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { layoutProblems } from "./layout-problems";
import { shotsAtWidths } from "./shots-at-widths";
import { screenshotsDir } from "./screenshots-dir";

jest.setTimeout(180_000);
// The pane is built with webpack for the test: on a busy machine that alone takes minutes.
const SETUP_MS = 400_000;

const SHOTS = screenshotsDir("profile16");
const DATE_SHOTS = screenshotsDir("dates16");
const TENANT = "contoso";

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
  await call("POST", "/segments", {
    no: "MG-TAL",
    description: "Tal",
    unitCost: 12.5,
    unitDuration: 7.5,
  });
  await call("POST", "/segments", { no: "MG-DATO", description: "Dato", date: "2026-03-01" });
}, SETUP_MS);

afterAll(() => stack?.close());

/** Segment `no`'s Details on a 350 px pane in `language`, opened by keyboard. */
const openDetails = async (language: string, no: string) => {
  const context = await paneContext(browser, {
    token,
    width: 350,
    height: 760,
    word: { displayLanguage: language },
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/taskpane.html`);
  await page
    .getByRole("button", { name: new RegExp(no) })
    .first()
    .focus();
  await page.keyboard.press("Enter");
  const details = language.startsWith("da") ? "Oplysninger" : "Details";
  await page.getByRole("button", { name: details }).focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: details });
  await form.waitFor();
  return { page, form, errors, context };
};

describe("number boxes in the user's locale", () => {
  it("shows, asks about and saves a Danish cost the Danish way", async () => {
    const { page, form, errors, context } = await openDetails("da-DK", "MG-TAL");
    const cost = form.getByLabel("Omkostning (RV)");
    expect(await cost.inputValue()).toBe("12,5");
    expect(await form.getByLabel("Varighed (min.)").inputValue()).toBe("7,5");
    await shotsAtWidths(page, SHOTS, "da-DK-cost");

    await cost.fill("12.5");
    await form.getByRole("button", { name: "Gem" }).click();
    await form
      .getByText('Omkostning (RV): "12.5" kan læses på to måder. Mente du 12,5?', { exact: false })
      .waitFor();
    await shotsAtWidths(page, SHOTS, "da-DK-cost-asked", { widths: [320, 350] });

    await cost.fill("1.234,50");
    await form.getByRole("button", { name: "Gem" }).click();
    await form.getByText("Gemt.").waitFor();
    expect(await cost.inputValue()).toBe("1.234,5");
    const saved = await call<{ unitCost: number }>("GET", "/segments/MG-TAL");
    expect(saved.unitCost).toBe(1234.5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the same cost the English way", async () => {
    const { etag } = await call<{ etag: string }>("GET", "/segments/MG-TAL");
    await call("PATCH", "/segments/MG-TAL", { unitCost: 12.5 }, { "if-match": etag });
    const { page, form, context } = await openDetails("en-US", "MG-TAL");
    expect(await form.getByLabel("Cost (LCY)").inputValue()).toBe("12.5");
    await shotsAtWidths(page, SHOTS, "en-US-cost");
    await context.close();
  });
});

describe("date boxes in the user's locale", () => {
  it("shows, picks, asks about and saves a Danish date by keyboard at 350 px", async () => {
    const { page, form, errors, context } = await openDetails("da-DK", "MG-DATO");

    const date = form.getByLabel("Dato", { exact: true });
    expect(await date.getAttribute("type")).toBe("text");
    expect(await date.inputValue()).toBe("01.03.2026");
    await shotsAtWidths(page, DATE_SHOTS, "da-DK-date");

    // Fluent's DatePicker, from the keyboard: ArrowDown in the box opens its calendar on the
    // chosen day, arrows move it, Enter picks it and focus comes back to the box.
    await date.focus();
    await page.keyboard.press("ArrowDown");
    const calendar = page.getByRole("dialog", { name: "Dato" });
    const grid = calendar.getByRole("grid", { name: /^marts 2026, / });
    await grid.waitFor();
    expect(await grid.locator("th").first().getAttribute("aria-label")).toBe("mandag");
    const focusedDay = () =>
      page.evaluate(() =>
        document.activeElement?.querySelector("button")?.getAttribute("aria-label"),
      );
    await page.waitForFunction(
      () =>
        document.activeElement?.querySelector("button")?.getAttribute("aria-label") ===
        "1, marts, 2026",
    );
    expect(await layoutProblems(page, "calendar")).toEqual([]);
    await shotsAtWidths(page, DATE_SHOTS, "da-DK-calendar", { widths: [320, 350] });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    expect(await focusedDay()).toBe("9, marts, 2026");
    await page.keyboard.press("Enter");
    await grid.waitFor({ state: "detached" });
    expect(await date.inputValue()).toBe("09.03.2026");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("INPUT");
    // Escape closes the calendar without picking and gives focus back to the box.
    await page.keyboard.press("ArrowDown");
    await grid.waitFor();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Escape");
    await grid.waitFor({ state: "detached" });
    expect(await date.inputValue()).toBe("09.03.2026");
    expect(await date.evaluate((box) => box === document.activeElement)).toBe(true);

    // Typed: an American-looking date is asked about, with the field named. Enter in the box is
    // the DatePicker's (it opens the calendar), so Tab leaves the box and the form is sent from
    // its Save button.
    const save = async () => {
      await page.keyboard.press("Tab");
      const gem = form.getByRole("button", { name: "Gem" });
      await gem.focus();
      await page.keyboard.press("Enter");
    };
    await date.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("12/07/2026");
    await save();
    await form
      .getByText(
        'Dato: "12/07/2026" kan læses på to måder. Mente du 12. juli 2026 (12.07.2026) eller 7. december 2026 (07.12.2026)?',
      )
      .waitFor();
    expect(await date.inputValue()).toBe("12/07/2026");
    expect(await layoutProblems(page, "asked")).toEqual([]);
    await shotsAtWidths(page, DATE_SHOTS, "da-DK-date-asked", { widths: [320, 350] });

    await date.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("7.12.2026");
    await save();
    await form.getByText("Gemt.").waitFor();
    expect(await date.inputValue()).toBe("07.12.2026");
    const saved = await call<{ date: string }>("GET", "/segments/MG-DATO");
    expect(saved.date).toBe("2026-12-07");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("opens an English calendar on a Sunday-first month by keyboard, at every width", async () => {
    const { etag } = await call<{ etag: string }>("GET", "/segments/MG-DATO");
    await call("PATCH", "/segments/MG-DATO", { date: "2026-12-07" }, { "if-match": etag });
    const { page, form, errors, context } = await openDetails("en-US", "MG-DATO");
    const date = form.getByLabel("Date", { exact: true });
    expect(await date.inputValue()).toBe("12/07/2026");

    await date.focus();
    await page.keyboard.press("ArrowDown");
    const grid = page.getByRole("dialog", { name: "Date" }).getByRole("grid", {
      name: /^December 2026, /,
    });
    await grid.waitFor();
    expect(await grid.locator("th").first().getAttribute("aria-label")).toBe("Sunday");
    await page.waitForFunction(
      () =>
        document.activeElement?.querySelector("button")?.getAttribute("aria-label") ===
        "7, December, 2026",
    );
    expect(await layoutProblems(page, "English calendar")).toEqual([]);
    await shotsAtWidths(page, DATE_SHOTS, "en-US-calendar");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await grid.waitFor({ state: "detached" });
    expect(await date.inputValue()).toBe("12/06/2026");
    expect(await date.evaluate((box) => box === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
