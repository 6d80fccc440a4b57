/**
 * The production build of the pane is the slowest part of an end-to-end run (about 25 s on an
 * idle machine, nearly two minutes on a loaded one), and its output depends only on the pane's
 * sources and the API URL baked into it. So a build is kept in the temporary folder under a hash
 * of exactly those, and a run whose sources and API URL are the same serves it again instead of
 * building. The API URL holds the API's port: `preferredPort` gives a test file the same port
 * every run (when it is free), so the same build fits.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../functions/store/embedded/free-port";

const root = path.resolve(__dirname, "..");
const CACHE = path.join(os.tmpdir(), "mergeline-pane-builds");
/** A finished build carries this file; a folder without it is a build that did not finish. */
const DONE = ".mergeline-build-done";
const KEEP = 6;

/** What a build is made from: the files git knows (and new ones), under these paths. */
const INPUTS = [
  "addin",
  "shared",
  "assets",
  "infra",
  "scripts",
  "webpack.config.js",
  "tsconfig.json",
  "package-lock.json",
];

/** A hash of the build's inputs and of the settings it bakes in (API URL, client id...). */
export const paneBuildKey = (settings: Record<string, string>): string => {
  const files = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", ...INPUTS],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  )
    .toString()
    .split("\0")
    .filter(Boolean)
    .sort();
  const hash = createHash("sha256").update(JSON.stringify(settings));
  for (const file of files) {
    const full = path.join(root, file);
    // A file deleted but not yet staged is simply not an input.
    if (!existsSync(full)) continue;
    hash.update(file).update("\0").update(readFileSync(full)).update("\0");
  }
  return hash.digest("hex").slice(0, 24);
};

/**
 * The folder holding the build for `settings`, built by `build(outDir)` only when no finished
 * build with the same key is kept. Two runs building the same key at once each build into their
 * own folder; the first to finish is kept.
 */
export const cachedPaneBuild = async (
  settings: Record<string, string>,
  build: (outDir: string) => Promise<void>,
): Promise<{ readonly dir: string; readonly reused: boolean }> => {
  const dir = path.join(CACHE, paneBuildKey(settings));
  if (existsSync(path.join(dir, DONE))) return { dir, reused: true };
  mkdirSync(CACHE, { recursive: true });
  const building = `${dir}.building-${process.pid}-${Date.now()}`;
  try {
    await build(building);
    writeFileSync(path.join(building, DONE), "");
    if (existsSync(path.join(dir, DONE))) rmSync(building, { recursive: true, force: true });
    else {
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
    }
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  prune();
  return { dir, reused: false };
};

/** Only the newest few builds are kept (each is a few megabytes). */
const prune = () => {
  const builds = readdirSync(CACHE)
    .filter((name) => !name.includes(".building-"))
    .map((name) => ({ name, at: statSync(path.join(CACHE, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(KEEP))
    rmSync(path.join(CACHE, old.name), { recursive: true, force: true });
};

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

/**
 * A port for the API that is the same on every run of one test file (derived from its name),
 * so its cached build fits; any free port when that one is taken (the pane is built then).
 */
export const preferredPort = async (name: string): Promise<number> => {
  const digest = createHash("sha256").update(name).digest().readUInt16BE(0);
  const port = 20_000 + (digest % 10_000);
  return (await isFree(port)) ? port : freePort();
};
