import { startApi, type ApiHarness } from "../../harness/api-harness";

describe("identity", () => {
  let dev: ApiHarness;
  let prod: ApiHarness;
  beforeAll(async () => {
    dev = await startApi();
    prod = await startApi({ mode: "production", cosmos: dev.deps.config.cosmos }, dev.cosmos);
  });
  afterAll(async () => {
    await prod.close();
    await dev.close();
  });

  it("answers 401 problem+json without a principal", async () => {
    const res = await dev.call("GET", "/api/contacts", { anonymous: true });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toMatch(/Bearer/);
  });

  it("ignores the development identity header outside development mode", async () => {
    const res = await prod.call("GET", "/api/contacts");
    expect(res.status).toBe(401);
  });

  it("takes the tenant from App Service's client principal in production", async () => {
    const principal = Buffer.from(
      JSON.stringify({
        claims: [
          { typ: "http://schemas.microsoft.com/identity/claims/tenantid", val: "prod-tenant" },
          { typ: "http://schemas.microsoft.com/identity/claims/objectidentifier", val: "user-1" },
        ],
      }),
    ).toString("base64");
    const created = await prod.call("POST", "/api/salespeople", {
      anonymous: true,
      headers: { "x-ms-client-principal": principal },
      body: { code: "PR", name: "Prod Person" },
    });
    expect(created.status).toBe(201);
    expect(created.json.createdBy).toBe("user-1");
    expect((await dev.call("GET", "/api/salespeople/PR", { tenant: "prod-tenant" })).status).toBe(
      200,
    );
    expect((await dev.call("GET", "/api/salespeople/PR", { tenant: "other" })).status).toBe(404);
  });

  it("refuses a malformed development identity", async () => {
    const res = await dev.call("GET", "/api/contacts", {
      anonymous: true,
      headers: { "x-mergeline-dev-identity": "user=x" },
    });
    expect(res.status).toBe(401);
  });

  it("serves health and the API description without sign-in", async () => {
    const health = await dev.call("GET", "/api/health", { anonymous: true });
    expect(health.status).toBe(200);
    expect(health.json.checks).toContainEqual({ name: "cosmos", ok: true });
    const doc = await dev.call("GET", "/api/openapi.json", { anonymous: true });
    expect(doc.status).toBe(200);
    expect(doc.json.openapi).toBe("3.1.0");
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining(["/contacts", "/contacts/{no}", "/segments/{no}/lines/{lineNo}"]),
    );
  });
});
