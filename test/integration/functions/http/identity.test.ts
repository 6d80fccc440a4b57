import { generateKeyPair, SignJWT, type KeyLike } from "jose";
import { devAudience } from "../../../../functions/auth/dev-issuer";
import { startApi, type ApiHarness } from "../../harness/api-harness";

/**
 * Every way an access token can be wrong answers 401; a valid token without the right app role
 * answers 403. The tokens are signed as Entra ID signs them (RS256, kid, per-tenant issuer), by
 * the test issuer whose keys the API trusts, or by keys it does not.
 */
let api: ApiHarness;
let stranger: { privateKey: KeyLike; kid: string };
const issuerBase = "https://issuer.mergeline.test";
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  api = await startApi();
  const { privateKey } = await generateKeyPair("RS256");
  stranger = { privateKey, kid: "not-published" };
});
afterAll(() => api.close());

const get = (authorization?: string) =>
  api.call("GET", "/api/contacts", {
    anonymous: true,
    ...(authorization !== undefined ? { headers: { authorization } } : {}),
  });

const claims = (tenant = "tenant-a") => ({
  tid: tenant,
  oid: "user-1",
  roles: ["marketer"],
  ver: "2.0",
});
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
const kid = () => (api.issuer.jwks.keys[0] as { kid: string }).kid;

describe("sign-in: the access token matrix", () => {
  it("accepts a valid token", async () => {
    const token = await api.issuer.sign({ tenant: "tenant-a", user: "user-1" });
    expect((await get(`Bearer ${token}`)).status).toBe(200);
  });

  const cases: [string, () => Promise<string | undefined>][] = [
    ["missing", async () => undefined],
    ["not a bearer token", async () => "Basic dXNlcjpwYXNz"],
    ["malformed", async () => "Bearer not.a.jwt!"],
    [
      "expired",
      async () =>
        `Bearer ${await api.issuer.sign({ tenant: "tenant-a", user: "u" }, { expiresInSeconds: -600 })}`,
    ],
    [
      "not yet valid",
      async () =>
        `Bearer ${await api.issuer.sign({ tenant: "tenant-a", user: "u" }, { notBeforeSeconds: 600 })}`,
    ],
    ["for another audience", async () => `Bearer ${await signed({ aud: "api://someone-else" })}`],
    ["without a user (oid)", async () => `Bearer ${await signed({ oid: undefined })}`],
    [
      "from another issuer",
      async () => `Bearer ${await signed({ iss: "https://evil.example/tenant-a/v2.0" })}`,
    ],
    [
      "with a tid that does not match its issuer",
      async () => `Bearer ${await signed({ iss: `${issuerBase}/tenant-b/v2.0` })}`,
    ],
    [
      "alg none",
      async () =>
        `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64({ ...claims(), aud: devAudience, iss: `${issuerBase}/tenant-a/v2.0`, exp: now() + 600, iat: now() })}.`,
    ],
    [
      "HS256 signed with the public key",
      async () => {
        const publicJwk = JSON.stringify(api.issuer.jwks.keys[0]);
        return `Bearer ${await new SignJWT({ ...claims() })
          .setProtectedHeader({ alg: "HS256", kid: kid() })
          .setIssuer(`${issuerBase}/tenant-a/v2.0`)
          .setAudience(devAudience)
          .setIssuedAt()
          .setExpirationTime(now() + 600)
          .sign(new TextEncoder().encode(publicJwk))}`;
      },
    ],
    [
      "with a tampered signature",
      async () => {
        const token = await api.issuer.sign({ tenant: "tenant-a", user: "u" });
        const [h, p, s] = token.split(".") as [string, string, string];
        const flipped = s.slice(0, -4) + (s.slice(-4) === "AAAA" ? "BBBB" : "AAAA");
        return `Bearer ${h}.${p}.${flipped}`;
      },
    ],
    [
      "with a tampered payload",
      async () => {
        const token = await api.issuer.sign({ tenant: "tenant-a", user: "u", roles: ["marketer"] });
        const [h, , s] = token.split(".") as [string, string, string];
        return `Bearer ${h}.${b64({ ...claims(), roles: ["admin"], aud: devAudience, iss: `${issuerBase}/tenant-a/v2.0`, exp: now() + 600, iat: now() })}.${s}`;
      },
    ],
    [
      "signed by an unknown key (unknown kid)",
      async () =>
        `Bearer ${await new SignJWT(claims())
          .setProtectedHeader({ alg: "RS256", kid: stranger.kid })
          .setIssuer(`${issuerBase}/tenant-a/v2.0`)
          .setAudience(devAudience)
          .setIssuedAt()
          .setExpirationTime(now() + 600)
          .sign(stranger.privateKey)}`,
    ],
    [
      "signed by a stranger's key under the published kid",
      async () =>
        `Bearer ${await new SignJWT(claims())
          .setProtectedHeader({ alg: "RS256", kid: kid() })
          .setIssuer(`${issuerBase}/tenant-a/v2.0`)
          .setAudience(devAudience)
          .setIssuedAt()
          .setExpirationTime(now() + 600)
          .sign(stranger.privateKey)}`,
    ],
  ];

  /** A token the test issuer really signs, with one claim changed. */
  const signed = (override: Record<string, unknown>) =>
    api.issuer.signPayload({
      ...claims(),
      aud: devAudience,
      iss: `${issuerBase}/tenant-a/v2.0`,
      iat: now(),
      exp: now() + 600,
      ...override,
    });

  it.each(cases)("refuses a token %s with 401 problem+json", async (_what, make) => {
    const res = await get(await make());
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});

describe("app roles", () => {
  it("answers 403 to a signed-in user without a Mergeline role", async () => {
    const res = await api.call("GET", "/api/contacts", { roles: [] });
    expect(res.status).toBe(403);
    expect(res.json.detail).toMatch(/Marketer or Admin/);
  });

  it("lets a marketer work but keeps templates and deleting logged segments for admins", async () => {
    const marketer = { roles: ["marketer"] };
    expect((await api.call("GET", "/api/interaction-templates", marketer)).status).toBe(200);
    const create = await api.call("POST", "/api/interaction-templates", {
      ...marketer,
      body: { code: "NOPE" },
    });
    expect(create.status).toBe(403);
    expect((await api.call("DELETE", "/api/logged-segments/1", marketer)).status).toBe(403);
    const admin = await api.call("POST", "/api/interaction-templates", {
      roles: ["admin"],
      body: { code: "YES" },
    });
    expect(admin.status).toBe(201);
  });

  it("serves health and the API description without a token", async () => {
    const health = await api.call("GET", "/api/health", { anonymous: true });
    expect(health.status).toBe(200);
    const doc = await api.call("GET", "/api/openapi.json", { anonymous: true });
    expect(doc.json.components.securitySchemes.entra).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
  });

  it("has no identity header any more: the foundation's development header is ignored", async () => {
    const res = await api.call("GET", "/api/contacts", {
      anonymous: true,
      headers: { "x-mergeline-dev-identity": "tenant=tenant-a; user=x" },
    });
    expect(res.status).toBe(401);
  });
});

describe("rate limits on expensive work", () => {
  it("answers 429 with Retry-After past the per-user limit, per user", async () => {
    const limited = await startApi({ expensivePerMinute: 2 });
    try {
      const importOnce = (user: string) =>
        limited.call("POST", "/api/contacts/import", {
          user,
          body: { csv: "No.;Name;Type\r\nKT1;A;company\r\n", dryRun: true },
        });
      expect((await importOnce("u1")).status).toBe(200);
      expect((await importOnce("u1")).status).toBe(200);
      const third = await importOnce("u1");
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await importOnce("u2")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
