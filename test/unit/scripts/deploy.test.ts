import { spawnSync } from "node:child_process";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "../../..");
const script = path.join(repoRoot, "scripts/deploy.sh");

const deploy = (...args: string[]) =>
  spawnSync("bash", [script, ...args], { cwd: repoRoot, encoding: "utf8" });

describe("scripts/deploy.sh", () => {
  it("is valid bash", () => {
    const run = spawnSync("bash", ["-n", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("needs a resource group", () => {
    const run = deploy("--dry-run");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--resource-group is required/);
  });

  describe("--dry-run", () => {
    const run = deploy(
      "--resource-group",
      "rg-mergeline",
      "--location",
      "westeurope",
      "--client-id",
      "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
      "--custom-domain",
      "mergeline.contoso.com",
      "--dry-run",
    );
    const commands = run.stdout.split("\n").filter((line) => line.startsWith("+ "));

    it("prints the whole sequence, in order, and runs none of it", () => {
      expect(run.status).toBe(0);
      const order = [
        /^\+ npm run --silent build:infra -- --check$/,
        /^\+ az group create --name rg-mergeline --location westeurope/,
        /^\+ az deployment group create --resource-group rg-mergeline .*--template-file infra\/main\.bicep .*clientId=6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9 paneCustomDomain=mergeline\.contoso\.com/,
        /^\+ env MERGELINE_PUBLIC_URL=https:\/\/mergeline\.contoso\.com .* npm run build$/,
        /^\+ npm run validate$/,
        /npm run package:teams$/,
        /^\+ az staticwebapp secrets list/,
        /static-web-apps-cli@2 deploy dist\/addin --env production$/,
        /^\+ npm ci --omit=dev --ignore-scripts/,
        /zip -qr \.\.\/functions\.zip \.\)$/,
        /^\+ az functionapp deployment source config-zip --resource-group rg-mergeline/,
        /^\+ curl .*\/api\/health$/,
      ];
      let at = 0;
      for (const pattern of order) {
        const found = commands.findIndex((line, i) => i >= at && pattern.test(line));
        expect({ pattern: String(pattern), found: found >= 0 }).toEqual({
          pattern: String(pattern),
          found: true,
        });
        at = found + 1;
      }
      expect(run.stdout).toMatch(/Dry run: nothing was run or changed\./);
    });

    it("never prints the Static Web Apps deployment token", () => {
      expect(run.stdout).toMatch(/SWA_CLI_DEPLOYMENT_TOKEN=\*\*\*/);
      expect(run.stdout).not.toMatch(/--deployment-token/);
    });
  });

  describe("--registry (PDF: the API as a container image)", () => {
    const run = deploy(
      "--resource-group",
      "rg-mergeline",
      "--registry",
      "mergelineacr",
      "--dry-run",
    );
    const commands = run.stdout.split("\n").filter((line) => line.startsWith("+ "));

    it("builds the image in the registry before the infrastructure points the app at it", () => {
      expect(run.status).toBe(0);
      const build = commands.findIndex((l) =>
        /^\+ az acr build --registry mergelineacr .*--image mergeline-api:\S+ --file infra\/Dockerfile \.$/.test(
          l,
        ),
      );
      const infra = commands.findIndex((l) => l.startsWith("+ az deployment group create"));
      expect(build).toBeGreaterThanOrEqual(0);
      expect(infra).toBeGreaterThan(build);
      const tag = /--image mergeline-api:(\S+)/.exec(commands[build] ?? "")?.[1];
      expect(commands[infra]).toContain(
        `apiImage=mergelineacr.azurecr.io/mergeline-api:${tag ?? "?"} apiImageRegistry=mergelineacr`,
      );
    });

    it("does not also publish the zip package to Flex Consumption", () => {
      expect(commands.some((l) => /config-zip/.test(l))).toBe(false);
      expect(commands.some((l) => /zip -qr/.test(l))).toBe(false);
      expect(commands.at(-1)).toMatch(/\/api\/health$/);
    });

    it("refuses a registry name Azure would refuse", () => {
      const bad = deploy("--resource-group", "rg", "--registry", "my-registry!", "--dry-run");
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--registry must be an Azure Container Registry name/);
      expect(bad.stdout).not.toMatch(/^\+ /m);
    });
  });
});
