/**
 * Long work the pane shows and can stop (issue 16): a merge of 3,000 contacts on the server, in
 * the production bundle in headless Chromium with the Word stand-in, against the real local API.
 * The pane follows the server's merge job (/merge-jobs/{id}) while the merge runs, so the count
 * moves ("1,204 of 3,000"; Danish "1.204 af 3.000"), and Cancel stops the server's job: it ends
 * canceled and its progress stops growing, as the API tells. Pictures of the progress at 320,
 * 350 and 1280 px in English and Danish go to MERGELINE_SCREENSHOTS_DIR (test-results/ otherwise).
 */
import os from "node:os";
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
import { shotsAtWidths } from "./shots-at-widths";
import { importBulkContacts, startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { screenshotsDir } from "./screenshots-dir";

// Generous: on a machine shared with other builds, webpack alone can take minutes.
jest.setTimeout(300_000);

const SCREENSHOTS = screenshotsDir();
const TENANT = "contoso";
const CONTACTS = 3000;
const SEGMENT = "BIG-MERGE";

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;
let call: ReturnType<typeof apiCaller>;
let token: string;

/** The Word stand-in's view of the document (test/e2e/README.md). */
interface StandInView {
  refusedPayloads: number;
  documentText(): string;
}
type WithStandIn = { __wordStandIn: StandInView };

interface JobView {
  status: string;
  progress: { done: number; total: number };
}

beforeAll(async () => {
  stack = await startPaneStack({ azurite: true });
  ({ server, api, browser } = stack);
  token = await api.token(TENANT, "demo.user@mergeline.dev");
  call = apiCaller(api.apiUrl, token);
  expect(await importBulkContacts(call, { count: CONTACTS, city: "Bulkby" })).toBe(CONTACTS);
  await call("POST", "/segments", { no: SEGMENT, description: "Everyone in Bulkby" });
  await call("POST", `/segments/${SEGMENT}/add-contacts`, {
    filter: { kind: "field", field: "city", filter: "Bulkby" },
  });
}, 420_000);

afterAll(() => stack?.close());

const openMerge = async (
  language: "en-US" | "da-DK",
  output: "perContact" | "document" = "perContact",
  word: Record<string, unknown> = {},
) => {
  const da = language === "da-DK";
  const context = await paneContext(browser, {
    token,
    width: 350,
    height: 760,
    word: { displayLanguage: language, paragraphs: [da ? "Kære ," : "Dear ,"], ...word },
  });
  const page = await context.newPage();
  lastPage.page = page;
  const errors = collectPageErrors(page);
  // The job id the pane chose, read from the merge request it sends.
  const jobIds: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/segments/${SEGMENT}/merge`))
      jobIds.push((request.postDataJSON() as { jobId: string }).jobId);
  });
  await page.goto(`${server.origin}/taskpane.html`);
  await page
    .getByRole("button", {
      name: `${da ? "Åbn målgruppe" : "Open segment"} ${SEGMENT} Everyone in Bulkby`,
    })
    .click();
  await openSegmentTab(page, da ? "Flet" : "Merge");
  if (output === "perContact")
    await page
      .getByRole("radio", {
        name: da ? "Et dokument pr. kontakt (zip)" : "One document per contact (zip)",
      })
      .check();
  return { page, context, errors, jobIds, da };
};

/** The count the progress shows now ("1,204 of 3,000" / "1.204 af 3.000"), if any. */
const shownCount = async (page: Page, da: boolean): Promise<number | undefined> => {
  const text = (await page.locator("body").textContent()) ?? "";
  const pattern = da ? /([\d.]+) af 3\.000/ : /([\d,]+) of 3,000/;
  const hit = pattern.exec(text);
  return hit ? Number((hit[1] ?? "").replace(/[.,]/g, "")) : undefined;
};

/** Reads the shown count until `until` holds for the page; every count seen, in order. */
const watchCounts = async (page: Page, da: boolean, until: (seen: number[]) => boolean) => {
  const seen: number[] = [];
  for (let reads = 0; reads < 1200 && !until(seen); reads++) {
    const count = await shownCount(page, da);
    if (count !== undefined && seen[seen.length - 1] !== count) seen.push(count);
    await page.waitForTimeout(100);
  }
  return seen;
};

const shots = (page: Page, name: string) => shotsAtWidths(page, SCREENSHOTS, name);

// A failing step leaves a picture of the pane behind: what did it show?
const lastPage: { page?: Page } = {};
afterEach(async () => {
  if (lastPage.page && !lastPage.page.isClosed())
    await lastPage.page.screenshot({ path: path.join(os.tmpdir(), "progress16-e2e-last.png") });
});

const job = (id: string) => call<JobView>("GET", `/merge-jobs/${id}`);

describe("long work in the pane: a 3,000-contact merge", () => {
  it("shows the server's progress moving, in the user's numbers, to the end", async () => {
    const { page, context, errors, jobIds } = await openMerge("en-US");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 150_000 }),
      (async () => {
        // Every count the pane shows is recorded in the page as it renders (a sampling loop
        // here would miss counts while the screenshots are taken).
        await page.evaluate(() => {
          const shown: number[] = [];
          Object.assign(window, { shownCounts: shown });
          new MutationObserver(() => {
            const hit = /([\d,]+) of 3,000/.exec(document.body.textContent ?? "");
            const count = hit ? Number((hit[1] ?? "").replace(/,/g, "")) : undefined;
            if (count !== undefined && shown[shown.length - 1] !== count) shown.push(count);
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        await page.getByRole("button", { name: "Merge", exact: true }).click();
        const early = await watchCounts(page, false, (seen) => seen.some((c) => c > 0));
        expect(early.length).toBeGreaterThan(0);
        await shots(page, "en-US-merge-progress");
      })(),
    ]);
    const shown = await page.evaluate(
      () => (window as unknown as { shownCounts: number[] }).shownCounts,
    );
    // The count moved while the server merged: from nothing, through a count short of the end,
    // never backwards.
    expect(shown.some((c) => c > 0 && c < CONTACTS)).toBe(true);
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    await page.getByText(/Merged .* letters|Made .* for each of 3,000 contacts/).waitFor();
    expect((await job(jobIds[0] ?? "")).status).toBe("done");
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });

  it("Cancel stops the server's job, in Danish", async () => {
    const { page, context, errors, jobIds, da } = await openMerge("da-DK");
    await page.getByRole("button", { name: "Flet", exact: true }).click();
    await watchCounts(page, da, (seen) => seen.some((c) => c > 0));
    // One picture at the pane's width, not three: on an idle machine a 3,000-letter merge can
    // finish while the pane is resized, and Cancel must come while it runs. (The English test
    // checks the progress at every width.)
    await page.screenshot({
      path: path.join(SCREENSHOTS, "da-DK-merge-progress-350.png"),
      caret: "hide",
      fullPage: true,
    });
    const id = jobIds[0] ?? "";
    expect((await job(id)).status).toBe("running");

    await page.getByRole("button", { name: "Annuller" }).click();
    await page.getByText("Fletningen blev annulleret.").waitFor();
    await shots(page, "da-DK-merge-canceled");

    // The job ends canceled on the server...
    let ended = await job(id);
    for (let tries = 0; tries < 100 && ended.status !== "canceled"; tries++) {
      await page.waitForTimeout(100);
      ended = await job(id);
    }
    expect(ended.status).toBe("canceled");
    expect(ended.progress.done).toBeLessThan(CONTACTS);
    // ...and the server works on it no more: its progress stays where the cancel found it.
    await page.waitForTimeout(3000);
    const later = await job(id);
    expect(later.status).toBe("canceled");
    expect(later.progress.done).toBe(ended.progress.done);
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    await context.close();
  });

  it("hands over a merge larger than Word takes from an add-in as a file, and says why", async () => {
    // WordApi 1.1: the merge goes into this document as OOXML, 3,000 letters of it, over the
    // 4 MB Word on the web takes in one request (the stand-in refuses it as Word does).
    const body = Array.from(
      { length: 8 },
      (_, i) =>
        `Paragraph ${i + 1}: thank you for a good year together. We look forward to showing you what the spring brings, and we hope to see you at one of our events in Bulkby soon.`,
    );
    for (const language of ["en-US", "da-DK"] as const) {
      const da = language === "da-DK";
      const { page, context, errors } = await openMerge(language, "document", {
        wordApi: "1.1",
        paragraphs: [da ? "Kære ," : "Dear ,", ...body],
      });
      await page
        .getByRole("radio", { name: da ? "Tilføj til dette dokument" : "Append to this document" })
        .check();
      const letter = await page.evaluate(() =>
        (window as unknown as WithStandIn).__wordStandIn.documentText(),
      );
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 200_000 }),
        page.getByRole("button", { name: da ? "Flet" : "Merge", exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${SEGMENT}.docx`);
      await page
        .getByText(
          da
            ? /Flettede 3\.000 breve, men dokumentet fylder [\d,]+ MB, mere end Word tager imod fra et tilføjelsesprogram ad gangen \(4 MB\)/
            : /Merged 3,000 letters, but the document is [\d.]+ MB, more than Word accepts from an add-in in one go \(4 MB\)/,
        )
        .waitFor();
      await shots(page, `${language}-merge-too-large-for-word`);
      // Known beforehand: nothing went to Word, which has the letter as it was.
      expect(
        await page.evaluate(() => (window as unknown as WithStandIn).__wordStandIn.refusedPayloads),
      ).toBe(0);
      expect(
        await page.evaluate(() => (window as unknown as WithStandIn).__wordStandIn.documentText()),
      ).toBe(letter);
      expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
      await context.close();
    }
  });
});
