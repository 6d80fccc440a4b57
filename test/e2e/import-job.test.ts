/**
 * Importing contacts from the pane (issue 16): the segment list's "Import contacts…" opens the
 * import, a keyboard user chooses a CSV of a few thousand rows at 350 px, the pane follows the
 * server's import job (/contact-import-jobs/{id}) so the count moves ("1,204 of 3,229 rows";
 * Danish "1.204 af 3.229 rækker"), the rows left out are summed up by kind, and Cancel stops the
 * server: the job ends canceled and the contacts stop growing, as the API tells. Pictures at
 * 320, 350 and 1280 px in English and Danish go to MERGELINE_SCREENSHOTS_DIR.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  apiCaller,
  collectPageErrors,
  paneContext,
  poll,
  press,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { shotsAtWidths } from "./shots-at-widths";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { screenshotsDir } from "./screenshots-dir";

jest.setTimeout(300_000);

const SCREENSHOTS = screenshotsDir();
const TENANT = "contoso";
const ROWS = 3229;

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;
let call: ReturnType<typeof apiCaller>;
let token: string;
let dataDir: string;

interface JobView {
  status: string;
  progress: { done: number; total: number };
  created: number;
}

/** A CSV as Danish Excel saves it; every 100th row has an e-mail address that is not one. */
const csvFile = (name: string, prefix: string): string => {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const n = i + 1;
    const email = n % 100 === 0 ? "ikke-en-adresse" : `${prefix.toLowerCase()}${n}@eksempel.dk`;
    return `${prefix}${String(n).padStart(5, "0")};Kontakt ${n};person;Aarhus C;${email}`;
  });
  const file = path.join(dataDir, name);
  writeFileSync(file, `\uFEFFNr.;Navn;Type;By;E-mail\r\n${rows.join("\r\n")}\r\n`);
  return file;
};

beforeAll(async () => {
  // Pages of 50 rows: 65 saves of the job for a file of 3,229, so the count has room to move.
  stack = await startPaneStack({ apiEnv: { MERGELINE_IMPORT_PAGE_ROWS: "50" } });
  ({ server, api, browser, dataDir } = stack);
  token = await api.token(TENANT, "demo.user@mergeline.dev");
  call = apiCaller(api.apiUrl, token);
}, 420_000);

afterAll(() => stack?.close());

const job = (id: string) => call<JobView>("GET", `/contact-import-jobs/${id}`);

/** The tenant's contacts as the API counts them: the rows of its CSV export. */
const storedContacts = async (): Promise<number> => {
  const response = await fetch(`${api.apiUrl}/contacts/export`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const lines = (await response.text()).split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.length - 1;
};

const shots = (page: Page, name: string) => shotsAtWidths(page, SCREENSHOTS, name);

/**
 * Enter on the focused "Choose file…" button, and the file as the browser's file dialog hands
 * it over. The system Chromium these tests drive does not report its file dialog to Playwright
 * (no "filechooser" event), so the file goes to the input the button opens, as start.test.ts
 * gives the letter its file.
 */
const chooseFile = async (page: Page, file: string) => {
  await page.keyboard.press("Enter");
  await page.locator('input[type="file"]').setInputFiles(file);
};

/**
 * The pane at 350 px with the import open and `file` chosen, keyboard only: Import
 * contacts…, Choose file… (the browser's file chooser answers with the file), then Import.
 */
const importByKeyboard = async (language: "en-US" | "da-DK", file: string) => {
  const da = language === "da-DK";
  const context = await paneContext(browser, {
    token,
    width: 350,
    height: 760,
    word: { displayLanguage: language },
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const jobIds: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/contacts/import"))
      jobIds.push((request.postDataJSON() as { jobId: string }).jobId);
  });
  await page.goto(`${server.origin}/taskpane.html`);
  // Every count the pane shows, recorded in the page as it renders.
  await page.evaluate((danish) => {
    const shown: number[] = [];
    Object.assign(window, { shownCounts: shown });
    const pattern = danish ? /([\d.]+) af 3\.229 rækker/ : /([\d,]+) of 3,229 rows/;
    new MutationObserver(() => {
      const hit = pattern.exec(document.body.textContent ?? "");
      const count = hit ? Number((hit[1] ?? "").replace(/[.,]/g, "")) : undefined;
      if (count !== undefined && shown[shown.length - 1] !== count) shown.push(count);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, da);
  await press(page.getByRole("button", { name: da ? "Importér kontakter…" : "Import contacts…" }));
  const chooseButton = page.getByRole("button", { name: da ? "Vælg fil…" : "Choose file…" });
  await chooseButton.waitFor();
  // The panel puts the keyboard on its first control.
  expect(await chooseButton.evaluate((el) => el === document.activeElement)).toBe(true);
  await chooseFile(page, file);
  await press(page.getByRole("button", { name: da ? "Importér" : "Import", exact: true }));
  return { page, context, errors, jobIds, da };
};

const shownCounts = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownCounts: number[] }).shownCounts);

describe("importing contacts from the pane, as a job", () => {
  it("shows the server's progress moving, then the rows left out by kind (English)", async () => {
    const file = csvFile("kontakter-en.csv", "EN");
    const { page, context, errors, jobIds } = await importByKeyboard("en-US", file);
    await poll(
      () => shownCounts(page),
      (s) => s.some((c) => c > 0),
      "a count above 0",
      120_000,
    );
    await shots(page, "en-US-import-progress");
    await page.getByText(/Import finished: 3,197 of 3,229 rows imported\./).waitFor({
      timeout: 150_000,
    });
    const shown = await shownCounts(page);
    expect(shown.some((c) => c > 0 && c < ROWS)).toBe(true);
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
    // The rows left out, as one kind with its count and first rows, not 32 lines.
    await page.getByText("32 ×").waitFor();
    await page
      .getByText(/E-Mail: Not in a form that can be used here\./)
      .first()
      .waitFor();
    await page.getByText(/Rows: 100, 200, 300/).waitFor();
    await shots(page, "en-US-import-done");
    const ended = await job(jobIds[0] ?? "");
    expect(ended).toMatchObject({ status: "done", created: ROWS - 32 });
    expect(await storedContacts()).toBe(ROWS - 32);
    // Closing the import puts the keyboard back on the button that opened it.
    await press(page.getByRole("button", { name: "Close import" }).last());
    await poll(
      () => page.evaluate(() => document.activeElement?.textContent ?? "(body)"),
      (label) => label === "Import contacts…",
      "focus back on Import contacts…",
      5_000,
    );
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });

  it("Cancel stops the server's import: the count stops growing, what was imported stays (Danish)", async () => {
    const before = await storedContacts();
    const file = csvFile("kontakter-da.csv", "DA");
    const { page, context, errors, jobIds } = await importByKeyboard("da-DK", file);
    await poll(
      () => shownCounts(page),
      (s) => s.some((c) => c > 0),
      "a count above 0",
      120_000,
    );
    await shots(page, "da-DK-import-progress");
    const id = jobIds[0] ?? "";
    expect((await job(id)).status).toBe("running");
    await press(page.getByRole("button", { name: "Annuller import" }));
    await page.getByText(/Importen er annulleret/).waitFor({ timeout: 60_000 });
    await shots(page, "da-DK-import-canceled");

    const ended = await job(id);
    expect(ended.status).toBe("canceled");
    expect(ended.created).toBeLessThan(ROWS - 32);
    // The server works on it no more: neither the job nor the contacts grow after the cancel.
    const stored = await storedContacts();
    expect(stored - before).toBe(ended.created);
    await page.waitForTimeout(3000);
    expect((await job(id)).created).toBe(ended.created);
    expect(await storedContacts()).toBe(stored);
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });

  it("says what was left out in Danish, and a file that is no CSV is stopped before it is sent", async () => {
    // The English file again: every row is there already, so every row is skipped.
    const file = csvFile("kontakter-en.csv", "EN");
    const { page, context, errors } = await importByKeyboard("da-DK", file);
    await page
      .getByText(/Importen er færdig: 0 tilføjet, 3\.197 fandtes allerede, af 3\.229 rækker\./)
      .waitFor({
        timeout: 150_000,
      });
    await page.getByText("Fandtes allerede, sprunget over: 3.197").waitFor();
    await page.getByText("Vis de første 500 rækker").waitFor();
    await shots(page, "da-DK-import-done");
    const xlsx = path.join(dataDir, "kontakter.xlsx");
    writeFileSync(xlsx, "PK\u0003\u0004");
    await press(page.getByRole("button", { name: "Importér en anden fil" }));
    // The chooser comes back where that button was, with the keyboard on it.
    await poll(
      () => page.evaluate(() => document.activeElement?.textContent ?? ""),
      (text) => text === "Vælg fil…",
      "focus on Vælg fil…",
      5_000,
    );
    await chooseFile(page, xlsx);
    await page.getByText(/Vælg en \.csv-fil/).waitFor();
    expect(await page.getByRole("button", { name: "Importér", exact: true }).isDisabled()).toBe(
      true,
    );
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });
});
