import { readFileSync } from "node:fs";
import path from "node:path";
import { repositoryRoot, sourceFiles } from "../harness/source-files";

/**
 * The Functions app's layers point one way: handlers (the edge) use services, services never
 * use the edge. Identity is auth/'s and the validation-issue mapping errors/', so a service
 * needs nothing from http/; and http/ maps typed errors without reaching into a feature.
 */
const functionsRoot = path.join(repositoryRoot, "functions");

/** The app's sources, as absolute paths. */
const appFiles = (folder: string): string[] =>
  sourceFiles(path.join("functions", folder)).map((file) => path.join(repositoryRoot, file));

/** The top folder of functions/ each relative import of a file lands in ("http", "merge"...). */
const importedFolders = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map(
    ([, specifier]) =>
      path
        .relative(functionsRoot, path.resolve(path.dirname(file), specifier as string))
        .split(path.sep)[0] as string,
  );

const folderOf = (file: string) => path.relative(functionsRoot, file).split(path.sep)[0];
const features = [
  "contacts",
  "segments",
  "interactions",
  "merge",
  "setup",
  "system",
  "demo",
  "references",
  "audit",
];
/** The edge inside a feature folder: handlers, and the parsing of a request for one. */
const isEdge = (file: string) => /-(handlers?|request)\.ts$/.test(file);

describe("layers of the Functions app", () => {
  it("services and the store import nothing from http/", () => {
    const offenders = appFiles("")
      .filter((file) => [...features, "store", "errors"].includes(folderOf(file) ?? ""))
      .filter((file) => !isEdge(file))
      .filter((file) => importedFolders(file).includes("http"))
      .map((file) => path.relative(functionsRoot, file));
    expect(offenders).toEqual([]);
  });

  it("http/ maps errors without importing a feature", () => {
    const offenders = appFiles("http").flatMap((file) =>
      importedFolders(file)
        .filter((folder) => features.includes(folder))
        .map((folder) => `${path.relative(functionsRoot, file)} -> ${folder}/`),
    );
    expect(offenders).toEqual([]);
  });

  it("sees the imports it checks: a handler imports http/, problem.ts errors/", () => {
    expect(importedFolders(path.join(functionsRoot, "merge", "merge-handlers.ts"))).toContain(
      "http",
    );
    expect(importedFolders(path.join(functionsRoot, "http", "problem.ts"))).toContain("errors");
  });
});
