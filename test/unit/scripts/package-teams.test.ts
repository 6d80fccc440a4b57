import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import {
  TEAMS_PACKAGE_NAME,
  TeamsPackageError,
  packageTeams,
} from "../../../scripts/package-teams";
import { validateTeamsManifestObject } from "../../../scripts/validate-manifest";

const repoRoot = path.resolve(__dirname, "../../..");
const CLIENT_ID = "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
const render = {
  publicUrl: "https://mergeline.example.com",
  apiUrl: "https://api.example.com/api",
  clientId: CLIENT_ID,
};

describe("npm run package:teams", () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "mergeline-teams-"));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it("zips exactly manifest.json, the two icons and the Danish strings, at the root", () => {
    const { file } = packageTeams({ outDir: out, render, env: {} });
    expect(path.basename(file)).toBe(TEAMS_PACKAGE_NAME);
    const entries = unzipSync(fs.readFileSync(file));
    expect(Object.keys(entries).sort()).toEqual(
      ["color.png", "da-DK.json", "manifest.json", "outline.png"].sort(),
    );
  });

  it("carries the build's URLs and ids, and its manifest validates with the files beside it", () => {
    const { file } = packageTeams({ outDir: out, render, env: {} });
    const entries = unzipSync(fs.readFileSync(file));
    const manifest = JSON.parse(Buffer.from(entries["manifest.json"] ?? []).toString("utf8"));
    expect(manifest.staticTabs[0].contentUrl).toBe(
      "https://mergeline.example.com/taskpane.html?host=teams",
    );
    expect(manifest.webApplicationInfo.resource).toBe(`api://mergeline.example.com/${CLIENT_ID}`);
    const read = (name: string) => {
      const entry = entries[name];
      return entry ? Buffer.from(entry) : undefined;
    };
    expect(validateTeamsManifestObject(manifest, read)).toEqual([]);
  });

  it("is reproducible: the same inputs give the same bytes", () => {
    const first = fs.readFileSync(packageTeams({ outDir: out, render, env: {} }).file);
    const second = fs.readFileSync(packageTeams({ outDir: out, render, env: {} }).file);
    expect(second.equals(first)).toBe(true);
  });

  it("packages what the build left in dist/teams when no target is given", () => {
    packageTeams({ outDir: out, render, env: {} });
    const { file } = packageTeams({ outDir: out, env: {} });
    const manifest = JSON.parse(
      Buffer.from(unzipSync(fs.readFileSync(file))["manifest.json"] ?? []).toString("utf8"),
    );
    expect(manifest.validDomains).toEqual(["mergeline.example.com"]);
  });

  it("refuses to write a package whose manifest is invalid, naming the problem", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "mergeline-root-"));
    try {
      for (const name of ["manifest.xml", "teams", "infra"]) {
        fs.cpSync(path.join(repoRoot, name), path.join(root, name), { recursive: true });
      }
      const broken = JSON.parse(fs.readFileSync(path.join(root, "teams/manifest.json"), "utf8"));
      delete broken.description;
      fs.writeFileSync(path.join(root, "teams/manifest.json"), JSON.stringify(broken));

      let error: unknown;
      try {
        packageTeams({ root, outDir: out, render, env: {} });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TeamsPackageError);
      expect((error as TeamsPackageError).problems).toContainEqual({
        message: '/: missing required field "description"',
      });
      expect(fs.existsSync(path.join(out, "teams", TEAMS_PACKAGE_NAME))).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("`npm run validate` accepts the zip it wrote", () => {
    const { file } = packageTeams({ outDir: out, render, env: {} });
    const run = spawnSync(
      process.execPath,
      [require.resolve("tsx/cli"), "scripts/validate-manifest.ts", "--offline", file],
      { cwd: repoRoot, encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/mergeline-teams\.zip: valid \(teams-package\)/);
    expect(run.status).toBe(0);
  });
});
