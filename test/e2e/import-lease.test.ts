/**
 * A contact import whose server dies (issue 16): the pane imports a file of 2,000 contacts at
 * 350 px, and the API process is killed with SIGKILL mid-way. The pane says the connection was
 * lost and keeps reading the job; the API comes back on the same port and data, the job ends
 * failed once the dead process's lease has run out, and the pane says so in words a marketer
 * knows, in English and Danish, with "Import the same file again", which adds exactly the rows
 * that are missing. Pictures at 320, 350 and 1280 px go to MERGELINE_SCREENSHOTS_DIR.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import {
  apiCaller,
  collectPageErrors,
  paneContext,
  poll,
  press,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { axeProblems, carryCurrentToken, restartApi, unexpectedWhileDown } from "./killed-api";
import { shotsAtWidths } from "./shots-at-widths";
import { screenshotsDir } from "./screenshots-dir";

jest.setTimeout(300_000);

const SCREENSHOTS = screenshotsDir();
const TENANT = "contoso";
const USER = "demo.user@mergeline.dev";
const ROWS = 2000;
/** Short, so the pane waits little for the dead process's lease to run out. */
const API_ENV = { MERGELINE_IMPORT_PAGE_ROWS: "50", MERGELINE_IMPORT_LEASE_SECONDS: "3" };

let stack: PaneStack | undefined;
let server: StaticServer;
let browser: Browser;
let dataDir: string;
/** The API now running; a test kills it and starts the next on the same port and data. */
let api: ApiChild;
const restarted: ApiChild[] = [];
let token: string;

interface JobView {
  status: string;
  failure?: string;
  created: number;
}

beforeAll(async () => {
  stack = await startPaneStack({ apiEnv: API_ENV });
  ({ server, api, browser, dataDir } = stack);
  token = await api.token(TENANT, USER);
}, 420_000);

afterAll(async () => {
  for (const child of restarted) await child.close().catch(() => undefined);
  await stack?.close();
});

const call = <T>(method: string, pathAndQuery: string) =>
  apiCaller(api.apiUrl, token)<T>(method, pathAndQuery);

/**
 * Rows keyed by No., rows keyed by e-mail alone, and rows with neither (a list from outside
 * Business Central), a third each.
 */
const csvFile = (name: string, prefix: string): string => {
  const rows = Array.from({ length: ROWS }, (_, i) =>
    i % 3 === 0
      ? `${prefix}${String(i + 1).padStart(5, "0")};Kontakt ${i + 1};person;`
      : i % 3 === 1
        ? `;Kontakt ${i + 1};person;${prefix.toLowerCase()}${i + 1}@eksempel.dk`
        : `;Kontakt ${prefix} ${i + 1};person;`,
  );
  const file = path.join(dataDir, name);
  writeFileSync(file, `\uFEFFNr.;Navn;Type;E-mail\r\n${rows.join("\r\n")}\r\n`);
  return file;
};

/** The tenant's contacts as the API counts them: the rows of its CSV export. */
const storedContacts = async (): Promise<number> => {
  const response = await fetch(`${api.apiUrl}/contacts/export`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const lines = (await response.text()).split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.length - 1;
};

const texts = {
  "en-US": {
    open: "Import contacts…",
    choose: "Choose file…",
    start: "Import",
    lost: /The connection to the server was lost/,
    stopped:
      /The import stopped because the server stopped\. The [\d,]+ contacts imported before that are kept\. Import the same file again/,
    again: "Import the same file again",
    done: /Import finished: [\d,]+ added, [\d,]+ already there, of 2,000 rows\./,
  },
  "da-DK": {
    open: "Importér kontakter…",
    choose: "Vælg fil…",
    start: "Importér",
    lost: /Forbindelsen til serveren blev afbrudt/,
    stopped:
      /Importen stoppede, fordi serveren stoppede\. De [\d.]+ kontakter, der blev importeret inden da, bliver\. Importér den samme fil igen/,
    again: "Importér den samme fil igen",
    done: /Importen er færdig: [\d.]+ tilføjet, [\d.]+ fandtes allerede, af 2\.000 rækker\./,
  },
} as const;

const killedMidImport = async (language: "en-US" | "da-DK", prefix: string) => {
  const words = texts[language];
  const before = await storedContacts();
  const file = csvFile(`kontakter-${prefix}.csv`, prefix);
  const context = await paneContext(browser, {
    token,
    width: 350,
    height: 760,
    word: { displayLanguage: language },
  });
  await carryCurrentToken(context, api.apiUrl, () => token);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const jobIds: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/contacts/import"))
      jobIds.push((request.postDataJSON() as { jobId: string }).jobId);
  });
  await page.goto(`${server.origin}/taskpane.html`);
  await press(page.getByRole("button", { name: words.open }));
  await page.getByRole("button", { name: words.choose }).waitFor();
  await page.keyboard.press("Enter");
  await page.locator('input[type="file"]').setInputFiles(file);
  await press(page.getByRole("button", { name: words.start, exact: true }));

  // The server dies once it has written a few pages.
  const id = await poll(
    async () => jobIds[0],
    (jobId) => jobId !== undefined,
    "the import's job id",
    30_000,
  );
  await poll(
    () => call<JobView>("GET", `/contact-import-jobs/${id ?? ""}`).catch(() => undefined),
    (job) => (job?.created ?? 0) > 0,
    "contacts created",
    120_000,
  );
  await api.kill();
  await page.getByText(words.lost).first().waitFor({ timeout: 30_000 });
  await shotsAtWidths(page, SCREENSHOTS, `${language}-import-server-lost`);

  // Back on the same port and data: the pane's reads reach the job again.
  api = await restartApi(api, { dataDir, corsOrigin: server.origin, env: API_ENV });
  restarted.push(api);
  token = await api.token(TENANT, USER);
  await page.getByText(words.stopped).waitFor({ timeout: 60_000 });
  const ended = await call<JobView>("GET", `/contact-import-jobs/${id ?? ""}`);
  expect(ended).toMatchObject({ status: "failed", failure: "server_stopped" });
  const kept = (await storedContacts()) - before;
  expect(kept).toBeGreaterThanOrEqual(ended.created);
  expect(kept).toBeLessThan(ROWS);
  expect(await axeProblems(page)).toEqual([]);
  await shotsAtWidths(page, SCREENSHOTS, `${language}-import-server-stopped`);

  // The way on: the same file again adds exactly the rows missing, none twice.
  await press(page.getByRole("button", { name: words.again }));
  await page.getByText(words.done).waitFor({ timeout: 150_000 });
  expect(jobIds).toHaveLength(2);
  expect(await call<JobView>("GET", `/contact-import-jobs/${jobIds[1] ?? ""}`)).toMatchObject({
    status: "done",
    created: ROWS - kept,
  });
  expect(await storedContacts()).toBe(before + ROWS);
  expect(await axeProblems(page)).toEqual([]);
  await shotsAtWidths(page, SCREENSHOTS, `${language}-import-again-done`);
  expect(unexpectedWhileDown(errors)).toEqual([]);
  await context.close();
};

describe("a contact import whose server is killed mid-way, in the pane", () => {
  it("says the server stopped, how many contacts were kept, and imports the rest (English)", () =>
    killedMidImport("en-US", "EN"));

  it("says so in Danish too", () => killedMidImport("da-DK", "DA"));
});
