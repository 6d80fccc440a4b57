import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

// A later block's no-restricted-imports replaces an earlier one's, so the narrower addin/ blocks
// repeat this pattern.
const addinToFunctions = {
  group: ["**/functions/**", "@azure/cosmos", "@azure/functions"],
  message: "addin/ talks to functions/ only through the API contract.",
};
const featureToShell = {
  group: ["**/taskpane/**"],
  message: "taskpane/ is the shell: features import shared components from addin/ui/.",
};

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
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports only." },
      ],
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
    files: ["functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/addin/**"], message: "functions/ never imports addin/." }] },
      ],
    },
  },
);
