import type { PaneHost } from "../host/host";
import { apiBaseUrl } from "../api/api-url";
import { authSettings } from "./auth-settings";
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
 * Starts downloading MSAL at once (production builds), so the pane's first token does not wait
 * for it after the first render; a failure here is met again, and reported, at the first token.
 */
export const preloadSignIn = (): void => {
  if (process.env.NODE_ENV === "development") return;
  loadMsal().catch(() => undefined);
};

/**
 * How the pane gets its access token: in development builds from the local development issuer;
 * otherwise MSAL, by nested app authentication (Word with NestedAppAuth 1.1, Teams) first,
 * then Office's dialog API in older Word, then MSAL's popup in a plain browser. MSAL is loaded
 * on first use, so it is not in the pane's first bundle.
 */
export const createTokenProvider = (host: PaneHost): TokenProvider => {
  if (process.env.NODE_ENV === "development") return createDevTokenProvider(apiBaseUrl());
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
