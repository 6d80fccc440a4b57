import { OfficeSsoError, SSO_CALL_IN_PROGRESS, SSO_USER_ABORTED } from "./office-sso-error";
import { SignInRequiredError } from "./sign-in-error";
import { expiryOf, type TokenProvider } from "./token-provider";

/** A token is used until this long before it expires; then Office is asked again. */
const EXPIRY_MARGIN_MS = 60_000;
/** 13008 (a call still running elsewhere): ask again this often, at most this many times. */
const IN_PROGRESS_RETRY_MS = 500;
const IN_PROGRESS_RETRIES = 3;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tokens from Office's own single sign-on first, the way Microsoft's troubleshooting guide for
 * getAccessToken says to handle it:
 * - Office asks the user to sign in to Office, or to consent, itself (allowSignInPrompt,
 *   allowConsentPrompt); a user who closes that prompt (13002) gets the pane's Sign in button,
 *   and Office is asked again only when the user chooses it;
 * - another call still running (13008) is waited for;
 * - any other refusal (no SSO in this Office, this host or for this user, the manifest or the app
 *   registration not set up for it, throttling) switches the pane to `fallback` (MSAL: nested
 *   app authentication, or Office's dialog) for the rest of the session, loaded only then.
 * Calls at once share one request to Office, and a token is kept until shortly before it
 * expires, so Office is not asked in a loop (it throttles that: 13013).
 */
export const createOfficeSsoTokenProvider = (
  officeSso: () => Promise<string>,
  fallback: () => TokenProvider,
  /**
   * A token Office already gave silently before the pane ran (addin/taskpane/early-start.ts):
   * the first ask takes it instead of asking Office again while that call may still run (13008).
   * If it was refused, Office is asked as usual, prompts allowed.
   */
  early?: Promise<string>,
): TokenProvider => {
  let held: { token: string; expires: number } | undefined;
  let earlyToken = early;
  let asking: Promise<string> | undefined;
  let fellBack: TokenProvider | undefined;
  /** The user closed Office's prompt: no prompt again until they choose Sign in. */
  let declined = false;

  const fallBack = () => (fellBack ??= fallback());

  const askOffice = (): Promise<string> =>
    (asking ??= (async () => {
      const handedOver = earlyToken;
      earlyToken = undefined;
      if (handedOver) {
        const token = await handedOver.catch(() => undefined);
        if (token && expiryOf(token) > Date.now() + EXPIRY_MARGIN_MS) {
          held = { token, expires: expiryOf(token) };
          return token;
        }
      }
      for (let attempt = 0; ; attempt++) {
        try {
          const token = await officeSso();
          held = { token, expires: expiryOf(token) };
          return token;
        } catch (error) {
          if (
            error instanceof OfficeSsoError &&
            error.code === SSO_CALL_IN_PROGRESS &&
            attempt < IN_PROGRESS_RETRIES
          ) {
            await wait(IN_PROGRESS_RETRY_MS);
            continue;
          }
          throw error;
        }
      }
    })().finally(() => {
      asking = undefined;
    }));

  const viaOffice = async (
    signInMessage: string,
    otherwise: (provider: TokenProvider) => Promise<string>,
  ): Promise<string> => {
    try {
      return await askOffice();
    } catch (error) {
      if (error instanceof OfficeSsoError && error.code === SSO_USER_ABORTED) {
        declined = true;
        throw new SignInRequiredError(signInMessage, error);
      }
      // Office cannot give this pane a token: MSAL from now on.
      return otherwise(fallBack());
    }
  };

  return {
    async getToken() {
      if (fellBack) return fellBack.getToken();
      if (held && held.expires > Date.now() + EXPIRY_MARGIN_MS) return held.token;
      if (declined) throw new SignInRequiredError("Sign in to use Mergeline.");
      return viaOffice("Sign in to use Mergeline.", (provider) => provider.getToken());
    },
    async signIn() {
      if (fellBack) return fellBack.signIn();
      declined = false;
      return viaOffice("Sign-in did not complete.", (provider) => provider.signIn());
    },
  };
};
