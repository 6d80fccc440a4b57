/**
 * Office.auth.getAccessToken refused (its errors are plain objects with a numeric code: 13000–13013,
 * 50001; see "Troubleshoot error messages for single sign-on" on learn.microsoft.com).
 */
export class OfficeSsoError extends Error {
  override readonly name = "OfficeSsoError";
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** The user closed Office's sign-in or consent prompt: ask again only when the user says so. */
export const SSO_USER_ABORTED = 13002;
/** Another getAccessToken call is still running: wait for it, then ask again. */
export const SSO_CALL_IN_PROGRESS = 13008;
