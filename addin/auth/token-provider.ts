import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import type { AuthSettings } from "./auth-settings";
import { SignInRequiredError } from "./sign-in-error";

/** The parts of an MSAL client application the pane uses (the real one, or a fake in tests). */
export interface MsalClient {
  initialize(): Promise<void>;
  getAllAccounts(): AccountInfo[];
  acquireTokenSilent(request: {
    scopes: string[];
    account?: AccountInfo;
  }): Promise<AuthenticationResult>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<AuthenticationResult>;
  ssoSilent(request: { scopes: string[] }): Promise<AuthenticationResult>;
}

export interface TokenProvider {
  /** A valid access token for the API; silent whenever possible. */
  getToken(): Promise<string>;
  /** The one interactive sign-in, started by the user (a Sign in button). */
  signIn(): Promise<string>;
  /** Gets the sign-in ready ahead of the first getToken (loads and initializes MSAL). */
  prepare?(): void;
}

/**
 * MSAL's InteractionRequiredAuthError, recognised by its name: importing the class would put
 * MSAL into the pane's first bundle, which loads it only when a token is first needed.
 */
const isInteractionRequired = (error: unknown): boolean =>
  error instanceof Error && error.name === "InteractionRequiredAuthError";

/** When a JWT expires (ms since the epoch), read from its payload; 0 if it cannot be read. */
export const expiryOf = (token: string): number => {
  try {
    const payload = JSON.parse(
      atob((token.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/")),
    ) as { exp?: number };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
};

/**
 * Tokens through MSAL: silently from the cache or the Office/Teams session (nested app
 * authentication); when that needs the user, ONE interactive prompt, then a SignInRequiredError
 * that the pane shows with a Sign in button; a failed prompt is never retried in a loop.
 */
export const createMsalTokenProvider = (
  createClient: () => Promise<MsalClient>,
  settings: AuthSettings,
  /** The interactive sign-in where MSAL's popup cannot open (Office's dialog API). */
  interactive?: (client: MsalClient) => Promise<AuthenticationResult>,
): TokenProvider => {
  const scopes = [...settings.scopes];
  let client: Promise<MsalClient> | undefined;
  let prompted = false;
  /** A token from the dialog is not in MSAL's cache: it is kept here until shortly before it expires. */
  let held: { token: string; expires: number } | undefined;
  let interactiveRun: Promise<string> | undefined;
  const ready = () => (client ??= createClient().then(async (c) => (await c.initialize(), c)));

  const silent = async (c: MsalClient): Promise<string> => {
    const account = c.getAllAccounts()[0];
    const result = account
      ? await c.acquireTokenSilent({ scopes, account })
      : await c.ssoSilent({ scopes });
    return result.accessToken;
  };

  const prompt = async (): Promise<string> => {
    const c = await ready();
    interactiveRun ??= (interactive ? interactive(c) : c.acquireTokenPopup({ scopes }))
      .then((r) => {
        held = { token: r.accessToken, expires: expiryOf(r.accessToken) };
        return r.accessToken;
      })
      .catch((error: unknown) => {
        throw new SignInRequiredError("Sign-in did not complete.", error);
      })
      .finally(() => {
        interactiveRun = undefined;
      });
    return interactiveRun;
  };

  return {
    async getToken() {
      if (held && held.expires > Date.now() + 60_000) return held.token;
      const c = await ready();
      try {
        return await silent(c);
      } catch (error) {
        const needsUser =
          isInteractionRequired(error) ||
          (error as { errorCode?: string }).errorCode === "no_account_error";
        if (
          !needsUser &&
          !(
            error instanceof Error &&
            /interaction_required|login_required|consent_required/.test(error.message)
          )
        )
          throw error;
        // One prompt on the first need; after that the user decides (signIn()).
        if (prompted) throw new SignInRequiredError("Sign in to use Mergeline.", error);
        prompted = true;
        return prompt();
      }
    },
    signIn: prompt,
    prepare: () => {
      // A failure is met again, and reported, by the first getToken.
      ready().catch(() => undefined);
    },
  };
};

/**
 * Development builds sign in at the local stack's development issuer (scripts/start.ts): a real
 * token the API validates like Entra ID's. The branch is dead code in production builds.
 */
export const createDevTokenProvider = (
  apiBaseUrl: string,
  fetchImpl: typeof fetch = fetch,
): TokenProvider => {
  let cached: { token: string; expires: number } | undefined;
  const fetchToken = async () => {
    const response = await fetchImpl(apiBaseUrl.replace(/\/api\/?$/, "/dev-issuer/token"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenant: "demo", user: "demo.user@mergeline.dev", name: "Demo User" }),
    });
    if (!response.ok)
      throw new SignInRequiredError(`The development issuer answered ${response.status}.`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    cached = { token: body.access_token, expires: Date.now() + body.expires_in * 1000 };
    return body.access_token;
  };
  return {
    getToken: async () =>
      cached && cached.expires > Date.now() + 60_000 ? cached.token : fetchToken(),
    signIn: fetchToken,
  };
};
