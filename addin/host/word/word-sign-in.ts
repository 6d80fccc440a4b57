/// <reference types="office-js" />
import type { SignInCapabilities } from "../host";

/**
 * Word's ways to sign in: nested app authentication where the client supports it
 * (NestedAppAuth 1.1: Word on the web, new Outlook-era desktop builds); otherwise Office's
 * dialog API, which can show the identity provider's page when a browser popup cannot.
 */
export const wordSignIn = (): SignInCapabilities => ({
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
