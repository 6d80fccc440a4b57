import type { PaneHost } from "../host/host";
import { apiBaseUrl } from "../api/api-url";
import { takeEarlyToken } from "../api/early-start";
import { authSettings } from "./auth-settings";
import { createOfficeSsoTokenProvider } from "./office-sso-token-provider";
import { SignInRequiredError } from "./sign-in-error";
import {
  createDevTokenProvider,
  createMsalTokenProvider,
  type MsalClient,
  type TokenProvider,
} from "./token-provider";

/** MSAL, its own chunk: only the two ways of creating a client are used (tree-shaken to them). */
const loadMsal = () =>
  import(
    /* webpackChunkName: "msal" */
    /* webpackExports: ["createNestablePublicClientApplication", "createStandardPublicClientApplication"] */
    "@azure/msal-browser"
  );

/**
 * Starts downloading MSAL at once (production builds) where the first token will come from it:
 * a host without Office's single sign-on (Teams, a browser). In Word, MSAL is only the fallback
 * and is not fetched unless Office's sign-on fails. A failure here is met again, and reported,
 * at the first token.
 */
export const preloadSignIn = (host: PaneHost): void => {
  if (process.env.NODE_ENV === "development" || host.signIn.officeSso) return;
  loadMsal().catch(() => undefined);
};

/**
 * How the pane gets its access token: in development builds from the local development issuer;
 * otherwise Office's own single sign-on where the host has it (Word with IdentityAPI 1.3), and
 * MSAL where it has not or Office refuses: nested app authentication (Word with NestedAppAuth
 * 1.1, Teams) first, then Office's dialog API in older Word, then MSAL's popup in a plain
 * browser. MSAL is loaded on first use, so it is not in the pane's first bundle, and a Word
 * pane whose Office signs it in never loads it.
 */
export const createTokenProvider = (host: PaneHost): TokenProvider => {
  if (process.env.NODE_ENV === "development") return createDevTokenProvider(apiBaseUrl());
  const officeSso = host.signIn.officeSso;
  return officeSso
    ? createOfficeSsoTokenProvider(officeSso, () => createMsalProvider(host), takeEarlyToken())
    : createMsalProvider(host);
};

const createMsalProvider = (host: PaneHost): TokenProvider => {
  const settings = authSettings();
  const config = {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri: `${location.origin}/taskpane.html`,
    },
    cache: { cacheLocation: "localStorage" as const },
  };
  const createClient = async (): Promise<MsalClient> => {
    const msal = await loadMsal();
    return host.signIn.nestedAppAuth
      ? msal.createNestablePublicClientApplication(config)
      : msal.createStandardPublicClientApplication(config);
  };
  const dialog = host.signIn.dialog;
  const interactive =
    !host.signIn.nestedAppAuth && dialog
      ? async () => {
          const reply = JSON.parse(await dialog(`${location.origin}/auth-dialog.html`)) as {
            accessToken?: string;
            error?: string;
          };
          if (!reply.accessToken)
            throw new SignInRequiredError(reply.error ?? "Sign-in did not complete.");
          return { accessToken: reply.accessToken } as Awaited<
            ReturnType<MsalClient["acquireTokenPopup"]>
          >;
        }
      : undefined;
  return createMsalTokenProvider(createClient, settings, interactive);
};

/** The Authorization header the API client sends with every call. */
export const authorizationHeaders =
  (tokens: TokenProvider) => async (): Promise<Record<string, string>> => ({
    authorization: `Bearer ${await tokens.getToken()}`,
  });
