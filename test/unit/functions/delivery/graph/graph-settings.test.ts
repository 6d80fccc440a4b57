import { loadGraphSettings } from "../../../../../functions/delivery/graph/graph-settings";

const env = {
  GRAPH_TENANT_ID: "11111111-2222-3333-4444-555555555555",
  GRAPH_CLIENT_ID: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  GRAPH_CLIENT_SECRET: "secret",
};

describe("Graph settings from the environment", () => {
  it("default to Microsoft Graph v1.0 in the tenant's authority, 4 requests in flight", () => {
    expect(loadGraphSettings({ ...env, GRAPH_MAILBOX: "letters@contoso.com" })).toEqual({
      authority: `https://login.microsoftonline.com/${env.GRAPH_TENANT_ID}`,
      clientId: env.GRAPH_CLIENT_ID,
      credential: { kind: "secret", secret: "secret" },
      sender: { kind: "shared", mailbox: "letters@contoso.com" },
      baseUrl: "https://graph.microsoft.com/v1.0",
      resource: "https://graph.microsoft.com",
      concurrency: 4,
      requestTimeoutMs: 60_000,
      maxMessageBytes: 35 * 1024 * 1024,
      trustedCaPem: undefined,
    });
  });

  it("send on behalf of the marketer when no shared mailbox is named", () => {
    expect(loadGraphSettings(env).sender).toEqual({ kind: "delegated" });
  });

  it("take a national cloud's authority and Graph", () => {
    const settings = loadGraphSettings({
      ...env,
      GRAPH_AUTHORITY: "https://login.microsoftonline.us/contoso.onmicrosoft.us/",
      GRAPH_BASE_URL: "https://graph.microsoft.us/v1.0/",
      GRAPH_RESOURCE: "https://graph.microsoft.us",
    });
    expect(settings.authority).toBe("https://login.microsoftonline.us/contoso.onmicrosoft.us");
    expect(settings.baseUrl).toBe("https://graph.microsoft.us/v1.0");
  });

  it.each([
    [{ GRAPH_TENANT_ID: "" }, /GRAPH_TENANT_ID/],
    [{ GRAPH_CLIENT_ID: "" }, /GRAPH_CLIENT_ID/],
    [{ GRAPH_CLIENT_SECRET: "" }, /GRAPH_CLIENT_CERTIFICATE_PATH \(or GRAPH_CLIENT_SECRET\)/],
    [{ GRAPH_CLIENT_CERTIFICATE_PATH: "/x.pem" }, /not both/],
    [{ GRAPH_CLIENT_SECRET: "", GRAPH_CLIENT_CERTIFICATE_PATH: "/nowhere.pem" }, /cannot be read/],
    [{ GRAPH_SENDER: "shared" }, /GRAPH_MAILBOX/],
    [{ GRAPH_SENDER: "shared", GRAPH_MAILBOX: "not a mailbox" }, /GRAPH_MAILBOX/],
    [{ GRAPH_SENDER: "robot" }, /GRAPH_SENDER to shared or delegated/],
    [{ GRAPH_AUTHORITY: "http://login.example" }, /GRAPH_AUTHORITY to an https URL/],
    [{ GRAPH_BASE_URL: "graph" }, /GRAPH_BASE_URL to an https URL/],
    [
      { MERGELINE_MAIL_CONCURRENCY: "5" },
      /MERGELINE_MAIL_CONCURRENCY to a whole number from 1 to 4/,
    ],
    [{ GRAPH_REQUEST_TIMEOUT_SECONDS: "0" }, /GRAPH_REQUEST_TIMEOUT_SECONDS/],
    [
      { GRAPH_MAX_MESSAGE_BYTES: "157286401" },
      /GRAPH_MAX_MESSAGE_BYTES to a whole number from 1 to 157286400/,
    ],
  ])("refuse %j as not_configured, naming the setting", (change, message) => {
    expect(() => loadGraphSettings({ ...env, ...change })).toThrow(
      expect.objectContaining({ kind: "not_configured", message: expect.stringMatching(message) }),
    );
  });
});
