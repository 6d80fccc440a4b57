import type { TenantId } from "../store/tenant";

/** Who is calling: from a validated access token (functions/auth/token-validator.ts), never from input. */
export interface Identity {
  readonly tenantId: TenantId;
  readonly userId: string;
  readonly userName: string;
  readonly roles: readonly string[];
}

/** Mergeline's app roles (Entra ID app role values). */
export const roles = { marketer: "marketer", admin: "admin" } as const;
