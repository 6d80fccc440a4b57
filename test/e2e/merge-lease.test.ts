/**
 * A server merge whose server dies: the pane merges a segment of 3,000 contacts into one
 * document per contact at 350 px, keyboard only, and the API process is killed with SIGKILL
 * mid-merge. The pane says the connection was lost and keeps reading the job; the API comes back
 * on the same port and data, the job ends failed ("server_stopped") once the dead process's
 * lease has run out, and the pane says how far it got and that no file was made, in English and
 * Danish, with "Merge again", which makes the whole file. Pictures at 320, 350 and 1280 px go to
 * MERGELINE_SCREENSHOTS_DIR.
 */
import type { Browser } from "playwright-core";
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
import { importBulkContacts, startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { axeProblems, carryCurrentToken, restartApi, unexpectedWhileDown } from "./killed-api";
import { shotsAtWidths } from "./shots-at-widths";
import { screenshotsDir } from "./screenshots-dir";

jest.setTimeout(400_000);

const SCREENSHOTS = screenshotsDir();
const TENANT = "contoso";
const USER = "demo.user@mergeline.dev";
const CONTACTS = 3000;
const BIG = "BIG-MERGE";
/** Short, so the pane waits little for the dead process's lease to run out. */
const API_ENV = { MERGELINE_MERGE_LEASE_SECONDS: "3" };

let stack: PaneStack | undefined;
let server: StaticServer;
let browser: Browser;
let dataDir: string;
/** The API's settings, Azurite's connection string among them: a restart starts it alike. */
let apiEnv: Record<string, string> = {};
/** The API now running; a test kills it and starts the next on the same port and data. */
let api: ApiChild;
const restarted: ApiChild[] = [];
let token: string;

interface JobView {
  status: string;
  failure?: string;
  progress: { done: number; total: number };
}

beforeAll(async () => {
  stack = await startPaneStack({ azurite: true, apiEnv: API_ENV });
  ({ server, api, browser, dataDir, apiEnv } = stack);
  token = await api.token(TENANT, USER);
  await importBulkContacts(apiCaller(api.apiUrl, token), { count: CONTACTS, city: "Bulkby" });
  await call("POST", "/segments", { no: BIG, description: "Everyone in Bulkby" });
  await call("POST", `/segments/${BIG}/add-contacts`, {
    filter: { kind: "field", field: "city", filter: "Bulkby" },
  });
  expect((await call<{ noOfLines: number }>("GET", `/segments/${BIG}`)).noOfLines).toBe(CONTACTS);
}, 420_000);

afterAll(async () => {
  for (const child of restarted) await child.close().catch(() => undefined);
  await stack?.close();
});

const call = <T>(method: string, pathAndQuery: string, body?: unknown) =>
  apiCaller(api.apiUrl, token)<T>(method, pathAndQuery, body);

const texts = {
  "en-US": {
    open: `Open segment ${BIG} Everyone in Bulkby`,
    tab: "Merge",
    perContact: "One document per contact (zip)",
    merge: "Merge",
    lost: /The connection to the server was lost\. Checking how far the merge got/,
    stopped: "The merge stopped because the server stopped",
    body: /It had got [\d,]+ of 3,000 of the way\. No file was made/,
    again: "Merge again",
    done: /Made one document for each of 3,000 contacts/,
  },
  "da-DK": {
    open: `Åbn målgruppe ${BIG} Everyone in Bulkby`,
    tab: "Flet",
    perContact: "Et dokument pr. kontakt (zip)",
    merge: "Flet",
    lost: /Forbindelsen til serveren blev afbrudt\. Undersøger, hvor langt fletningen nåede/,
    stopped: "Fletningen stoppede, fordi serveren stoppede",
    body: /Den var nået [\d.]+ af 3\.000\. Der blev ikke lavet nogen fil/,
    again: "Flet igen",
    done: /Lavede ét dokument til hver af 3\.000 kontakter/,
  },
} as const;

const killedMidMerge = async (language: "en-US" | "da-DK") => {
  const words = texts[language];
  const context = await paneContext(browser, {
    token,
    width: 350,
    height: 760,
    word: { displayLanguage: language, paragraphs: [language === "da-DK" ? "Kære ," : "Dear ,"] },
  });
  await carryCurrentToken(context, api.apiUrl, () => token);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const jobIds: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/segments/${BIG}/merge`))
      jobIds.push((request.postDataJSON() as { jobId: string }).jobId);
  });
  await page.goto(`${server.origin}/taskpane.html`);
  await press(page.getByRole("button", { name: words.open }));
  await openSegmentTab(page, words.tab, true);
  // The radio group by keyboard: on the first option, the arrow moves to "one per contact".
  await page.getByRole("radio").first().focus();
  await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: words.perContact }).isChecked()).toBe(true);
  await press(page.getByRole("button", { name: words.merge, exact: true }));

  // The server dies once the job has saved some progress.
  const id = await poll(
    async () => jobIds[0],
    (jobId) => jobId !== undefined,
    "the merge's job id",
    30_000,
  );
  await poll(
    () => call<JobView>("GET", `/merge-jobs/${id ?? ""}`).catch(() => undefined),
    (job) => (job?.progress.done ?? 0) > 0,
    "merge progress",
    120_000,
  );
  await api.kill();
  await page.getByText(words.lost).first().waitFor({ timeout: 30_000 });
  await shotsAtWidths(page, SCREENSHOTS, `${language}-merge-server-lost`);

  // Back on the same port and data: the pane's reads reach the job again.
  api = await restartApi(api, { dataDir, corsOrigin: server.origin, env: apiEnv });
  restarted.push(api);
  token = await api.token(TENANT, USER);
  await page.getByText(words.stopped).waitFor({ timeout: 60_000 });
  expect(await page.getByText(words.body).count()).toBe(1);
  const ended = await call<JobView>("GET", `/merge-jobs/${id ?? ""}`);
  expect(ended).toMatchObject({ status: "failed", failure: "server_stopped" });
  expect(await axeProblems(page)).toEqual([]);
  await shotsAtWidths(page, SCREENSHOTS, `${language}-merge-server-stopped`);

  // The way on: merging again, by keyboard, makes the whole file under a new job.
  const download = page.waitForEvent("download", { timeout: 240_000 });
  await press(page.getByRole("button", { name: words.again }));
  expect((await download).suggestedFilename()).toMatch(/\.zip$/);
  await page.getByText(words.done).waitFor({ timeout: 60_000 });
  expect(jobIds).toHaveLength(2);
  expect(await call<JobView>("GET", `/merge-jobs/${jobIds[1] ?? ""}`)).toMatchObject({
    status: "done",
    progress: { done: CONTACTS, total: CONTACTS },
  });
  expect(unexpectedWhileDown(errors)).toEqual([]);
  await context.close();
};

describe("a server merge whose server is killed mid-merge, in the pane", () => {
  it("says the server stopped, how far it got, that no file was made, and merges again (English)", () =>
    killedMidMerge("en-US"));

  it("says so in Danish too", () => killedMidMerge("da-DK"));
});
