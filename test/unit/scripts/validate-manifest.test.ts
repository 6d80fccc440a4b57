import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "../../..");
const manifest = fs.readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");

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

  it("accepts manifest.xml (the default path)", () => {
    const run = validate();
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/manifest\.xml: valid/);
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
});
