import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from "jose";

/**
 * A token issuer for the local stack and the tests: its own RSA key pair, a JWKS, and tokens
 * shaped like Entra ID's v2 access tokens (iss per tenant, aud, tid, oid, roles). The API
 * validates them with the same code as Entra ID's; only the issuer template and the key set
 * differ. It exists only where the local stack or a test creates it.
 */
export interface DevIssuer {
  readonly issuerTemplate: string;
  readonly audience: string;
  readonly jwks: { keys: JWK[] };
  sign(
    claims: DevTokenClaims,
    options?: { expiresInSeconds?: number; notBeforeSeconds?: number },
  ): Promise<string>;
  /** Any payload, signed with the issuer's key: for tests of tokens that verify but are wrong. */
  signPayload(payload: JWTPayload): Promise<string>;
}

export interface DevTokenClaims {
  readonly tenant: string;
  readonly user: string;
  readonly name?: string;
  /** The token's `name`: what people call the user ("Alice Jensen"). */
  readonly displayName?: string;
  readonly roles?: readonly string[];
}

export const devAudience = "api://localhost/mergeline-dev";

export const createDevIssuer = async (issuerBase: string): Promise<DevIssuer> => {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const issuerTemplate = `${issuerBase}/{tenantid}/v2.0`;
  return {
    issuerTemplate,
    audience: devAudience,
    jwks: { keys: [jwk] },
    sign: (claims, options = {}) => signWith(privateKey, kid, issuerTemplate, claims, options),
    signPayload: (payload) =>
      new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(privateKey),
  };
};

const signWith = (
  key: KeyLike,
  kid: string,
  issuerTemplate: string,
  claims: DevTokenClaims,
  options: { expiresInSeconds?: number; notBeforeSeconds?: number },
) => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    tid: claims.tenant,
    oid: claims.user,
    preferred_username: claims.name ?? claims.user,
    ...(claims.displayName ? { name: claims.displayName } : {}),
    roles: [...(claims.roles ?? ["marketer", "admin"])],
    ver: "2.0",
  })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(issuerTemplate.replace("{tenantid}", claims.tenant))
    .setAudience(devAudience)
    .setIssuedAt(now)
    .setNotBefore(now + (options.notBeforeSeconds ?? 0))
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(key);
};
