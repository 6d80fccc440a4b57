import type { TenantId } from "../store/tenant";

/** Who is calling: from a validated access token (functions/auth/token-validator.ts), never from input. */
export interface Identity {
  readonly tenantId: TenantId;
  readonly userId: string;
  readonly userName: string;
  /**
   * The name people know them by: the token's `name` ("Alice Jensen"), else its sign-in name;
   * absent when the token has neither (userName is then the object id).
   */
  readonly displayName?: string;
  readonly roles: readonly string[];
}

/** Mergeline's app roles (Entra ID app role values). */
export const roles = { marketer: "marketer", admin: "admin" } as const;
