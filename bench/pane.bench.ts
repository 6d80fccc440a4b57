/**
 * The task pane: how much JavaScript it loads at start, and how soon it is usable.
 *
 * 1. Initial JavaScript, gzip: every script the pane fetches at its start, until its own list
 *    is in (the production build, minified: the start-up script, the main scripts it loads once
 *    the early list is drawn, and any chunk fetched before the pane's list is in; in Word,
 *    Office's own sign-on gives the token, so no sign-in library), against the 169 KB gzip that
 *    Microsoft's own React task-pane template (Fluent UI v9, a hello-world pane) ships at its
 *    entry. The views loaded later on demand are reported beside it.
 * 2. Time to interactive in headless Chromium against the local stack (the API on its embedded
 *    store, 25 segments): from navigation until the segment list's first row can be clicked,
 *    signing in through the Word stand-in's broker as in Word, next to the time a bare page with
 *    only Office.js (the same stand-in, from the same server) takes to be ready. Fresh browser
 *    context per load (nothing cached), the two alternating, medians of 9 each.
 * 3. The same two pages without Playwright's request interception. The e2e stack puts the Word
 *    stand-in in place of office.js with a route, and once a context has any route Playwright
 *    pauses every request of the page until the test process lets it go (Chromium's
 *    Fetch.enable with the pattern "*", in playwright-core; a narrower pattern is matched in the
 *    test process, after the pause). The pane makes some eight requests before it is usable (the
 *    page, four scripts, office.js, the API's preflight and its answer), the bare page two: the
 *    pauses fall mostly on the pane's side. Here both pages load the stand-in from the local
 *    static server instead (the build's taskpane.html with only office.js's address changed),
 *    no route at all; a request that would leave the machine fails the benchmark.
 * 4. The same without the route, until the pane itself runs the list: its own row and its search
 *    box (the first row of 2 and 3 may be the list drawn before React runs,
 *    addin/features/segments/first-list/). No target: it says how long the rest of the list view
 *    (search, New, Import, Logged segments) waits.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import {
  OFFICE_JS_URL,
  STAND_IN_PATH,
  apiCaller,
  buildPane,
  freePort,
  launchChromium,
  paneContext,
  startApiChild,
  startStaticServer,
} from "../scripts/e2e-stack";
import type { BenchRow } from "./bench-row";
import { sideBySideTimed } from "./measure";

/** Microsoft's Office-Addin-TaskPane-React template (Fluent UI v9): its entry, gzip. */
const TEMPLATE_ENTRY_GZIP_KB = 169;
const RUNS = 9;

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/**
 * The scripts taskpane.html loads by itself: its start-up script, and the pane's main scripts
 * that script loads (named on its tag, `data-pane-scripts`).
 */
const initialScripts = (dir: string): string[] => {
  const html = readFileSync(path.join(dir, "taskpane.html"), "utf8");
  // Minified HTML leaves attribute values unquoted where it can.
  const value = (name: string) => `\\s${name}=(?:"([^"]+)"|'([^']+)'|([^\\s>]+))`;
  const sources = [...html.matchAll(new RegExp(`<script\\b[^>]*?${value("src")}`, "g"))];
  const named = [
    ...html.matchAll(new RegExp(`<script\\b[^>]*?${value("data-pane-scripts")}`, "g")),
  ];
  return [...sources, ...named]
    .flatMap((m) => (m.slice(1).find((group) => group !== undefined) as string).split(/\s+/))
    .filter((src) => !/^https?:/.test(src))
    .map((src) => path.join(dir, src.replace(/^\//, "")));
};

type Page = import("playwright-core").Page;

/**
 * Until the segment list's first row can be clicked: in the page, enabled and laid out. Both
 * sides are checked the same way, every animation frame (Playwright's actionability retries back
 * off to every 500 ms, which would add up to half a second to the pane's side only).
 */
const paneReady = (page: Page) =>
  page.waitForFunction(
    () => {
      const row = document.querySelector<HTMLButtonElement>(
        'button[aria-label^="Open segment BENCH-01 "]',
      );
      return row !== null && !row.disabled && row.getBoundingClientRect().height > 0;
    },
    undefined,
    { polling: "raf" },
  );
/**
 * Until the pane itself runs its list: its own row (not the one drawn before React ran,
 * features/segments/first-list/) and its search box, in the page and laid out.
 */
const paneOwnListReady = (page: Page) =>
  page.waitForFunction(
    () => {
      const row = document.querySelector<HTMLElement>('[data-segment-no="BENCH-01"]');
      const search = document.querySelector<HTMLInputElement>('input[type="search"]');
      return (
        row !== null &&
        search !== null &&
        !search.disabled &&
        row.getBoundingClientRect().height > 0 &&
        search.getBoundingClientRect().height > 0
      );
    },
    undefined,
    { polling: "raf" },
  );
const bareReady = (page: Page) =>
  page.waitForFunction(
    () => (window as { __readyAt?: number }).__readyAt !== undefined,
    undefined,
    {
      polling: "raf",
    },
  );

const VIEWPORT = { width: 350, height: 760 };

/**
 * A context like paneContext's, without any route: the pages load the stand-in from the local
 * static server themselves. Nothing may leave the machine: such a request fails the load.
 */
const directContext = async (browser: Browser, token: string) => {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
    locale: "en-US",
  });
  await context.addInitScript(
    (config) => {
      (window as unknown as { __wordStandInConfig: unknown }).__wordStandInConfig = config;
    },
    { accessToken: token },
  );
  return context;
};

const LOOPBACK = /^(https?:\/\/(127\.0\.0\.1|localhost)[:/]|data:)/;

/** One load in a fresh context: milliseconds until ready, and the pane's scripts it fetched. */
const load = async (
  browser: Browser,
  token: string,
  url: string,
  ready: (page: Page) => Promise<unknown>,
  routed = true,
) => {
  const context = routed
    ? await paneContext(browser, { token, ...VIEWPORT })
    : await directContext(browser, token);
  const page = await context.newPage();
  const offMachine: string[] = [];
  if (!routed)
    page.on("request", (request) => {
      if (!LOOPBACK.test(request.url())) offMachine.push(request.url());
    });
  const origin = new URL(url).origin;
  const scripts: string[] = [];
  page.on("response", (response) => {
    const at = new URL(response.url());
    if (at.origin === origin && at.pathname.endsWith(".js")) scripts.push(at.pathname);
  });
  const started = process.hrtime.bigint();
  await page.goto(url);
  await ready(page);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await context.close();
  if (offMachine.length)
    throw new Error(`the page reached off the machine: ${offMachine.join(", ")}`);
  return { ms, scripts };
};

export const benchPane = async (): Promise<BenchRow[]> => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "mergeline-bench-pane-data-"));
  const buildDir = mkdtempSync(path.join(os.tmpdir(), "mergeline-bench-pane-"));
  const server = await startStaticServer(buildDir);
  const port = await freePort();
  const [api] = await Promise.all([
    startApiChild({ port, dataDir, corsOrigin: server.origin }),
    buildPane(buildDir, `http://127.0.0.1:${port}/api`),
  ]);
  let browser: Browser | undefined;
  try {
    const initial = initialScripts(buildDir);
    const initialKb = initial.reduce((sum, file) => sum + gzipKb(file), 0);
    const lazyKb = readdirSync(buildDir)
      .filter((f) => f.endsWith(".js") && !initial.includes(path.join(buildDir, f)))
      .filter((f) => !f.startsWith("auth-dialog.") && !f.startsWith("commands."))
      .reduce((sum, f) => sum + gzipKb(path.join(buildDir, f)), 0);

    const token = await api.token("bench", "bench.user@contoso.com");
    const call = apiCaller(api.apiUrl, token);
    for (let i = 1; i <= 25; i++) {
      const no = `BENCH-${String(i).padStart(2, "0")}`;
      await call("POST", "/segments", { no, description: `Benchmark segment ${i}` });
    }
    browser = await launchChromium();
    // One untimed load each first (Chromium's own start-up is nobody's); it also tells which
    // scripts the pane fetches at its start: the start-up script, the main scripts it loads once
    // the early list is drawn, and the first view's chunks, until the pane's own list is in.
    const first = await load(browser, token, `${server.origin}/taskpane.html`, paneOwnListReady);
    await load(browser, token, `${server.origin}/bare.html`, bareReady);
    const atStartKb = [...new Set(first.scripts)].reduce(
      (sum, file) => sum + gzipKb(path.join(buildDir, file)),
      0,
    );
    const b = browser;
    const tti = await sideBySideTimed(
      RUNS,
      async () => (await load(b, token, `${server.origin}/taskpane.html`, paneReady)).ms,
      async () => (await load(b, token, `${server.origin}/bare.html`, bareReady)).ms,
    );

    // The same two pages with the stand-in served from the static server: no route, no pauses.
    const localOfficeJs = `${server.origin}/office-stand-in.js`;
    writeFileSync(path.join(buildDir, "office-stand-in.js"), readFileSync(STAND_IN_PATH));
    const paneHtml = readFileSync(path.join(buildDir, "taskpane.html"), "utf8");
    if (!paneHtml.includes(OFFICE_JS_URL)) throw new Error("taskpane.html loads no office.js");
    writeFileSync(
      path.join(buildDir, "taskpane-direct.html"),
      paneHtml.replaceAll(OFFICE_JS_URL, localOfficeJs),
    );
    const barePage = await (await fetch(`${server.origin}/bare.html`)).text();
    writeFileSync(
      path.join(buildDir, "bare-direct.html"),
      barePage.replaceAll(OFFICE_JS_URL, localOfficeJs),
    );
    await load(b, token, `${server.origin}/taskpane-direct.html`, paneReady, false);
    await load(b, token, `${server.origin}/bare-direct.html`, bareReady, false);
    const direct = await sideBySideTimed(
      RUNS,
      async () =>
        (await load(b, token, `${server.origin}/taskpane-direct.html`, paneReady, false)).ms,
      async () => (await load(b, token, `${server.origin}/bare-direct.html`, bareReady, false)).ms,
    );

    const whole = await sideBySideTimed(
      RUNS,
      async () =>
        (await load(b, token, `${server.origin}/taskpane-direct.html`, paneOwnListReady, false)).ms,
      async () => (await load(b, token, `${server.origin}/bare-direct.html`, bareReady, false)).ms,
    );

    return [
      {
        name: "pane JS until usable (gzip)",
        ours: atStartKb,
        peerName: "MS React template entry",
        peer: TEMPLATE_ENTRY_GZIP_KB,
        unit: "KB",
        ratio: atStartKb / TEMPLATE_ENTRY_GZIP_KB,
        target: "<=1",
        note: `${new Set(first.scripts).size} scripts: taskpane.html's ${initialKb.toFixed(0)} KB + chunks fetched until the pane's own list is in; ${lazyKb.toFixed(0)} KB in views loaded on demand`,
      },
      {
        name: "pane time to interactive",
        ours: tti.ours,
        peerName: "bare page with Office.js",
        peer: tti.peer,
        unit: "ms",
        ratio: tti.ours / tti.peer,
        note: "segment list clickable, signed in, vs Office.onReady; medians of 9",
      },
      {
        name: "pane time to interactive, no interception",
        ours: direct.ours,
        peerName: "bare page with Office.js",
        peer: direct.peer,
        unit: "ms",
        ratio: direct.ours / direct.peer,
        target: "<=2",
        note: "as above, office.js (the stand-in) from the local server, no Playwright route; the list drawn before React runs",
      },
      {
        name: "pane's own list and search, no interception",
        ours: whole.ours,
        peerName: "bare page with Office.js",
        peer: whole.peer,
        unit: "ms",
        ratio: whole.ours / whole.peer,
        note: "React's list has taken the early one's place and its search box is in: the whole list view usable",
      },
    ];
  } finally {
    await browser?.close();
    await api.close();
    await server.close();
    for (const dir of [dataDir, buildDir]) rmSync(dir, { recursive: true, force: true });
  }
};
