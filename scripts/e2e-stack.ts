/**
 * The pieces the end-to-end test and the pane benchmark stand up: the real local API (scripts/
 * start.ts as a child, as `npm start -- --api-only` runs it), a production build of the pane
 * pointing at it, a static server for the build on another origin (so CORS is exercised), and
 * headless Chromium (Debian's /usr/bin/chromium through playwright-core) loading the pane with
 * the Word stand-in (test/e2e/word-stand-in/office.js) in place of Microsoft's office.js.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { renderHostingConfig } from "./build-manifests";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "playwright-core";

const root = path.resolve(__dirname, "..");
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const STAND_IN_PATH = path.join(root, "test/e2e/word-stand-in/office.js");

export { freePort } from "../functions/store/embedded/free-port";
// ── The API ─────────────────────────────────────────────────────────────────────────────────

export interface ApiChild {
  /** e.g. http://127.0.0.1:41234/api */
  readonly apiUrl: string;
  /** A bearer token from the local development issuer. */
  token(tenant: string, user: string): Promise<string>;
  /** kill -9, as a crashed server goes: no shutdown of its own; resolves once it is gone. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

/** `npm start -- --api-only` on a fresh data folder, allowing `corsOrigin`; resolves once ready. */
export const startApiChild = async ({
  port,
  dataDir,
  corsOrigin,
  env = {},
}: {
  port: number;
  dataDir: string;
  corsOrigin: string;
  /** Settings for this API only (e.g. Azurite's connection string, a smaller page). */
  env?: Record<string, string>;
}): Promise<ApiChild> => {
  // One process, node itself with tsx's loader (not the tsx CLI, which runs the server in a
  // child of its own): a kill reaches the server, as a crash would end it.
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/start.ts",
      "--api-only",
      "--no-seed",
      "--data-dir",
      dataDir,
      "--api-port",
      String(port),
      "--cosmos-port",
      "0",
    ],
    {
      cwd: root,
      env: { ...process.env, ...env, MERGELINE_CORS_ORIGINS: corsOrigin },
      stdio: ["ignore", "pipe", "pipe"],
      detached: false,
    },
  );
  let output = "";
  const apiUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the API did not start within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /API ready on (\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code}:\n${output}`));
    });
  });
  const origin = new URL(apiUrl).origin;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    apiUrl,
    token: async (tenant, user) => {
      const response = await fetch(`${origin}/dev-issuer/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tenant, user }),
      });
      if (!response.ok) throw new Error(`dev issuer: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { access_token: string }).access_token;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
};

/** A JSON caller for seeding through the API, as an authenticated user. */
export const apiCaller =
  (apiUrl: string, token: string) =>
  async <T = unknown>(
    method: string,
    pathAndQuery: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const response = await fetch(`${apiUrl}${pathAndQuery}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${pathAndQuery}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };

// ── The pane ────────────────────────────────────────────────────────────────────────────────

export { buildPane, type PaneBuildMode } from "./pane-build";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".json": "application/json",
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * The headers the pane is served with in Azure (infra/staticwebapp.config.json, its
 * Content-Security-Policy allowing the API at `apiUrl`), so the browser enforces them here too.
 */
export const productionPaneHeaders = (apiUrl: string): Record<string, string> => {
  const template = readFileSync(path.join(root, "infra/staticwebapp.config.json"), "utf8");
  const config = JSON.parse(renderHostingConfig(template, { apiUrl })) as {
    globalHeaders: Record<string, string>;
  };
  // HSTS means nothing over loopback http; the rest applies as it is.
  const { "Strict-Transport-Security": _hsts, ...headers } = config.globalHeaders;
  return headers;
};

/**
 * Serves `dir` on loopback with `headers` on every answer, plus /bare.html: a page with
 * Office.js (the stand-in) and nothing else, the floor the pane's start-up time is compared with.
 */
export const startStaticServer = async (
  dir: string,
  headers: Record<string, string> = {},
): Promise<StaticServer> => {
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/bare.html") {
        res.writeHead(200, { "content-type": contentTypes[".html"] });
        res.end(BARE_PAGE);
        return;
      }
      const file = path.join(
        dir,
        path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ""),
      );
      try {
        if (!(await stat(file)).isFile()) throw new Error("not a file");
        res.writeHead(200, {
          "content-type": contentTypes[path.extname(file)] ?? "application/octet-stream",
          "cache-control": "no-cache",
        });
        res.end(await readFile(file));
      } catch {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: bound } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

const BARE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>Office.js only</title>
<script src="${OFFICE_JS_URL}"></script></head>
<body><p id="state">loading</p>
<script>
  Office.onReady().then(function () {
    document.getElementById("state").textContent = "ready";
    window.__readyAt = performance.now();
  });
</script></body></html>`;

// ── The browser ─────────────────────────────────────────────────────────────────────────────

/** Where a Chromium may be: CHROMIUM_PATH, the system's, Chrome's, or one Playwright installed. */
const chromiumCandidates = (): string[] => [
  ...(process.env["CHROMIUM_PATH"] ? [process.env["CHROMIUM_PATH"]] : []),
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  chromium.executablePath(),
];

/** The first Chromium found, or an error that says how to get one. */
export const findChromium = (): string => {
  const candidates = chromiumCandidates();
  const found = candidates.find((file) => file && existsSync(file));
  if (found) return found;
  throw new Error(
    "No Chromium for the end-to-end test. Install one (Debian/Ubuntu: apt-get install chromium; " +
      "anywhere: npx playwright-core install chromium) or set CHROMIUM_PATH. Looked in: " +
      candidates.join(", "),
  );
};

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: findChromium(),
    headless: true,
    // playwright-core gives every launch a fresh, temporary profile (--user-data-dir).
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });

export interface PaneContextOptions {
  /**
   * The signed-in user's access token, which the Word stand-in hands to the pane's MSAL as Word's
   * nested app authentication broker does (its config's accessToken). Without one the host
   * offers no NestedAppAuth and the pane would need the internet to sign in.
   */
  readonly token?: string;
  readonly width?: number;
  readonly height?: number;
  /** The Word stand-in's settings (displayLanguage, title, paragraphs, wordApi, theme). */
  readonly word?: Record<string, unknown>;
}

/**
 * A browser context in which the pane runs as in Word on the web: office.js is the stand-in,
 * every API request carries the bearer token, and nothing else leaves the machine.
 */
export const paneContext = async (
  browser: Browser,
  { token, width = 350, height = 720, word = {} }: PaneContextOptions,
): Promise<BrowserContext> => {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    // No transitions half-way through: axe's contrast check and the screenshots see end states.
    reducedMotion: "reduce",
    locale: String(word["displayLanguage"] ?? "en-US"),
  });
  const standIn = readFileSync(STAND_IN_PATH, "utf8");
  await context.addInitScript(
    (config) => {
      (window as unknown as { __wordStandInConfig: unknown }).__wordStandInConfig = config;
    },
    { ...(token ? { accessToken: token } : {}), ...word },
  );
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      await route.fulfill({ status: 200, contentType: "text/javascript", body: standIn });
    } else if (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) || url.startsWith("data:")) {
      await route.continue();
    } else {
      // No process of ours may reach the internet.
      await route.abort("blockedbyclient");
    }
  });
  return context;
};

/** Fails the caller with what the page logged when it throws or logs an error. */
export const collectPageErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
};

/**
 * Opens one of the open segment's tabs as a user does: the tab itself when it shows, else through
 * the "… more tabs" menu a narrow pane puts the others in (addin/taskpane/segment-tabs.tsx). With
 * `keyboard`, each control is focused and Enter pressed instead of clicked.
 */
/** A keyboard user's press on a control: focus it (as Tab would), then the key. */
export const press = async (target: Locator, key = "Enter"): Promise<void> => {
  await target.focus();
  await target.page().keyboard.press(key);
};

/** Asks until `read` passes `ok`, for at most `timeoutMs`; fails naming `what` and the last value. */
export const poll = async <T>(
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs: number,
): Promise<T> => {
  const until = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > until) throw new Error(`${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
};

export const openSegmentTab = async (page: Page, name: string, keyboard = false): Promise<void> => {
  const activate = (target: Locator) => (keyboard ? press(target) : target.click());
  const tab = page.getByRole("tab", { name, exact: true });
  await page.getByRole("tab").first().waitFor();
  if (await tab.isVisible()) return activate(tab);
  await activate(page.getByRole("button", { name: /more tabs|faner mere/ }));
  const item = page.getByRole("menuitem", { name, exact: true });
  await item.waitFor();
  await activate(item);
};
