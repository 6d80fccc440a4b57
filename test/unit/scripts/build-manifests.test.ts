import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  BuildSettingsError,
  DEV_PUBLIC_URL,
  PLACEHOLDER_CLIENT_ID,
  buildWarnings,
  renderOfficeManifest,
  renderTeamsManifest,
  resolveBuildSettings,
  writeManifests,
} from "../../../scripts/build-manifests";
import { validateTeamsManifestObject } from "../../../scripts/validate-manifest";

const repoRoot = path.resolve(__dirname, "../../..");
const sourceXml = fs.readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");
const sourceTeams = JSON.parse(
  fs.readFileSync(path.join(repoRoot, "teams/manifest.json"), "utf8"),
) as Parameters<typeof renderTeamsManifest>[0];
const version = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }
).version;

const CLIENT_ID = "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
const production = () =>
  resolveBuildSettings(
    {},
    {
      MERGELINE_PUBLIC_URL: "https://mergeline.example.com/",
      MERGELINE_API_URL: "https://api.example.com/api",
      MERGELINE_CLIENT_ID: CLIENT_ID,
    },
  );

describe("resolveBuildSettings", () => {
  it("defaults to the dev server, the local API and a placeholder client id", () => {
    const settings = resolveBuildSettings({}, {});
    expect(settings).toMatchObject({
      publicUrl: DEV_PUBLIC_URL,
      apiUrl: "http://localhost:7071/api",
      clientId: PLACEHOLDER_CLIENT_ID,
      version,
    });
    expect(buildWarnings(settings)).toEqual([]);
  });

  it("takes MERGELINE_* variables, and explicit inputs (webpack --env) over them", () => {
    expect(production().publicUrl).toBe("https://mergeline.example.com");
    const explicit = resolveBuildSettings(
      { publicUrl: "https://pane.contoso.com" },
      { MERGELINE_PUBLIC_URL: "https://other.example.com" },
    );
    expect(explicit.publicUrl).toBe("https://pane.contoso.com");
  });

  it("refuses what Office and Teams would refuse: http, a query, a client id that is no GUID", () => {
    expect(() => resolveBuildSettings({ publicUrl: "http://mergeline.example.com" }, {})).toThrow(
      BuildSettingsError,
    );
    expect(() => resolveBuildSettings({ publicUrl: "https://x.example.com/?a=1" }, {})).toThrow(
      /plain base URL/,
    );
    expect(() => resolveBuildSettings({ clientId: "my-app" }, {})).toThrow(/GUID/);
  });

  it("warns when a build for a real host still points at the local API or the placeholder id", () => {
    const settings = resolveBuildSettings({ publicUrl: "https://mergeline.example.com" }, {});
    expect(buildWarnings(settings).join("\n")).toMatch(
      /MERGELINE_API_URL.*\n.*MERGELINE_CLIENT_ID/,
    );
  });
});

describe("renderOfficeManifest", () => {
  it("points every URL at the public URL and drops the source's comments", () => {
    const xml = renderOfficeManifest(sourceXml, production());
    expect(xml).not.toContain("localhost");
    expect(xml).not.toContain("<!--");
    expect(xml).toContain(
      '<SourceLocation DefaultValue="https://mergeline.example.com/taskpane.html"/>',
    );
    expect(xml).toContain(
      '<bt:Url id="Commands.Url" DefaultValue="https://mergeline.example.com/commands.html"/>',
    );
    expect(xml).toContain(`<Version>${version}.0</Version>`);
  });

  it("names the deployment's Entra app and Application ID URI for Office's single sign-on", () => {
    const xml = renderOfficeManifest(sourceXml, production());
    expect(xml).toMatch(
      new RegExp(
        `<WebApplicationInfo>\\s*<Id>${CLIENT_ID}</Id>\\s*` +
          `<Resource>api://mergeline\\.example\\.com/${CLIENT_ID}</Resource>`,
      ),
    );
    expect(xml).not.toContain(PLACEHOLDER_CLIENT_ID);
    expect(() =>
      renderOfficeManifest(
        sourceXml.replace(/<WebApplicationInfo>[\s\S]*<\/WebApplicationInfo>/, ""),
        production(),
      ),
    ).toThrow(/WebApplicationInfo/);
  });

  it("lists the API origin and the sign-in origin in AppDomains, right before <Hosts>", () => {
    const xml = renderOfficeManifest(sourceXml, production());
    expect(xml).toMatch(
      /<AppDomains>\s*<AppDomain>https:\/\/api\.example\.com<\/AppDomain>\s*<AppDomain>https:\/\/login\.microsoftonline\.com<\/AppDomain>\s*<\/AppDomains>\s*<Hosts>/,
    );
  });

  it("keeps a path in the public URL and leaves a plain-http local API out of AppDomains", () => {
    const settings = resolveBuildSettings({ publicUrl: "https://contoso.example/mergeline/" }, {});
    const xml = renderOfficeManifest(sourceXml, settings);
    expect(xml).toContain('DefaultValue="https://contoso.example/mergeline/taskpane.html"');
    expect(xml.match(/<AppDomain>/g)).toHaveLength(1);
  });

  it("merges into AppDomains the source already has instead of adding a second block", () => {
    const withDomains = sourceXml.replace(
      "<Hosts>",
      "<AppDomains>\n    <AppDomain>https://contoso.example</AppDomain>\n  </AppDomains>\n  <Hosts>",
    );
    const xml = renderOfficeManifest(withDomains, production());
    expect(xml.match(/<AppDomains>/g)).toHaveLength(1);
    expect(xml).toContain("<AppDomain>https://contoso.example</AppDomain>");
    expect(xml).toContain("<AppDomain>https://login.microsoftonline.com</AppDomain>");
  });
});

describe("renderTeamsManifest", () => {
  it("points the tab, the domains and SSO at the public URL and the Entra app", () => {
    const manifest = renderTeamsManifest(sourceTeams, production()) as Record<string, unknown> & {
      staticTabs: { contentUrl: string; websiteUrl: string }[];
    };
    expect(manifest.staticTabs[0]?.contentUrl).toBe(
      "https://mergeline.example.com/taskpane.html?host=teams",
    );
    expect(manifest["validDomains"]).toEqual(["mergeline.example.com"]);
    expect(manifest["webApplicationInfo"]).toEqual({
      id: CLIENT_ID,
      resource: `api://mergeline.example.com/${CLIENT_ID}`,
    });
    expect(manifest["version"]).toBe(version);
    expect(JSON.stringify(manifest)).not.toContain("localhost");
    expect(validateTeamsManifestObject(manifest, () => undefined)).toEqual([
      { message: "/icons/color: color.png is missing" },
      { message: "/icons/outline: outline.png is missing" },
      { message: "/localizationInfo: da-DK.json is missing" },
    ]);
  });
});

describe("writeManifests", () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "mergeline-dist-"));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it("writes dist/manifest.xml and a complete, valid dist/teams/", () => {
    const files = writeManifests(production(), { outDir: out });
    expect(files.sort()).toEqual(
      [
        "manifest.xml",
        "teams/color.png",
        "teams/da-DK.json",
        "teams/manifest.json",
        "teams/outline.png",
      ].sort(),
    );
    const teams = JSON.parse(fs.readFileSync(path.join(out, "teams/manifest.json"), "utf8"));
    const read = (name: string) => fs.readFileSync(path.join(out, "teams", name));
    expect(validateTeamsManifestObject(teams, read)).toEqual([]);
  });

  it("writes the pane's hosting config with the API origin when the pane was built", () => {
    fs.mkdirSync(path.join(out, "addin"));
    writeManifests(production(), { outDir: out });
    const config = JSON.parse(
      fs.readFileSync(path.join(out, "addin/staticwebapp.config.json"), "utf8"),
    ) as { globalHeaders: Record<string, string> };
    const csp = config.globalHeaders["Content-Security-Policy"] ?? "";
    expect(csp).toContain("connect-src 'self' https://api.example.com ");
    expect(csp).not.toContain("{{");
    // The pane lives in Office's and Teams' frames: frame-ancestors, never X-Frame-Options.
    expect(csp).toContain("frame-ancestors");
    expect(config.globalHeaders).not.toHaveProperty("X-Frame-Options");
  });
});
