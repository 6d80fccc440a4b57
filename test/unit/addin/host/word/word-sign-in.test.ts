import { OfficeSsoError } from "../../../../../addin/auth/office-sso-error";
import { wordSignIn } from "../../../../../addin/host/word/word-sign-in";

/** Office.js as Word gives it: the requirement sets it has, and Office.auth.getAccessToken. */
const installOffice = (sets: string[], getAccessToken: (options: unknown) => Promise<string>) => {
  const calls: unknown[] = [];
  Object.assign(globalThis, {
    Office: {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => sets.includes(`${name} ${version}`),
        },
      },
      auth: {
        getAccessToken: (options: unknown) => (calls.push(options), getAccessToken(options)),
      },
    },
  });
  return calls;
};

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("wordSignIn: Office's single sign-on", () => {
  it("asks Office for the token, letting Office prompt for sign-in and consent", async () => {
    const calls = installOffice(["IdentityAPI 1.3"], async () => "office-token");
    const signIn = wordSignIn();
    expect(await signIn.officeSso?.()).toBe("office-token");
    expect(calls).toEqual([
      { allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false },
    ]);
    expect(signIn.nestedAppAuth).toBe(false);
  });

  it("passes Office's error on as an OfficeSsoError with its code", async () => {
    installOffice(["IdentityAPI 1.3", "NestedAppAuth 1.1"], () =>
      Promise.reject({ code: 13012, name: "API Not Supported", message: "Not here." }),
    );
    const signIn = wordSignIn();
    const error = await signIn.officeSso?.().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeSsoError);
    expect(error).toMatchObject({ code: 13012, message: "Not here." });
    expect(signIn.nestedAppAuth).toBe(true);
  });

  it("offers no Office sign-on in a Word without IdentityAPI 1.3", () => {
    const calls = installOffice(["NestedAppAuth 1.1"], async () => "never");
    expect(wordSignIn().officeSso).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
