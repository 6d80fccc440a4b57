/**
 * The Entra ID app the pane signs in to. webpack's DefinePlugin fills these in from the build's
 * settings (scripts/build-manifests.ts): the client id and the API's access_as_user scope.
 */
export interface AuthSettings {
  readonly clientId: string;
  readonly authority: string;
  readonly scopes: readonly string[];
}

export const authSettings = (): AuthSettings => ({
  clientId: process.env.MERGELINE_CLIENT_ID || "00000000-0000-0000-0000-000000000000",
  // Multi-tenant: any organization's users sign in to their own tenant.
  authority: "https://login.microsoftonline.com/organizations",
  scopes: [
    process.env.MERGELINE_API_SCOPE ||
      "api://localhost:3000/00000000-0000-0000-0000-000000000000/access_as_user",
  ],
});
