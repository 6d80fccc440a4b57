/**
 * What the pane's first bundle carries is what it fetches before it is usable
 * (bench/pane.bench.ts). The Danish catalog and the contract's other resources are their own
 * chunks (i18n/translate.ts, api/client-endpoints.ts): a static import of either from a module of
 * the first bundle would put it back there. This requires those modules the way webpack does and
 * records whether either was required.
 */
const mockRequired: string[] = [];

jest.mock("../../../../addin/i18n/da-DK", () => {
  mockRequired.push("the Danish catalog");
  return jest.requireActual("../../../../addin/i18n/da-DK");
});
jest.mock("@shared/model/api", () => {
  mockRequired.push("the whole API contract");
  return jest.requireActual("@shared/model/api");
});

// The modules taskpane/index.tsx imports statically, and render-pane, which it imports with
// webpackMode "eager" (in the same bundle, run later). index.tsx itself starts the pane on import.
const FIRST_BUNDLE = [
  "../../../../addin/taskpane/render-pane",
  "../../../../addin/taskpane/root",
  "../../../../addin/api/client",
  "../../../../addin/api/api-url",
  "../../../../addin/auth/create-token-provider",
  "../../../../addin/features/segments/first-segment-page",
  "../../../../addin/ui/problem-texts",
  "../../../../addin/host/detect-host",
  "../../../../addin/i18n/translate",
  "../../../../addin/taskpane/pane-theme",
];

describe("the pane's first bundle", () => {
  it("requires neither the Danish catalog nor the whole API contract", async () => {
    await jest.isolateModulesAsync(async () => {
      for (const module of FIRST_BUNDLE) await import(module);
    });
    expect(mockRequired).toEqual([]);
  });
});
