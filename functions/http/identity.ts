import type { HttpRequest } from "@azure/functions";
import { UnauthorizedError } from "../errors/app-errors";
import { asTenantId, type TenantId } from "../store/tenant";

export interface Identity {
  readonly tenantId: TenantId;
  readonly userId: string;
  readonly userName: string;
  readonly roles: readonly string[];
}

export type RuntimeMode = "development" | "production";

export const devIdentityHeader = "x-mergeline-dev-identity";

const parsePairs = (value: string): Map<string, string> =>
  new Map(
    value
      .split(";")
      .map((part) => part.split("=").map((s) => s.trim()))
      .filter((kv): kv is [string, string] => kv.length === 2 && kv[0] !== "" && kv[1] !== ""),
  );

/** `tenant=contoso; user=alice@contoso.dk; roles=marketer,admin`, honoured in development only. */
const fromDevHeader = (value: string): Identity => {
  const pairs = parsePairs(value);
  const tenant = pairs.get("tenant");
  const user = pairs.get("user");
  if (!tenant || !user) {
    throw new UnauthorizedError(
      `${devIdentityHeader} must name a tenant and a user: tenant=<id>; user=<id>`,
    );
  }
  return {
    tenantId: asTenantId(tenant),
    userId: user,
    userName: pairs.get("name") ?? user,
    roles: (pairs.get("roles") ?? "marketer,admin").split(",").map((r) => r.trim()),
  };
};

interface ClientPrincipal {
  claims?: { typ: string; val: string }[];
}

const claimTypes = {
  tenant: ["http://schemas.microsoft.com/identity/claims/tenantid", "tid"],
  user: ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"],
  name: ["name", "preferred_username"],
  role: ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"],
};

/**
 * The principal App Service Authentication puts in front of the Function App. The platform strips
 * this header from incoming requests and sets it itself, so it can be trusted there; the sign-in
 * issue replaces it with our own bearer-token validation.
 */
const fromClientPrincipal = (value: string): Identity => {
  let principal: ClientPrincipal;
  try {
    principal = JSON.parse(Buffer.from(value, "base64").toString("utf8")) as ClientPrincipal;
  } catch {
    throw new UnauthorizedError("The client principal is not readable.");
  }
  const claim = (types: string[]) => principal.claims?.find((c) => types.includes(c.typ))?.val;
  const tenant = claim(claimTypes.tenant);
  const user = claim(claimTypes.user);
  if (!tenant || !user)
    throw new UnauthorizedError("The signed-in principal has no tenant or object id.");
  return {
    tenantId: asTenantId(tenant),
    userId: user,
    userName: claim(claimTypes.name) ?? user,
    roles: (principal.claims ?? [])
      .filter((c) => claimTypes.role.includes(c.typ))
      .map((c) => c.val),
  };
};

export const resolveIdentity = (request: HttpRequest, mode: RuntimeMode): Identity => {
  const dev = request.headers.get(devIdentityHeader);
  if (dev !== null && mode === "development") return fromDevHeader(dev);
  const principal = request.headers.get("x-ms-client-principal");
  if (principal) return fromClientPrincipal(principal);
  throw new UnauthorizedError("Sign in to use Mergeline.");
};
