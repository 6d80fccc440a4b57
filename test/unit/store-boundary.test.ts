import { readFileSync } from "node:fs";
import path from "node:path";
import { lintCases } from "./harness/lint-cases";
import { repositoryRoot as root, sourceFiles } from "./harness/source-files";

/**
 * The store owns its writes: Cosmos DB, container definitions and partition keys stay in
 * functions/store/. eslint.config.mjs says so; these tests hold it to it, and check the tree.
 */

const lintCase = lintCases(["no-restricted-imports", "no-restricted-syntax"]);

const cosmosImports = [
  'import { CosmosClient } from "@azure/cosmos";\nexport const c = CosmosClient;\n',
  'import type { Container } from "@azure/cosmos";\nexport type C = Container;\n',
  'import { type OperationInput } from "@azure/cosmos";\nexport type O = OperationInput;\n',
  'export type { ItemDefinition } from "@azure/cosmos";\n',
  'export * from "@azure/cosmos";\n',
];

describe("Cosmos DB outside functions/store/", () => {
  describe.each(cosmosImports)("%s", (code) => {
    const inService = lintCase("functions/segments/some-service.ts", code);
    const elsewhere = [
      "shared/model/some-model.ts",
      "addin/features/some/thing.ts",
      "scripts/some.ts",
    ].map((file) => lintCase(file, code));
    const inStore = lintCase("functions/store/some-repository.ts", code);

    it("is refused in a service, type imports too", () => {
      expect(inService()).toEqual([expect.stringContaining("functions/store/ only")]);
    });

    it("is refused in shared/, addin/ and scripts/", () => {
      for (const messages of elsewhere) expect(messages()).toHaveLength(1);
    });

    it("is the store's own business", () => {
      expect(inStore()).toEqual([]);
    });
  });
});

describe("partition keys and containers outside functions/store/", () => {
  const refused = [
    ["functions/segments/criteria/x.ts", 'import { partitionKey } from "../../store/containers";'],
    ["functions/interactions/x.ts", 'import { containers } from "../store/containers";'],
    ["functions/merge/x.ts", 'import type { ContainerName } from "../store/containers";'],
    [
      "test/integration/x.test.ts",
      'import { partitionKey } from "../../functions/store/containers";',
    ],
    ["bench/x.bench.ts", 'import { partitionKey } from "../functions/store/containers";'],
    ["scripts/x.ts", 'import { partitionKey } from "../functions/store/containers";'],
  ].map(
    ([file, code]) =>
      [file, code, lintCase(file as string, `${code}\nexport const k = 1;\n`)] as const,
  );

  it.each(refused)("%s may not import them: %s", (_file, _code, messages) => {
    expect(messages()).toHaveLength(1);
  });

  const infra = lintCase(
    "scripts/build-infra.ts",
    'import { containers } from "../functions/store/containers";\nexport const c = containers;\n',
  );
  it("the infrastructure build may read the container definitions", () => {
    expect(infra()).toEqual([]);
  });

  const store = lintCase(
    "functions/store/x-repository.ts",
    'import { partitionKey } from "./containers";\nexport const p = partitionKey;\n',
  );
  it("the store composes them", () => {
    expect(store()).toEqual([]);
  });

  const service = lintCase(
    "functions/system/x.ts",
    "export const f = (deps: { store: { containers: { setup: { read(): void } } } }) =>\n  deps.store.containers.setup.read();\n",
  );
  it("a service may not reach for the store's containers", () => {
    expect(service()).toEqual([expect.stringContaining("through the repositories")]);
  });
});

describe("the tree as it is", () => {
  it("speaks to Cosmos DB in functions/store/ only, dynamic imports included", () => {
    const cosmos = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']@azure\/cosmos(?:\/[^"']*)?["']/;
    const outside = ["functions", "shared", "addin", "scripts"]
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith(`functions${path.sep}store${path.sep}`))
      .filter((file) => cosmos.test(readFileSync(path.join(root, file), "utf8")));
    expect(outside).toEqual([]);
  });
});
