import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
} from "@azure/msal-browser";
import { SignInRequiredError } from "../../../../addin/auth/sign-in-error";
import {
  createDevTokenProvider,
  createMsalTokenProvider,
  type MsalClient,
} from "../../../../addin/auth/token-provider";

const settings = {
  clientId: "c",
  authority: "https://login.microsoftonline.com/organizations",
  scopes: ["api://x/c/access_as_user"],
};
const jwt = (expSeconds: number) =>
  `h.${Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + expSeconds })).toString("base64url")}.s`;
const result = (token: string) => ({ accessToken: token }) as AuthenticationResult;
const account = { homeAccountId: "a" } as AccountInfo;

const fakeMsal = (behaviour: {
  accounts?: AccountInfo[];
  silent?: () => Promise<AuthenticationResult>;
  popup?: () => Promise<AuthenticationResult>;
}) => {
  const calls = { silent: 0, popup: 0, sso: 0, init: 0 };
  const client: MsalClient = {
    initialize: async () => void calls.init++,
    getAllAccounts: () => behaviour.accounts ?? [],
    acquireTokenSilent: async () => (
      calls.silent++,
      (behaviour.silent ?? (() => Promise.resolve(result(jwt(3600)))))()
    ),
    ssoSilent: async () => (
      calls.sso++,
      (behaviour.silent ?? (() => Promise.resolve(result(jwt(3600)))))()
    ),
    acquireTokenPopup: async () => (
      calls.popup++,
      (behaviour.popup ?? (() => Promise.resolve(result(jwt(3600)))))()
    ),
  };
  return { client, calls };
};

const interactionRequired = () =>
  Promise.reject(new InteractionRequiredAuthError("interaction_required"));

describe("the pane's access tokens", () => {
  it("gets tokens silently when the host or the cache can", async () => {
    const { client, calls } = fakeMsal({ accounts: [account] });
    const tokens = createMsalTokenProvider(async () => client, settings);
    await tokens.getToken();
    await tokens.getToken();
    expect(calls).toMatchObject({ init: 1, silent: 2, popup: 0 });
  });

  it("asks the user once when silent sign-in needs them, then keeps the token", async () => {
    const { client, calls } = fakeMsal({ silent: interactionRequired });
    const tokens = createMsalTokenProvider(async () => client, settings);
    const token = await tokens.getToken();
    expect(token).toMatch(/^h\./);
    expect(await tokens.getToken()).toBe(token);
    expect(calls.popup).toBe(1);
  });

  it("does not prompt in a loop: after a failed prompt it waits for the user's Sign in", async () => {
    const { client, calls } = fakeMsal({
      silent: interactionRequired,
      popup: () => Promise.reject(new Error("user_cancelled")),
    });
    const tokens = createMsalTokenProvider(async () => client, settings);
    await expect(tokens.getToken()).rejects.toBeInstanceOf(SignInRequiredError);
    await expect(tokens.getToken()).rejects.toBeInstanceOf(SignInRequiredError);
    await expect(tokens.getToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(calls.popup).toBe(1);
    await expect(tokens.signIn()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(calls.popup).toBe(2);
  });

  it("shares one prompt between calls made at the same time", async () => {
    const { client, calls } = fakeMsal({ silent: interactionRequired });
    const tokens = createMsalTokenProvider(async () => client, settings);
    await Promise.all([tokens.signIn(), tokens.signIn(), tokens.signIn()]);
    expect(calls.popup).toBe(1);
  });

  it("uses the host's dialog where there is no popup, and keeps its token until it expires", async () => {
    const { client, calls } = fakeMsal({ silent: interactionRequired });
    const dialog = jest.fn(async () => result(jwt(3600)));
    const tokens = createMsalTokenProvider(async () => client, settings, dialog);
    await tokens.getToken();
    await tokens.getToken();
    expect(dialog).toHaveBeenCalledTimes(1);
    expect(calls.popup).toBe(0);
  });

  it("lets other errors through untouched", async () => {
    const { client } = fakeMsal({
      accounts: [account],
      silent: () => Promise.reject(new Error("network down")),
    });
    await expect(createMsalTokenProvider(async () => client, settings).getToken()).rejects.toThrow(
      "network down",
    );
  });

  it("signs in at the local development issuer in development builds", async () => {
    const fetchImpl = jest.fn(
      async () =>
        new Response(JSON.stringify({ access_token: "dev-token", expires_in: 3600 }), {
          status: 200,
        }),
    );
    const tokens = createDevTokenProvider(
      "http://localhost:7071/api",
      fetchImpl as unknown as typeof fetch,
    );
    expect(await tokens.getToken()).toBe("dev-token");
    expect(await tokens.getToken()).toBe("dev-token");
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl.mock.calls[0]).toEqual([
      "http://localhost:7071/dev-issuer/token",
      expect.objectContaining({ method: "POST" }),
    ]);
  });
});
