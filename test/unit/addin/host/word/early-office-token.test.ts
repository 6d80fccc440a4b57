import { earlyOfficeToken } from "../../../../../addin/host/word/early-office-token";

/** Office.js after Office.onReady: the host, its requirement sets, and getAccessToken. */
const installOffice = (host: string, sets: string[]) => {
  const calls: unknown[] = [];
  Object.assign(globalThis, {
    Office: {
      HostType: { Word: "Word", Excel: "Excel" },
      onReady: async () => ({ host, platform: "OfficeOnline" }),
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => sets.includes(`${name} ${version}`),
        },
      },
      auth: {
        getAccessToken: async (options: unknown) => (calls.push(options), "early-token"),
      },
    },
  });
  return calls;
};

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("earlyOfficeToken", () => {
  it("asks Word's Office for the token silently: no sign-in or consent prompt", async () => {
    const calls = installOffice("Word", ["IdentityAPI 1.3"]);
    expect(await earlyOfficeToken("")).toBe("early-token");
    expect(calls).toEqual([
      { allowSignInPrompt: false, allowConsentPrompt: false, forMSGraphAccess: false },
    ]);
  });

  it("asks nothing in a Teams tab or without office.js", () => {
    const calls = installOffice("Word", ["IdentityAPI 1.3"]);
    expect(earlyOfficeToken("?host=teams")).toBeUndefined();
    delete (globalThis as { Office?: unknown }).Office;
    expect(earlyOfficeToken("")).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it("refuses outside Word and in a Word without IdentityAPI 1.3, asking Office nothing", async () => {
    const inExcel = installOffice("Excel", ["IdentityAPI 1.3"]);
    await expect(earlyOfficeToken("")).rejects.toThrow(/not available/);
    expect(inExcel).toEqual([]);
    const oldWord = installOffice("Word", []);
    await expect(earlyOfficeToken("")).rejects.toThrow(/not available/);
    expect(oldWord).toEqual([]);
  });
});
