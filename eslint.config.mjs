import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

const exportDefault = {
  selector: "ExportDefaultDeclaration",
  message: "Use named exports only.",
};

const cosmosOnlyInStore = {
  group: ["@azure/cosmos", "@azure/cosmos/*"],
  message: "Cosmos DB is spoken to in functions/store/ only: use a repository.",
};

// A later block's no-restricted-imports replaces an earlier one's, so the narrower addin/ blocks
// repeat this pattern.
const addinToFunctions = {
  group: ["**/functions/**", "@azure/cosmos", "@azure/cosmos/*", "@azure/functions"],
  message: "addin/ talks to functions/ only through the API contract.",
};
const featureToShell = {
  group: ["**/taskpane/**"],
  message: "taskpane/ is the shell: features import shared components from addin/ui/.",
};

const officeGlobals = ["Office", "Word", "OfficeExtension", "OfficeRuntime"];
const officeOnlyInHost =
  "Office.js is used in addin/host/ only: ask the host (addin/host/host.ts).";

// eslint's flat config is loaded as the module's default export; it is the one exception.
// eslint-disable-next-line no-restricted-syntax
export default tseslint.config(
  { ignores: ["node_modules/", "dist/", ".data/", "coverage/", "test-results/", "*.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    rules: {
      // Destructuring a field away to drop it is the idiom here: `const { etag: _e, ...rest } = x`.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          varsIgnorePattern: "^_",
          argsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "no-restricted-syntax": ["error", exportDefault],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@azure/*", "node:*", "fs", "path", "crypto", "http", "https"],
              message:
                "shared/ runs in the browser and in Functions: no Node-only or Azure modules.",
            },
            { group: ["**/addin/**", "**/functions/**"], message: "shared/ imports neither side." },
          ],
        },
      ],
    },
  },
  {
    files: ["addin/**/*.ts", "addin/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [addinToFunctions] }] },
  },
  {
    // Folders of the pane point one way: taskpane/ (the shell) -> features/ -> ui/.
    files: ["addin/features/**/*.ts", "addin/features/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [addinToFunctions, featureToShell] }],
    },
  },
  {
    files: ["addin/ui/**/*.ts", "addin/ui/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            addinToFunctions,
            {
              group: ["**/features/**", "**/taskpane/**"],
              message:
                "addin/ui/ is shared by the features: it imports no feature and not the shell.",
            },
          ],
        },
      ],
    },
  },
  {
    // The store owns its writes: Cosmos, container definitions and partition keys stay in
    // functions/store/ (type imports too); services use the repositories' domain operations.
    files: ["functions/**/*.ts"],
    ignores: ["functions/store/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/addin/**"], message: "functions/ never imports addin/." },
            cosmosOnlyInStore,
            {
              group: ["**/store/containers"],
              message:
                "Containers and partition keys stay in functions/store/: use a repository's domain operations.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        exportDefault,
        {
          selector:
            "MemberExpression[property.name='containers']:matches([object.name='store'], [object.property.name='store'])",
          message:
            "The store's containers are for tests and benchmarks: the app goes through the repositories.",
        },
      ],
    },
  },
  {
    files: ["functions/store/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/addin/**"], message: "functions/ never imports addin/." }] },
      ],
    },
  },
  {
    // Office.js only in addin/host/: the pane runs in Teams and a browser too, where neither
    // global exists, so the rest asks the host (host/host.ts) and never "am I in Word?". The
    // office-js types come in by a triple-slash reference, which is host code as well. Own
    // rule names, so the folders' no-restricted-imports blocks stay as they are.
    files: ["addin/**/*.ts", "addin/**/*.tsx", "shared/**/*.ts", "functions/**/*.ts"],
    ignores: ["addin/host/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...officeGlobals.map((name) => ({ name, message: officeOnlyInHost })),
      ],
      "no-restricted-properties": [
        "error",
        ...["window", "globalThis", "self"].flatMap((object) =>
          officeGlobals.map((property) => ({ object, property, message: officeOnlyInHost })),
        ),
      ],
      "@typescript-eslint/triple-slash-reference": [
        "error",
        { lib: "always", path: "never", types: "never" },
      ],
    },
  },
  {
    // Office's types too (Word.RequestContext): no-restricted-globals sees only values. Not in
    // functions/, whose own no-restricted-syntax block this would replace; the tree test in
    // test/unit/addin/office-boundary.test.ts covers it there.
    files: ["addin/**/*.ts", "addin/**/*.tsx", "shared/**/*.ts"],
    ignores: ["addin/host/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        exportDefault,
        {
          selector: `:matches(TSQualifiedName > Identifier.left, TSTypeReference > Identifier.typeName)[name=/^(${officeGlobals.join("|")})$/]`,
          message: officeOnlyInHost,
        },
      ],
    },
  },
  {
    // Tests and benchmarks may speak to Cosmos itself (the embedded server's own tests, the raw
    // SDK a benchmark compares with), but a partition key is the store's to compose.
    files: ["test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/functions/store/containers"],
              importNames: ["partitionKey"],
              message: "Partition keys are composed in functions/store/ only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            cosmosOnlyInStore,
            {
              group: ["**/functions/store/containers"],
              importNames: ["partitionKey"],
              message: "Partition keys are composed in functions/store/ only.",
            },
          ],
        },
      ],
    },
  },
);
