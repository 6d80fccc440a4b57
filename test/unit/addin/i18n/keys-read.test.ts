import { readFileSync } from "node:fs";
import path from "node:path";
import { enUS } from "../../../../addin/i18n/en-US";
import { repositoryRoot, sourceFiles } from "../../harness/source-files";

/** Every script of the pane except the catalogs themselves. */
const paneSources = (): string[] =>
  sourceFiles("addin")
    .filter((file) => !file.startsWith(path.join("addin", "i18n") + path.sep))
    .map((file) => path.join(repositoryRoot, file));

describe("the pane's translation keys", () => {
  it("are all read somewhere in the pane, as a literal or under a `prefix.${...}` it builds", () => {
    const code = paneSources()
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const prefixes = [...code.matchAll(/`([\w.]+\.)\$\{/g)].map((m) => m[1] as string);
    const unread = Object.keys(enUS).filter(
      (key) => !code.includes(`"${key}"`) && !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unread).toEqual([]);
  });
});
