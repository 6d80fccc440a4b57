import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { devAudience } from "../../../functions/auth/dev-issuer";
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from "../../../functions/store/embedded/embedded-cosmos";
import { startApi, type ApiHarness } from "../harness/api-harness";
import { buildDocx, control, p, t } from "../../unit/shared/merge/docx-builder";

/**
 * `npm run build:functions` output merges: the bundle, loaded by plain Node as Azure loads it,
 * starts its merge threads from its own merge-worker.js (tsx is a devDependency and absent in
 * production) and answers a merge whose document holds every letter.
 */
const root = path.resolve(__dirname, "../../..");
const tenant = "bundle";
const letter = buildDocx({ body: p(t("Kære "), control("Name"), t(",")) });

let outdir: string;
let cosmos: EmbeddedCosmos;
let api: ApiHarness;
let jwks: Server;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(tmpdir(), "mergeline-bundle-"));
  const build = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/build-functions.ts", "--outdir", outdir],
    { cwd: root, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);

  cosmos = await startEmbeddedCosmos();
  api = await startApi({}, cosmos, { blobs: true });
  for (const no of ["KT1", "KT2", "KT3"])
    await api.call("POST", "/api/contacts", {
      tenant,
      body: { no, type: "person", name: `Kontakt ${no}` },
    });
  await api.call("POST", "/api/segments", { tenant, body: { no: "S1", description: "Bundle" } });
  for (const contactNo of ["KT1", "KT2", "KT3"])
    await api.call("POST", "/api/segments/S1/lines", { tenant, body: { contactNo } });
  // The bundle validates tokens as in Azure: against signing keys it fetches from a URL.
  jwks = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(api.issuer.jwks));
  });
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise((resolve) => jwks?.close(resolve));
  await api?.close();
  await cosmos?.close();
  rmSync(outdir, { recursive: true, force: true });
});

describe("the Functions bundle", () => {
  it("holds the merge threads' entry beside index.js", () => {
    expect(existsSync(path.join(outdir, "index.js"))).toBe(true);
    expect(existsSync(path.join(outdir, "merge-worker.js"))).toBe(true);
  });

  it("merges in a thread started from its own merge-worker.js, in plain Node", async () => {
    const config = api.deps.config;
    const token = await api.issuer.sign({ tenant, user: "bundle@example.com" });
    // Not spawnSync: the embedded store and the keys are served from this very process.
    const child = spawn(
      process.execPath,
      [
        path.join(__dirname, "fixtures", "bundle-merge.mjs"),
        outdir,
        "S1",
        Buffer.from(letter).toString("base64"),
      ],
      {
        cwd: root,
        env: {
          PATH: process.env["PATH"],
          // The Azure SDKs stay outside the bundle; Azure deploys them in node_modules.
          NODE_PATH: path.join(root, "node_modules"),
          COSMOS_ENDPOINT: cosmos.endpoint,
          COSMOS_KEY: cosmos.key,
          COSMOS_DATABASE: config.cosmos.databaseId,
          AZURE_STORAGE_CONNECTION_STRING: config.blob.connectionString,
          AUTH_AUDIENCE: devAudience,
          AUTH_ISSUER_TEMPLATE: config.auth.issuerTemplate,
          AUTH_JWKS_URI: `http://127.0.0.1:${(jwks.address() as { port: number }).port}/keys`,
          TOKEN: token,
        },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) throw new Error(`the bundle failed: ${stderr}`);
    const answer = JSON.parse(stdout.trim().split("\n").pop() as string);
    if (answer.status !== 200) console.error(stderr);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "done", progress: { done: 3, total: 3 } });
    expect(answer.started).toEqual([path.join(outdir, "merge-worker.js")]);
    // The job retention sweep runs hourly as a timer trigger.
    expect(answer.timers).toEqual([{ name: "jobRetention", schedule: "0 0 * * * *" }]);
    const result = await api.call("GET", `/api/merge-jobs/${answer.body.id}/result`, { tenant });
    const text = strFromU8(
      unzipSync(result.bytes as Uint8Array)["word/document.xml"] as Uint8Array,
    );
    for (const no of ["KT1", "KT2", "KT3"]) expect(text).toContain(`Kontakt ${no}`);
  });
});
