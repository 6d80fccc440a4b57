/** The user must sign in (or sign-in failed): the pane shows a Sign in button; nothing retries on its own. */
export class SignInRequiredError extends Error {
  override readonly name = "SignInRequiredError";
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
