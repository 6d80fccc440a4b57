import { createTeamsHost, teamsTheme, type TeamsSdk } from "../../../../addin/host/teams";

const sdk = (overrides: Partial<TeamsSdk> = {}) => {
  let handler: ((theme: string) => void) | undefined;
  const fake: TeamsSdk & { changeTheme: (theme: string) => void } = {
    initialize: async () => undefined,
    getContext: async () => ({ app: { locale: "da-dk", theme: "dark" } }),
    registerOnThemeChangeHandler: (h) => {
      handler = h;
    },
    changeTheme: (theme) => handler?.(theme),
    ...overrides,
  };
  return fake;
};

describe("Teams host", () => {
  it("takes the language and theme from the Teams context and follows theme changes", async () => {
    const teams = sdk();
    const host = await createTeamsHost({ sdk: teams });
    expect(host.kind).toBe("teams");
    expect(host.displayLanguage).toBe("da-dk");
    expect(host.theme()).toBe("dark");
    const seen: string[] = [];
    const stop = host.onThemeChange((theme) => seen.push(theme));
    teams.changeTheme("contrast");
    teams.changeTheme("default");
    stop();
    teams.changeTheme("dark");
    expect(seen).toEqual(["contrast", "light"]);
    expect(host.theme()).toBe("dark");
  });

  it("works with an uploaded letter, not an open document", async () => {
    const host = await createTeamsHost({ sdk: sdk() });
    expect(host.capabilities).toMatchObject({ source: "upload", mergeInto: "download" });
    expect(await host.letterDocx()).toBeUndefined();
  });

  it("gives up when Teams does not answer, so a plain browser does not hang", async () => {
    const never = sdk({ initialize: () => new Promise(() => undefined) });
    await expect(createTeamsHost({ sdk: never, timeoutMs: 20 })).rejects.toMatchObject({
      name: "TeamsTimeoutError",
    });
  });

  it("names Teams' themes as the pane's", () => {
    expect(["default", "dark", "contrast", undefined].map(teamsTheme)).toEqual([
      "light",
      "dark",
      "contrast",
      "light",
    ]);
  });
});
