/// <reference types="office-js" />
import { OfficeSsoError } from "../../auth/office-sso-error";
import type { SignInCapabilities } from "../host";

/** Office's error object ({ code, name, message }) as a typed error; anything else as code 0. */
const ssoError = (error: unknown): OfficeSsoError => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return new OfficeSsoError(
    typeof code === "number" ? code : Number(code) || 0,
    typeof message === "string" && message ? message : "Office could not sign in.",
  );
};

/**
 * Word's ways to sign in:
 * - Office's single sign-on (IdentityAPI 1.3): the token for the API comes from Office itself,
 *   signing the user in to Office or asking for consent when it must;
 * - nested app authentication where the client supports it (NestedAppAuth 1.1);
 * - Office's dialog API, which can show the identity provider's page when a browser popup cannot.
 */
export const wordSignIn = (): SignInCapabilities => ({
  ...(Office.context.requirements.isSetSupported("IdentityAPI", "1.3")
    ? {
        officeSso: () =>
          Office.auth
            .getAccessToken({
              allowSignInPrompt: true,
              allowConsentPrompt: true,
              forMSGraphAccess: false,
            })
            .catch((error: unknown) => {
              throw ssoError(error);
            }),
      }
    : {}),
  nestedAppAuth: Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"),
  dialog: (url) =>
    new Promise((resolve, reject) => {
      Office.context.ui.displayDialogAsync(
        url,
        { height: 60, width: 30, promptBeforeOpen: false },
        (opened) => {
          if (opened.status !== Office.AsyncResultStatus.Succeeded) {
            reject(new Error(opened.error.message));
            return;
          }
          const dialog = opened.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (event) => {
            dialog.close();
            if ("message" in event) resolve(event.message);
            else reject(new Error(`The sign-in dialog failed (${event.error}).`));
          });
          dialog.addEventHandler(Office.EventType.DialogEventReceived, (event) => {
            reject(
              new Error(
                `The sign-in dialog was closed (${"error" in event ? event.error : "closed"}).`,
              ),
            );
          });
        },
      );
    }),
});
