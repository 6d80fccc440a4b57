/**
 * The production build of the pane that the end-to-end tests and the pane benchmark serve.
 *
 * webpack takes about a minute on a 2-core machine, and every e2e file used to run it again
 * only because each starts its API on its own port, which the build carries. So the build is
 * made once per source tree, with a placeholder API address, and each caller gets a copy with
 * its own address written in. The cache is keyed by the contents of everything the build reads,
 * so an edited source is never served stale.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");
/** The Entra app id the test builds carry: the stand-in's broker does not check it. */
export const E2E_CLIENT_ID = "6e2c5b0a-3f1d-4c8e-9a7b-2d4f6a8c0e1b";
/** Reserved by RFC 6761: never a real host, so a copy that missed it fails loudly. */
const PLACEHOLDER_ORIGIN = "http://mergeline-e2e-api.invalid:1";
const PLACEHOLDER_API_URL = `${PLACEHOLDER_ORIGIN}/api`;
/** What webpack reads besides node_modules (whose lock file stands for it). */
const BUILD_INPUTS = [
  "addin",
  "shared",
  "assets",
  "scripts",
  "webpack.config.js",
  "tsconfig.json",
  "package-lock.json",
  "manifest.xml",
  "teams",
];
/** The variables webpack.config.js and scripts/build-manifests.ts read (the API's is ours). */
const BUILD_ENV = [
  "NODE_ENV",
  "MERGELINE_API_SCOPE",
  "MERGELINE_PUBLIC_URL",
  "MERGELINE_PRIVACY_URL",
  "MERGELINE_TERMS_URL",
  "MERGELINE_WEBSITE_URL",
];
const TEXT_FILE = /\.(html|js|css|json|map|txt|xml)$/;
const COMPLETE_MARK = ".complete";

const filesUnder = async (entry: string): Promise<string[]> => {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  const entries = await readdir(full, { withFileTypes: true, recursive: true }).catch(() => null);
  if (entries === null) return [entry];
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((file) => !file.split(path.sep).includes("node_modules"));
};

/** A hash of every file the build reads, by path and content. */
const sourceKey = async (mode: PaneBuildMode): Promise<string> => {
  const files = (await Promise.all(BUILD_INPUTS.map(filesUnder))).flat().sort();
  const hash = createHash("sha256");
  hash.update(`mode=${mode}\0`);
  for (const name of BUILD_ENV) hash.update(`${name}=${process.env[name] ?? ""}\0`);
  for (const file of files) {
    hash.update(file).update("\0");
    hash.update(await readFile(path.join(root, file))).update("\0");
  }
  return hash.digest("hex").slice(0, 20);
};

/**
 * "production" is the bundle that ships (it signs in with MSAL's nested app authentication,
 * which the Word stand-in brokers). "development" signs in at the local development issuer
 * (tenant "demo") in every host: the only way a plain browser tab signs in without the internet.
 */
export type PaneBuildMode = "production" | "development";

const runWebpack = (outDir: string, apiUrl: string, mode: PaneBuildMode): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules/.bin/webpack"),
      [
        "--mode",
        mode,
        ...(mode === "development" ? ["--no-devtool"] : []),
        "--output-path",
        outDir,
      ],
      {
        cwd: root,
        env: { ...process.env, MERGELINE_API_URL: apiUrl, MERGELINE_CLIENT_ID: E2E_CLIENT_ID },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) =>
      code === 0 && !/ERROR in/.test(output)
        ? resolve()
        : reject(new Error(`webpack failed (${code}):\n${output.slice(-4000)}`)),
    );
  });

/** The build for the current sources, made if no earlier run made it. */
const placeholderBuild = async (mode: PaneBuildMode): Promise<string> => {
  const dir = path.join(os.tmpdir(), `mergeline-pane-build-${await sourceKey(mode)}`);
  if (existsSync(path.join(dir, COMPLETE_MARK))) return dir;
  // Built aside and renamed into place, so a reader never sees half a build; two runs building
  // at once both finish, and the second finds the first's in place.
  const scratch = `${dir}.${process.pid}.${Date.now()}`;
  await runWebpack(scratch, PLACEHOLDER_API_URL, mode);
  await writeFile(path.join(scratch, COMPLETE_MARK), "");
  try {
    await rename(scratch, dir);
  } catch {
    await rm(scratch, { recursive: true, force: true });
  }
  if (!existsSync(path.join(dir, COMPLETE_MARK))) throw new Error(`no pane build in ${dir}`);
  return dir;
};

/** Copies the build into outDir with the real API address in place of the placeholder. */
const copyWithApiUrl = async (from: string, outDir: string, apiUrl: string): Promise<void> => {
  await mkdir(outDir, { recursive: true });
  await cp(from, outDir, { recursive: true, filter: (src) => !src.endsWith(COMPLETE_MARK) });
  const origin = new URL(apiUrl).origin;
  const entries = await readdir(outDir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile() || !TEXT_FILE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, "utf8");
    if (!text.includes(PLACEHOLDER_ORIGIN)) continue;
    await writeFile(
      file,
      text.replaceAll(PLACEHOLDER_API_URL, apiUrl).replaceAll(PLACEHOLDER_ORIGIN, origin),
    );
  }
};

/** A build of the pane in outDir, calling the API at apiUrl. */
export const buildPane = async (
  outDir: string,
  apiUrl: string,
  mode: PaneBuildMode = "production",
): Promise<void> => copyWithApiUrl(await placeholderBuild(mode), outDir, apiUrl);
