import { createBrowserHost } from "../../../../addin/host/browser";
import { detectHost } from "../../../../addin/host/detect-host";

const teamsHost = { ...createBrowserHost("en-GB"), kind: "teams" as const };

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

const installOffice = (onReady: () => Promise<unknown>) =>
  Object.assign(globalThis, {
    Office: {
      onReady,
      HostType: { Word: "Word" },
      context: {
        displayLanguage: "da-DK",
        requirements: { isSetSupported: () => true },
        document: {},
      },
    },
  });

describe("detectHost", () => {
  it("is Word when Office.onReady says Word", async () => {
    installOffice(async () => ({ host: "Word" }));
    const host = await detectHost({ framed: false });
    expect(host.kind).toBe("word");
    expect(host.displayLanguage).toBe("da-DK");
  });

  it("is Teams when the tab's URL says so", async () => {
    const teams = jest.fn(async () => teamsHost);
    const host = await detectHost({ search: "?host=teams", teams });
    expect(host.kind).toBe("teams");
    expect(teams).toHaveBeenCalled();
  });

  it("asks Teams when a framed page is not in Word, and falls back to the browser", async () => {
    installOffice(async () => ({ host: null }));
    const notTeams = jest.fn(() => Promise.reject(new Error("not in Teams")));
    const host = await detectHost({ framed: true, teams: notTeams });
    expect(notTeams).toHaveBeenCalled();
    expect(host.kind).toBe("browser");
  });

  it("does not wait forever for an Office.onReady that never settles", async () => {
    installOffice(() => new Promise(() => undefined));
    const host = await detectHost({ officeTimeoutMs: 20, framed: false });
    expect(host.kind).toBe("browser");
  });

  it("is the browser without Office.js", async () => {
    const host = await detectHost({ framed: false });
    expect(host.kind).toBe("browser");
  });
});
