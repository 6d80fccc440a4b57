/**
 * Jest: TypeScript through ts-jest, transpile only (tsconfig's isolatedModules tells it so;
 * `npm run lint` type-checks).
 */
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
};
const moduleNameMapper = { "^@shared/(.*)$": "<rootDir>/shared/$1" };

module.exports = {
  testTimeout: 60000,
  // CI machines have 2 cores, and jest would use one of them. Component tests are CPU-bound and
  // the integration tests mostly wait on the embedded servers, so two workers overlap them.
  maxWorkers: 2,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      moduleNameMapper,
      setupFiles: ["<rootDir>/test/unit/addin/danish-messages-setup.ts"],
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      transform,
      moduleNameMapper,
      testMatch: ["<rootDir>/test/integration/**/*.test.ts"],
    },
    {
      // React components of the task pane need a DOM.
      displayName: "component",
      testEnvironment: "jsdom",
      transform,
      moduleNameMapper,
      setupFiles: [
        "<rootDir>/test/unit/addin/jsdom-setup.ts",
        "<rootDir>/test/unit/addin/danish-messages-setup.ts",
        "<rootDir>/test/unit/addin/fluent-styles-setup.ts",
      ],
      testMatch: ["<rootDir>/test/unit/addin/**/*.test.tsx"],
    },
    {
      // The pane in real headless Chromium against the local API (builds the pane first).
      displayName: "e2e",
      testEnvironment: "node",
      transform,
      moduleNameMapper,
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
    },
  ],
};
