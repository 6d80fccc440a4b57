/// <reference types="office-js" />
/**
 * The sign-in page Office's dialog API opens where nested app authentication is not available:
 * MSAL's redirect flow runs in the dialog, then the access token goes back to the pane with
 * messageParent. The dialog is same-origin with the pane, so nothing else can read it.
 */
import { createStandardPublicClientApplication } from "@azure/msal-browser";
import { authSettings } from "../../auth/auth-settings";

const send = (message: { accessToken?: string; error?: string }) =>
  Office.context.ui.messageParent(JSON.stringify(message));

const signIn = async () => {
  const settings = authSettings();
  const msal = await createStandardPublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri: `${location.origin}${location.pathname}`,
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  const returned = await msal.handleRedirectPromise();
  if (returned) return send({ accessToken: returned.accessToken });
  const account = msal.getAllAccounts()[0];
  if (account) {
    try {
      return send({
        accessToken: (await msal.acquireTokenSilent({ scopes: [...settings.scopes], account }))
          .accessToken,
      });
    } catch {
      // Falls through to the interactive sign-in below.
    }
  }
  await msal.loginRedirect({ scopes: [...settings.scopes] });
};

Office.onReady(() => {
  signIn().catch((error: unknown) =>
    send({ error: error instanceof Error ? error.message : String(error) }),
  );
});
