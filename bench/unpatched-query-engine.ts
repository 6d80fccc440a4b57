/**
 * The query engine as published, for side-by-side runs against the patched one: a copy of the
 * installed package with patches/@zeit+cosmosdb-query+0.7.2.patch applied in reverse. Deriving
 * it from the patch (instead of keeping a second copy) means it cannot drift from what the patch
 * changes. The copy lives in node_modules/.cache so its own requires (@babel/*) still resolve.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type createQuery from "@zeit/cosmosdb-query";

export type QueryEngine = typeof createQuery;

const repoRoot = resolve(__dirname, "..");
const PATCH_FILE = join(repoRoot, "patches", "@zeit+cosmosdb-query+0.7.2.patch");

interface FileDiff {
  readonly path: string;
  readonly hunks: ReadonlyArray<{ readonly before: string; readonly after: string }>;
}

/** Splits a git-style unified diff into, per file, each hunk's text before and after. */
const parseUnifiedDiff = (patch: string): FileDiff[] => {
  const files: Array<{ path: string; hunks: Array<{ before: string[]; after: string[] }> }> = [];
  // Between "diff --git" and the first "@@" are header lines ("--- a/...", "+++ b/...") that
  // must not be read as removed or added lines.
  let inHeader = false;
  for (const line of patch.split("\n")) {
    if (line.startsWith("diff --git ")) {
      files.push({ path: "", hunks: [] });
      inHeader = true;
      continue;
    }
    const file = files[files.length - 1];
    if (!file) continue;
    if (line.startsWith("@@")) {
      file.hunks.push({ before: [], after: [] });
      inHeader = false;
      continue;
    }
    if (inHeader) {
      if (line.startsWith("+++ b/")) file.path = line.slice("+++ b/".length);
      continue;
    }
    const hunk = file.hunks[file.hunks.length - 1];
    if (!hunk) continue;
    if (line.startsWith(" ")) {
      hunk.before.push(line.slice(1));
      hunk.after.push(line.slice(1));
    } else if (line.startsWith("-")) hunk.before.push(line.slice(1));
    else if (line.startsWith("+")) hunk.after.push(line.slice(1));
  }
  return files.map(({ path, hunks }) => ({
    path,
    hunks: hunks.map(({ before, after }) => ({
      before: before.join("\n"),
      after: after.join("\n"),
    })),
  }));
};

const unpatch = (text: string, diff: FileDiff): string =>
  diff.hunks.reduce((current, { before, after }) => {
    const at = current.indexOf(after);
    if (at === -1 || current.indexOf(after, at + 1) !== -1) {
      throw new Error(
        `${diff.path}: the installed file does not carry the patch exactly once; run npm install.`,
      );
    }
    return current.slice(0, at) + before + current.slice(at + after.length);
  }, text);

/** Builds (once per call) and loads the unpatched engine. */
export const loadUnpatchedQueryEngine = (): QueryEngine => {
  const requireHere = createRequire(__filename);
  const packageDir = dirname(requireHere.resolve("@zeit/cosmosdb-query/package.json"));
  const copyDir = join(
    repoRoot,
    "node_modules",
    ".cache",
    "mergeline-bench",
    "cosmosdb-query-unpatched",
  );
  rmSync(copyDir, { recursive: true, force: true });
  mkdirSync(copyDir, { recursive: true });
  cpSync(packageDir, copyDir, { recursive: true });
  for (const diff of parseUnifiedDiff(readFileSync(PATCH_FILE, "utf8"))) {
    const relative = diff.path.replace(/^node_modules\/@zeit\/cosmosdb-query\//, "");
    const file = join(copyDir, relative);
    writeFileSync(file, unpatch(readFileSync(file, "utf8"), diff));
  }
  const engine = requireHere(join(copyDir, "lib", "index.js")) as { default: QueryEngine };
  return engine.default;
};
