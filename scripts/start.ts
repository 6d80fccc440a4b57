/**
 * `npm start`: the whole local stack in one process tree, no Azure account needed.
 *   - the embedded Cosmos DB-compatible server (persisted under .data/cosmos), or COSMOS_ENDPOINT;
 *   - Azurite for blobs (under .data/azurite), or AZURE_STORAGE_CONNECTION_STRING;
 *   - a mail inbox (MailDev: SMTP and a web inbox on loopback, mail under .data/maildev) that the
 *     API sends through, unless SMTP_URL names another server;
 *   - the Functions route table on http://localhost:7071/api through the local host;
 *   - the task pane's webpack dev server on https://localhost:3000;
 *   - the demo tenant, seeded on first start.
 * Flags: --api-only (no pane, no Azurite), --data-dir <dir>, --api-port <n>, --cosmos-port <n>
 * (0: any free port), --no-seed, --no-mail (no local inbox).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { createAppDeps } from "../functions/app-deps";
import { loadConfig, type AppConfig } from "../functions/config";
import { seedDemoTenant } from "../functions/demo/seed-demo-tenant";
import { createLocalHost } from "../functions/http/local-host";
import { createRoutes } from "../functions/routes";
import { startLocalInbox, type LocalInbox } from "../functions/delivery/local/local-inbox";
import { createDevIssuer } from "../functions/auth/dev-issuer";
import { environmentOf } from "../functions/auth/dev-issuer-gate";
import { startAzurite } from "../functions/store/embedded/azurite";
import { startSendQueuePoller } from "../functions/delivery/job/send-queue-poller";
import { startJobRetentionTimer } from "../functions/jobs/job-retention-timer";
import { freePort } from "../functions/store/embedded/free-port";
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from "../functions/store/embedded/embedded-cosmos";
import { asTenantId } from "../functions/store/tenant";

const { values: args } = parseArgs({
  options: {
    "api-only": { type: "boolean", default: false },
    "data-dir": { type: "string", default: ".data" },
    "api-port": { type: "string", default: process.env["MERGELINE_API_PORT"] ?? "7071" },
    "cosmos-port": { type: "string", default: "8081" },
    "no-seed": { type: "boolean", default: false },
    "no-mail": { type: "boolean", default: false },
  },
});

const root = path.resolve(__dirname, "..");
const dataDir = path.resolve(root, args["data-dir"] as string);
const apiPort = Number(args["api-port"]);
const paneOrigin = "https://localhost:3000";
const demoTenant = "demo";
const children: ChildProcess[] = [];
const closers: (() => Promise<void>)[] = [];
let cosmos: EmbeddedCosmos | undefined;

const say = (line: string) => process.stdout.write(`${line}\n`);

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const startBlobs = async (): Promise<string> => {
  if (await portOpen(10000)) {
    throw new Error(
      "Port 10000 is taken: is another Azurite running? Stop it, or set AZURE_STORAGE_CONNECTION_STRING.",
    );
  }
  if (await portOpen(10001)) {
    throw new Error(
      "Port 10001 is taken: is another Azurite running? Stop it, or set AZURE_STORAGE_CONNECTION_STRING.",
    );
  }
  const azurite = await startAzurite({
    location: path.join(dataDir, "azurite"),
    port: 10000,
    queuePort: 10001,
  });
  closers.push(() => azurite.close());
  return azurite.connectionString;
};

const startPaneDevServer = (apiUrl: string) => {
  const child = spawn(bin("webpack"), ["serve", "--mode", "development"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, MERGELINE_API_URL: apiUrl },
  });
  children.push(child);
};

/** Where the API's e-mail goes, without the SMTP password. */
const mailLine = (mail: AppConfig["mail"], inbox: LocalInbox | undefined): string => {
  if (inbox)
    return `Mail inbox     ${inbox.webUrl}   (every e-mail the API sends, through ${mail.smtpUrl})`;
  if (mail.transport !== "smtp" || !mail.smtpUrl) return `Mail           ${mail.transport}`;
  const url = new URL(mail.smtpUrl);
  url.password = url.password ? "***" : "";
  return `Mail           SMTP_URL ${url.toString()}`;
};

const shutdown = async (code: number) => {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(closers.map((close) => close()));
  await cosmos?.close();
  process.exit(code);
};

const main = async () => {
  if (await portOpen(apiPort))
    throw new Error(
      `Port ${apiPort} is taken. Stop what runs there, or start with --api-port <n>.`,
    );
  let cosmosEndpoint = process.env["COSMOS_ENDPOINT"];
  let cosmosKey = process.env["COSMOS_KEY"];
  if (!cosmosEndpoint) {
    const wanted = Number(args["cosmos-port"]);
    // 8081 is the emulator's port; if something already uses it, any free port will do.
    const port = wanted !== 0 && (await portOpen(wanted)) ? 0 : wanted;
    cosmos = await startEmbeddedCosmos({ dataDir: path.join(dataDir, "cosmos"), port });
    cosmosEndpoint = cosmos.endpoint;
    cosmosKey = cosmos.key;
  }
  let blob = process.env["AZURE_STORAGE_CONNECTION_STRING"];
  if (!blob && !args["api-only"]) blob = await startBlobs();
  // The API sends e-mail (--api-only too): to the local inbox unless SMTP_URL names a server.
  let inbox: LocalInbox | undefined;
  if (!process.env["SMTP_URL"] && !args["no-mail"]) {
    inbox = await startLocalInbox({ mailDirectory: path.join(dataDir, "maildev") });
    closers.push(() => (inbox as LocalInbox).close());
  }

  // Sign-in on this machine: a development issuer on loopback, validated like Entra ID. It
  // answers only in development (dev-issuer-gate.ts), so NODE_ENV=production turns it off.
  const environment = environmentOf(process.env);
  const port = apiPort || (await freePort());
  const issuerBase = `http://localhost:${port}/dev-issuer`;
  const devIssuer = await createDevIssuer(issuerBase);
  const config = loadConfig({
    ...process.env,
    AUTH_AUDIENCE: devIssuer.audience,
    AUTH_ISSUER_TEMPLATE: devIssuer.issuerTemplate,
    AUTH_JWKS_URI: `${issuerBase}/keys`,
    COSMOS_ENDPOINT: cosmosEndpoint,
    COSMOS_KEY: cosmosKey,
    ...(blob ? { AZURE_STORAGE_CONNECTION_STRING: blob } : {}),
    ...(inbox
      ? {
          SMTP_URL: inbox.smtpUrl,
          MERGELINE_MAIL_FROM:
            process.env["MERGELINE_MAIL_FROM"] || "Mergeline <mergeline@localhost>",
        }
      : {}),
  });
  const deps = await createAppDeps(config);
  // The send queue's trigger, as Azure runs it: the same handler, polling Azurite's queue.
  if (deps.delivery.queue) {
    const poller = startSendQueuePoller(deps);
    closers.push(() => poller.stop());
  }
  // The retention sweep's timer trigger, as Azure runs it: hourly.
  const retention = startJobRetentionTimer(deps);
  closers.push(() => retention.stop());
  let seedLine = "demo tenant: already seeded";
  if (!args["no-seed"]) {
    const seed = await seedDemoTenant(deps.store, asTenantId(demoTenant));
    if (seed.seeded)
      seedLine = `demo tenant: seeded ${seed.contacts} contacts in ${(seed.milliseconds / 1000).toFixed(1)} s`;
  }
  const host = createLocalHost(
    createRoutes(async () => deps),
    {
      devIssuer: { issuer: devIssuer, environment },
      maxBodyBytes: config.maxBodyBytes,
      corsOrigins: [
        paneOrigin,
        ...(process.env["MERGELINE_CORS_ORIGINS"]?.split(",").filter(Boolean) ?? []),
      ],
      log: (level, ...parts) => {
        if (level === "error" || level === "warning") console.error(`[api] ${level}:`, ...parts);
      },
    },
  );
  const server = await host.listen(port, "127.0.0.1");
  const apiUrl = `http://localhost:${apiPort}/api`;
  if (!args["api-only"]) startPaneDevServer(apiUrl);

  say("");
  say(`Mergeline is running (${environment} mode):`);
  say(`  API            ${apiUrl}   (try ${apiUrl}/health, ${apiUrl}/openapi.json)`);
  say(`  API ready on http://127.0.0.1:${(server.address() as { port: number }).port}/api`);
  say(
    `  Cosmos DB      ${cosmos ? `embedded at ${cosmosEndpoint}, data in ${path.relative(root, path.join(dataDir, "cosmos"))}` : cosmosEndpoint}`,
  );
  say(
    `  Blob Storage   ${blob ? (process.env["AZURE_STORAGE_CONNECTION_STRING"] ? "AZURE_STORAGE_CONNECTION_STRING" : `Azurite on http://127.0.0.1:10000 (queues on 10001), data in ${path.relative(root, path.join(dataDir, "azurite"))}`) : "off (--api-only)"}`,
  );
  say(`  ${mailLine(config.mail, inbox)}`);
  if (!args["api-only"]) say(`  Task pane      ${paneOrigin}/taskpane.html (webpack dev server)`);
  say(`  ${seedLine}`);
  say(
    environment === "development"
      ? `  Sign-in      a development issuer: POST ${issuerBase}/token {"tenant":"${demoTenant}","user":"you"}`
      : "  Sign-in      the development issuer is off in production: set AUTH_* to your Entra ID app",
  );
  say(
    `               gives a bearer token for the API (the pane fetches one by itself in development)`,
  );
  if (!args["api-only"]) {
    say("");
    say("Sideload the add-in into Word:");
    say(
      "  Word on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in > manifest.xml",
    );
    say(
      "  Word on Windows/Mac: npx office-addin-debugging start manifest.xml (or copy manifest.xml to the",
    );
    say(
      "  Wef folder on Mac / a shared-folder catalog on Windows), then Home > Add-ins > Mergeline.",
    );
  }
  say("Press Ctrl+C to stop.");
};

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch((error: unknown) => {
  console.error(
    `\nMergeline could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  void shutdown(1);
});
