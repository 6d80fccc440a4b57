/**
 * The development identity the local API accepts in place of a sign-in (only in its development
 * mode). The whole literal sits behind the NODE_ENV test that webpack's DefinePlugin turns into a
 * constant, so minification drops it and production bundles do not contain the header at all.
 */
export const devIdentityHeaders = (): Record<string, string> =>
  process.env.NODE_ENV === "development"
    ? { "x-mergeline-dev-identity": "tenant=demo; user=demo.user@mergeline.dev" }
    : {};
