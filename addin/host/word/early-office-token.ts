/// <reference types="office-js" />

/**
 * The API's token from Office's own single sign-on, asked for as early as the page can (by
 * addin/taskpane/early-start.ts, before the pane's main scripts have run), and only silently:
 * no sign-in or consent prompt (a user who closes one would otherwise meet it twice). Undefined
 * where this is not Word with IdentityAPI 1.3: a Teams tab (?host=teams), a browser tab, or a
 * page whose office.js is missing. A refusal is left to the pane's own sign-in, which asks again
 * with prompts allowed.
 */
export const earlyOfficeToken = (search: string = location.search): Promise<string> | undefined => {
  if (typeof Office === "undefined" || new URLSearchParams(search).get("host") === "teams")
    return undefined;
  return Office.onReady().then((info) => {
    if (
      info.host !== Office.HostType.Word ||
      !Office.context.requirements.isSetSupported("IdentityAPI", "1.3")
    )
      throw new Error("Office's single sign-on is not available here.");
    return Office.auth.getAccessToken({
      allowSignInPrompt: false,
      allowConsentPrompt: false,
      forMSGraphAccess: false,
    });
  });
};

/** Office's display language, for what the page's first script draws (after Office.onReady). */
export const earlyDisplayLanguage = (): string => {
  try {
    return Office.context.displayLanguage || "en-US";
  } catch {
    return "en-US";
  }
};
