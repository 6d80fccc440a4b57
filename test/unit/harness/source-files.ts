import { readdirSync } from "node:fs";
import path from "node:path";

/** The repository's root, which every path below is relative to. */
export const repositoryRoot = path.resolve(__dirname, "../../..");

/** Every TypeScript source under `dir` (relative to the root), as paths relative to the root. */
export const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(repositoryRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
