import { OfficeSsoError } from "../../../../addin/auth/office-sso-error";
import { createOfficeSsoTokenProvider } from "../../../../addin/auth/office-sso-token-provider";
import { SignInRequiredError } from "../../../../addin/auth/sign-in-error";
import type { TokenProvider } from "../../../../addin/auth/token-provider";

const jwt = (name: string, expSeconds = 3600) =>
  `h.${Buffer.from(JSON.stringify({ name, exp: Math.floor(Date.now() / 1000) + expSeconds })).toString("base64url")}.s`;

/** Office's getAccessToken: answers in turn from `answers` (a token, or an error code). */
const office = (...answers: (string | number)[]) => {
  const calls: number[] = [];
  const sso = async (): Promise<string> => {
    calls.push(Date.now());
    const next = answers.length > 1 ? answers.shift() : answers[0];
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (typeof next === "number") throw new OfficeSsoError(next, `refused ${next}`);
    return next as string;
  };
  return { sso, calls };
};

/** The MSAL fallback, counted: created only when Office cannot sign the pane in. */
const fallback = () => {
  const made = { count: 0, getToken: 0, signIn: 0 };
  const create = (): TokenProvider => {
    made.count++;
    return {
      getToken: async () => (made.getToken++, "msal-token"),
      signIn: async () => (made.signIn++, "msal-signed-in"),
    };
  };
  return { create, made };
};

describe("Office single sign-on first, MSAL as the fallback", () => {
  it("gets the token from Office and never creates MSAL when Office signs the pane in", async () => {
    const token = jwt("a");
    const { sso, calls } = office(token);
    const msal = fallback();
    const provider = createOfficeSsoTokenProvider(sso, msal.create);
    expect(await provider.getToken()).toBe(token);
    expect(calls).toHaveLength(1);
    expect(msal.made.count).toBe(0);
  });

  it("asks Office once for calls at once, and keeps the token until shortly before it expires", async () => {
    const first = jwt("first");
    const { sso, calls } = office(first, jwt("second"));
    const provider = createOfficeSsoTokenProvider(sso, fallback().create);
    const tokens = await Promise.all([
      provider.getToken(),
      provider.getToken(),
      provider.getToken(),
    ]);
    expect(tokens).toEqual([first, first, first]);
    expect(await provider.getToken()).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it("asks Office again for a token about to expire", async () => {
    const { sso, calls } = office(jwt("short", 30), jwt("fresh"));
    const provider = createOfficeSsoTokenProvider(sso, fallback().create);
    await provider.getToken();
    expect(JSON.parse(atob((await provider.getToken()).split(".")[1] ?? "")).name).toBe("fresh");
    expect(calls).toHaveLength(2);
  });

  it.each([13000, 13003, 13004, 13006, 13007, 13012, 13013, 50001])(
    "falls back to MSAL for the session when Office refuses with %i",
    async (code) => {
      const { sso, calls } = office(code);
      const msal = fallback();
      const provider = createOfficeSsoTokenProvider(sso, msal.create);
      expect(await provider.getToken()).toBe("msal-token");
      expect(await provider.getToken()).toBe("msal-token");
      expect(await provider.signIn()).toBe("msal-signed-in");
      // Office is not asked again once it has said it cannot: no loop into its throttling.
      expect(calls).toHaveLength(1);
      expect(msal.made).toEqual({ count: 1, getToken: 2, signIn: 1 });
    },
  );

  it("waits for another call still running (13008) and then gets the token", async () => {
    const token = jwt("after-wait");
    const { sso, calls } = office(13008, token);
    const msal = fallback();
    const provider = createOfficeSsoTokenProvider(sso, msal.create);
    expect(await provider.getToken()).toBe(token);
    expect(calls).toHaveLength(2);
    expect(msal.made.count).toBe(0);
  });

  it("shows Sign in when the user closes Office's prompt (13002), and asks Office again only then", async () => {
    const token = jwt("consented");
    const { sso, calls } = office(13002, token);
    const msal = fallback();
    const provider = createOfficeSsoTokenProvider(sso, msal.create);
    await expect(provider.getToken()).rejects.toBeInstanceOf(SignInRequiredError);
    // The pane's other calls do not prompt the user again.
    await expect(provider.getToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(calls).toHaveLength(1);
    // The user chooses Sign in: Office asks once more, and the pane goes on.
    expect(await provider.signIn()).toBe(token);
    expect(await provider.getToken()).toBe(token);
    expect(calls).toHaveLength(2);
    expect(msal.made.count).toBe(0);
  });

  it("reports a Sign in that the user closes again as not completed", async () => {
    const { sso } = office(13002);
    const provider = createOfficeSsoTokenProvider(sso, fallback().create);
    await expect(provider.getToken()).rejects.toThrow("Sign in to use Mergeline.");
    await expect(provider.signIn()).rejects.toThrow("Sign-in did not complete.");
  });

  it("takes the token Office gave the page's first script instead of asking Office again", async () => {
    const early = jwt("early");
    const { sso, calls } = office(jwt("asked"));
    const provider = createOfficeSsoTokenProvider(sso, fallback().create, Promise.resolve(early));
    const tokens = await Promise.all([provider.getToken(), provider.getToken()]);
    expect(tokens).toEqual([early, early]);
    expect(calls).toHaveLength(0);
  });

  it("asks Office, prompts allowed, when the early silent ask was refused", async () => {
    const asked = jwt("asked");
    const { sso, calls } = office(asked);
    const msal = fallback();
    const refused = Promise.reject(new OfficeSsoError(13005, "consent needed"));
    const provider = createOfficeSsoTokenProvider(sso, msal.create, refused);
    expect(await provider.getToken()).toBe(asked);
    expect(calls).toHaveLength(1);
    expect(msal.made.count).toBe(0);
  });
});
