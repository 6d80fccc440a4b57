/**
 * What one end-to-end file stands up before its tests: a fresh data folder, the local API on it
 * (a child process), the pane built against that API and served from another origin, Chromium,
 * and Azurite when the file's work writes blobs or queues. close() takes it all down again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { startAzurite, type LocalAzurite } from "../functions/store/embedded/azurite";
import {
  apiCaller,
  buildPane,
  freePort,
  launchChromium,
  productionPaneHeaders,
  startApiChild,
  startStaticServer,
  type ApiChild,
  type PaneBuildMode,
  type StaticServer,
} from "./e2e-stack";

export interface PaneStackOptions {
  /**
   * "production" (the default): minified, served with Azure's headers, signing in through the
   * Word stand-in's broker. "development": signs in at the local development issuer.
   */
  readonly mode?: PaneBuildMode;
  /** Blob Storage and queues for the API (merge results, letters, send jobs). */
  readonly azurite?: boolean;
  /** Settings for the API only (e.g. a smaller page, so progress has room to move). */
  readonly apiEnv?: Record<string, string>;
}

export interface PaneStack {
  /** The API's data folder; a test may keep its own files there too. */
  readonly dataDir: string;
  readonly server: StaticServer;
  readonly api: ApiChild;
  /** The API's settings (the given ones, Azurite's connection string): to start it again alike. */
  readonly apiEnv: Record<string, string>;
  readonly browser: Browser;
  close(): Promise<void>;
}

export const startPaneStack = async ({
  mode = "production",
  azurite: withAzurite = false,
  apiEnv = {},
}: PaneStackOptions = {}): Promise<PaneStack> => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "mergeline-e2e-data-"));
  const buildDir = mkdtempSync(path.join(os.tmpdir(), "mergeline-e2e-pane-"));
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const started: { close(): Promise<void> }[] = [];
  const close = async () => {
    for (const part of started.reverse()) await part.close().catch(() => undefined);
    for (const dir of [dataDir, buildDir]) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const server = await startStaticServer(
      buildDir,
      mode === "production" ? productionPaneHeaders(apiUrl) : {},
    );
    started.push(server);
    let azurite: LocalAzurite | undefined;
    if (withAzurite) {
      azurite = await startAzurite({ location: path.join(dataDir, "azurite") });
      started.push(azurite);
    }
    const env = {
      ...apiEnv,
      ...(azurite ? { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString } : {}),
    };
    const [api, browser] = await Promise.all([
      startApiChild({ port, dataDir, corsOrigin: server.origin, env }).then((child) => {
        started.push(child);
        return child;
      }),
      launchChromium().then((chromium) => {
        started.push(chromium);
        return chromium;
      }),
      buildPane(buildDir, apiUrl, mode),
    ]);
    return { dataDir, server, api, apiEnv: env, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
};

/**
 * `count` people in `city` (Nos. `prefix`00001 up), in one request through the CSV import: the
 * way to many contacts fast.
 */
export const importBulkContacts = async (
  call: ReturnType<typeof apiCaller>,
  { count, city, prefix = "P" }: { count: number; city: string; prefix?: string },
): Promise<number> => {
  const rows = Array.from(
    { length: count },
    (_, i) => `${prefix}${String(i + 1).padStart(5, "0")};Contact ${i + 1};person;${city}`,
  );
  const imported = await call<{ imported: number }>("POST", "/contacts/import", {
    csv: `No.;Name;Type;City\r\n${rows.join("\r\n")}\r\n`,
  });
  return imported.imported;
};
