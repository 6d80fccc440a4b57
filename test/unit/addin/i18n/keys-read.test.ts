import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { enUS } from "../../../../addin/i18n/en-US";

const ADDIN = path.join(__dirname, "../../../../addin");

/** Every script of the pane except the catalogs themselves. */
const paneSources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(ADDIN, "i18n") ? [] : paneSources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });

describe("the pane's translation keys", () => {
  it("are all read somewhere in the pane, as a literal or under a `prefix.${...}` it builds", () => {
    const code = paneSources(ADDIN)
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const prefixes = [...code.matchAll(/`([\w.]+\.)\$\{/g)].map((m) => m[1] as string);
    const unread = Object.keys(enUS).filter(
      (key) => !code.includes(`"${key}"`) && !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unread).toEqual([]);
  });
});
