import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { UnauthorizedError } from "../errors/app-errors";
import { asTenantId } from "../store/tenant";
import type { Identity } from "./identity";

export interface TokenValidationSettings {
  /** Accepted `aud` values: the API's Application ID URI and its client id. */
  readonly audiences: readonly string[];
  /** The issuer with `{tenantid}` for the token's own tenant (multi-tenant Entra ID). */
  readonly issuerTemplate: string;
  /** Where the signing keys are published. */
  readonly jwksUri: string;
  /** Leeway for exp and nbf between clocks, in seconds. */
  readonly clockSkewSeconds: number;
}

/** Only asymmetric signatures; never `none`, never HMAC (which a public key could forge). */
const algorithms = ["RS256"];

const tenantPattern = /^[0-9a-zA-Z-]{1,64}$/;

const refuse = (why: string): never => {
  throw new UnauthorizedError(`The access token was refused: ${why}.`);
};

const identityFrom = (payload: JWTPayload): Identity => {
  const tid =
    typeof payload["tid"] === "string" ? payload["tid"] : refuse("it names no tenant (tid)");
  const oid =
    typeof payload["oid"] === "string" ? payload["oid"] : refuse("it names no user (oid)");
  const roles = Array.isArray(payload["roles"])
    ? payload["roles"].filter((r): r is string => typeof r === "string")
    : [];
  const name =
    (typeof payload["preferred_username"] === "string" && payload["preferred_username"]) ||
    (typeof payload["name"] === "string" && payload["name"]) ||
    oid;
  const displayName =
    (typeof payload["name"] === "string" && payload["name"].trim()) ||
    (typeof payload["preferred_username"] === "string" && payload["preferred_username"]) ||
    undefined;
  return {
    tenantId: asTenantId(tid),
    userId: oid,
    userName: name,
    ...(displayName ? { displayName } : {}),
    roles,
  };
};

/**
 * Validates Entra ID access tokens (and, locally, the development issuer's: the same code with
 * another issuer template and key set). Signature against the issuer's JWKS (cached by jose,
 * refetched on an unknown kid at most every 30 s), the per-tenant issuer taken from the token's
 * tid, audience, exp/nbf with a small skew, and an algorithm allow-list.
 */
export const createTokenValidator = (
  settings: TokenValidationSettings,
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.jwksUri), {
    cooldownDuration: 30_000,
    cacheMaxAge: 24 * 60 * 60 * 1000,
    timeoutDuration: 5_000,
  }),
) => {
  return async (authorization: string | null): Promise<Identity> => {
    if (!authorization) throw new UnauthorizedError("Sign in to use Mergeline.");
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(
      authorization.trim(),
    );
    const token = match?.[1] ?? refuse("the Authorization header is not a bearer token");
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      return refuse("it is not a JWT");
    }
    if (!header.alg || !algorithms.includes(header.alg))
      refuse(`the algorithm ${String(header.alg)} is not accepted`);
    if (!header.kid) refuse("it names no signing key (kid)");
    // The issuer is per tenant: take tid from the token, then insist the issuer is that tenant's.
    const tid =
      typeof unverified["tid"] === "string" && tenantPattern.test(unverified["tid"])
        ? unverified["tid"]
        : refuse("it names no tenant (tid)");
    const issuer = settings.issuerTemplate.replace("{tenantid}", tid);
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms,
        audience: [...settings.audiences],
        issuer,
        clockTolerance: settings.clockSkewSeconds,
        requiredClaims: ["exp", "iat"],
      });
      return identityFrom(payload);
    } catch (error) {
      if (error instanceof UnauthorizedError) throw error;
      if (error instanceof errors.JWTExpired) return refuse("it has expired");
      if (error instanceof errors.JWTClaimValidationFailed)
        return refuse(`${error.claim} is not accepted`);
      if (error instanceof errors.JWKSNoMatchingKey)
        return refuse("no published key matches its kid");
      if (error instanceof errors.JWSSignatureVerificationFailed)
        return refuse("the signature does not verify");
      if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError)
        return refuse(error.message);
      throw error;
    }
  };
};

export type TokenValidator = ReturnType<typeof createTokenValidator>;
