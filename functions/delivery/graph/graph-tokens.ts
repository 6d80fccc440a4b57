import {
  AuthError,
  ClientConfigurationError,
  ConfidentialClientApplication,
  LogLevel,
  ServerError,
  type Configuration,
  type ICachePlugin,
} from "@azure/msal-node";
import { MailTransportError } from "../mail-transport";
import type { GraphSettings } from "./graph-settings";
import type { HttpsClient } from "./https-client";
import { msalNetworkModule } from "./msal-network";
import { sessionCachePlugin, type TokenCacheStorage } from "./token-cache-storage";

/** A bearer token for Graph, and which mailbox's limits the calls count against. */
export interface GraphToken {
  readonly accessToken: string;
  readonly mailboxKey: string;
}

export interface GraphTokenSource {
  token(): Promise<GraphToken>;
}

/** A delegated send's session: the send job's key and where its token cache lives. */
export interface DelegatedSession {
  readonly key: string;
  readonly cache: TokenCacheStorage;
}

/**
 * MSAL is told the authority's endpoints up front (knownAuthorities + authorityMetadata), so it
 * neither asks login.microsoftonline.com for instance discovery nor fetches the OpenID
 * configuration: the only host it talks to is the configured authority's token endpoint.
 */
const msalConfiguration = (
  settings: GraphSettings,
  http: HttpsClient,
  cachePlugin?: ICachePlugin,
): Configuration => {
  const authority = new URL(settings.authority);
  const base = settings.authority;
  const credential =
    settings.credential.kind === "secret"
      ? { clientSecret: settings.credential.secret }
      : {
          clientCertificate: {
            thumbprintSha256: settings.credential.thumbprintSha256,
            privateKey: settings.credential.privateKeyPem,
            x5c: settings.credential.certificatePem,
          },
        };
  return {
    auth: {
      clientId: settings.clientId,
      authority: base,
      ...credential,
      knownAuthorities: [authority.host],
      authorityMetadata: JSON.stringify({
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        issuer: `${base}/v2.0`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
      }),
    },
    ...(cachePlugin ? { cache: { cachePlugin } } : {}),
    system: {
      networkClient: msalNetworkModule(http),
      loggerOptions: {
        logLevel: LogLevel.Error,
        piiLoggingEnabled: false,
        loggerCallback: () => {},
      },
    },
  };
};

/** What a failed token request means for the send job. */
const tokenFailure = (error: unknown): MailTransportError => {
  if (error instanceof MailTransportError) return error;
  if (error instanceof ClientConfigurationError)
    return new MailTransportError(
      "not_configured",
      `Graph sign-in is misconfigured: ${error.message}`,
    );
  if (error instanceof AuthError) {
    const text = `${error.errorCode} ${error.subError} ${error.errorMessage}`;
    // AADSTS65001: nobody consented to the permission; AADSTS650052/650056/65004: the same, told otherwise.
    if (/consent_required|AADSTS6500(1|4)\b|AADSTS6500(52|56)\b/.test(text))
      return new MailTransportError(
        "consent",
        `Entra ID refused the token because Mail.Send and Mail.ReadWrite are not consented for this app: ${error.errorMessage}`,
      );
    if (error instanceof ServerError && (error.status === 429 || (error.status ?? 0) >= 500))
      return new MailTransportError("transient", `Entra ID is unavailable: ${error.errorMessage}`);
    if (
      /invalid_client|unauthorized_client|invalid_grant|interaction_required|no_tokens_found/.test(
        text,
      )
    )
      return new MailTransportError(
        "auth",
        `Entra ID refused the app's sign-in: ${error.errorMessage}`,
      );
    if (error instanceof ServerError)
      return new MailTransportError("auth", `Entra ID refused the token: ${error.errorMessage}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new MailTransportError("transient", `Entra ID could not be reached: ${message}`);
};

const graphScope = (settings: GraphSettings, permission: string): string =>
  `${settings.resource}/${permission}`;

/**
 * Mail.Send alone only allows sendMail; a draft (created, looked up by its extended property,
 * then sent) needs Mail.ReadWrite as well. That is the price of exactly once.
 */
const delegatedScopes = (settings: GraphSettings): string[] => [
  graphScope(settings, "Mail.ReadWrite"),
  graphScope(settings, "Mail.Send"),
];

/** Application permission (client credentials): the shared mailbox. */
export const appTokenSource = (
  settings: GraphSettings,
  http: HttpsClient,
  mailbox: string,
): GraphTokenSource => {
  const app = new ConfidentialClientApplication(msalConfiguration(settings, http));
  return {
    async token() {
      try {
        const result = await app.acquireTokenByClientCredential({
          scopes: [graphScope(settings, ".default")],
        });
        if (!result) throw new MailTransportError("auth", "Entra ID issued no token.");
        return { accessToken: result.accessToken, mailboxKey: mailbox.toLowerCase() };
      } catch (error) {
        throw tokenFailure(error);
      }
    },
  };
};

/**
 * Starts a delegated send while the marketer's request is still here: the on-behalf-of flow
 * swaps the request's access token for a Graph token and a refresh token (offline_access, which
 * MSAL asks for by default), both kept in the session's cache. msal-node has no
 * long-running-OBO API as MSAL.NET does (InitiateLongRunningProcessInWebApi); this is its
 * equivalent: the job later redeems the cached refresh token through acquireTokenSilent.
 */
export const beginDelegatedSession = async (
  settings: GraphSettings,
  http: HttpsClient,
  session: DelegatedSession,
  userAccessToken: string,
): Promise<void> => {
  const app = new ConfidentialClientApplication(
    msalConfiguration(settings, http, sessionCachePlugin(session.cache, session.key)),
  );
  try {
    const result = await app.acquireTokenOnBehalfOf({
      oboAssertion: userAccessToken,
      scopes: delegatedScopes(settings),
    });
    if (!result?.account)
      throw new MailTransportError(
        "auth",
        "Entra ID answered the on-behalf-of request without an account, so the send could not continue later.",
      );
  } catch (error) {
    throw tokenFailure(error);
  }
};

/** The job's side of a delegated send: tokens from the session's cache, refreshed as needed. */
export const delegatedTokenSource = (
  settings: GraphSettings,
  http: HttpsClient,
  session: DelegatedSession,
): GraphTokenSource => {
  const app = new ConfidentialClientApplication(
    msalConfiguration(settings, http, sessionCachePlugin(session.cache, session.key)),
  );
  return {
    async token() {
      try {
        const [account] = await app.getTokenCache().getAllAccounts();
        if (!account)
          throw new MailTransportError(
            "auth",
            "This send has no signed-in marketer any more (its session is gone): start the send again.",
          );
        const result = await app.acquireTokenSilent({
          account,
          scopes: delegatedScopes(settings),
        });
        return { accessToken: result.accessToken, mailboxKey: account.homeAccountId };
      } catch (error) {
        const failure = tokenFailure(error);
        // Expired, revoked or gone: only the marketer signing in again can go on; never anyone else.
        if (failure.kind !== "auth") throw failure;
        throw new MailTransportError(
          "auth",
          `The marketer's sign-in for this send has ended (${failure.message}). Nothing more is sent: retry the send job while signed in to go on from where it stopped.`,
        );
      }
    },
  };
};
