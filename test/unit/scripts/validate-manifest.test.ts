import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "../../..");
const manifest = fs.readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");
const teamsManifest = JSON.parse(
  fs.readFileSync(path.join(repoRoot, "teams/manifest.json"), "utf8"),
) as Record<string, unknown>;

/**
 * Runs the validator as `npm run validate` does. libxml2-wasm is an ES module with top-level
 * await, which Jest's CommonJS runtime cannot load; a child process tests the real command anyway.
 */
const validate = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [require.resolve("tsx/cli"), "scripts/validate-manifest.ts", ...args],
    {
      cwd: repoRoot,
      encoding: "utf8",
      // A name that never resolves (RFC 2606): the online step skips the same way on every machine.
      env: { ...process.env, MERGELINE_VALIDATION_HOST: "validation.invalid" },
    },
  );

describe("npm run validate", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mergeline-manifest-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const writeCopy = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it("accepts manifest.xml and teams/manifest.json (the defaults), and skips online without a network", () => {
    const run = validate();
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^manifest\.xml: valid \(office-xml\)$/m);
    expect(run.stdout).toMatch(/^teams\/manifest\.json: valid \(teams-json\)$/m);
    expect(run.stdout).toMatch(/online validation \(validation\.invalid\): skipped: no network/);
    expect(run.status).toBe(0);
  });

  it("skips the online step when asked to", () => {
    const run = validate("--offline", "manifest.xml");
    expect(run.stdout).toMatch(/online validation: skipped: --offline/);
    expect(run.status).toBe(0);
  });

  it("rejects a manifest without <Id>, naming the line and the expected element", () => {
    const file = writeCopy("no-id.xml", manifest.replace(/\s*<Id>[^<]*<\/Id>/, ""));
    const run = validate(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /no-id\.xml:\d+: .*Expected is \( \{http:\/\/schemas\.microsoft\.com\/office\/appforoffice\/1\.1\}Id \)/,
    );
  });

  it("checks the ribbon part against the imported VersionOverrides schema", () => {
    const file = writeCopy(
      "bad-ribbon.xml",
      manifest.replace("<TaskpaneId>", "<Bogus/><TaskpaneId>"),
    );
    const run = validate(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Bogus.*not expected/);
  });

  it("reports XML that does not parse", () => {
    const run = validate(writeCopy("broken.xml", manifest.slice(0, 400)));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.xml:\d+/);
  });

  it("reports a missing file", () => {
    const run = validate(path.join(dir, "absent.xml"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no such file/);
  });

  describe("Teams manifest", () => {
    /** A copy beside the real icons and translations, so only the broken part fails. */
    const writeTeams = (name: string, value: unknown): string => {
      for (const file of ["color.png", "outline.png", "da-DK.json"]) {
        fs.copyFileSync(path.join(repoRoot, "teams", file), path.join(dir, file));
      }
      return writeCopy(name, typeof value === "string" ? value : JSON.stringify(value, null, 2));
    };

    it("accepts teams/manifest.json with its files", () => {
      const run = validate(writeTeams("manifest.json", teamsManifest));
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(/manifest\.json: valid \(teams-json\)/);
      expect(run.status).toBe(0);
    });

    it("names a missing required field", () => {
      const { name: _name, ...rest } = teamsManifest;
      const run = validate(writeTeams("no-name.json", rest));
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/no-name\.json: \/: missing required field "name"/);
    });

    it("says that the app id must be a GUID", () => {
      const run = validate(writeTeams("bad-id.json", { ...teamsManifest, id: "mergeline" }));
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/bad-id\.json: \/id: must be a GUID/);
    });

    it("names an unknown field and a wrong manifest version", () => {
      const run = validate(
        writeTeams("extra.json", { ...teamsManifest, manifestVersion: "1.17", colour: "blue" }),
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/\/manifestVersion: must be "1\.29"/);
      expect(run.stderr).toMatch(/unknown field "colour"/);
    });

    it("checks what the schema cannot: tab domains, the SSO resource, translations", () => {
      const broken = {
        ...teamsManifest,
        validDomains: ["contoso.example"],
        webApplicationInfo: {
          id: "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
          resource: "api://localhost:3000/00000000-0000-0000-0000-000000000000",
        },
      };
      const run = validate(writeTeams("rules.json", broken));
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /\/staticTabs\/0\/contentUrl: localhost:3000 is not in validDomains/,
      );
      expect(run.stderr).toMatch(/\/webApplicationInfo\/resource: must be api:\/\/<pane host>\//);
    });

    it("names a missing icon", () => {
      const file = writeTeams("no-icon.json", {
        ...teamsManifest,
        icons: { color: "missing.png", outline: "outline.png" },
      });
      const run = validate(file);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/\/icons\/color: missing\.png is missing/);
    });

    it("reports JSON that does not parse with its line", () => {
      const run = validate(writeTeams("broken.json", '{\n  "id": "x",\n  oops\n}'));
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/broken\.json:3:\d+: /);
    });

    it("refuses a package that is not a zip", () => {
      const run = validate(writeCopy("not.zip", "PK? no"));
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/not\.zip: not a zip file/);
    });
  });
});
