import fs from "node:fs";
import path from "node:path";
import { containers } from "../../../functions/store/containers";
import { CONTAINERS_JSON, renderContainersJson } from "../../../scripts/build-infra";

/**
 * No Bicep compiler runs here (it is a .NET binary, not on npm), so these tests read
 * infra/main.bicep as text: its structure, the settings the Functions need, and above all that
 * the Cosmos containers are the ones functions/store/containers.ts defines.
 */
const repoRoot = path.resolve(__dirname, "../../..");
const bicep = fs.readFileSync(path.join(repoRoot, "infra/main.bicep"), "utf8");

/**
 * The template with comments removed and the text of string literals blanked, keeping their
 * ${...} interpolations as code: "//" inside 'https://...' is not a comment, and a brace in a
 * string does not open a block.
 */
const stripBicep = (source: string): string => {
  let out = "";
  // Each entry: "'" inside a string literal, "{" inside an interpolation's braces.
  const modes: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    const mode = modes.at(-1);
    if (mode === "'") {
      if (ch === "\\") {
        i++;
        out += "  ";
      } else if (ch === "'") {
        modes.pop();
        out += ch;
      } else if (ch === "$" && source[i + 1] === "{") {
        modes.push("{");
        out += "${";
        i++;
      } else {
        out += ch === "\n" ? ch : " ";
      }
      continue;
    }
    if (ch === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      out += "\n";
      continue;
    }
    if (ch === "/" && source[i + 1] === "*") {
      i = source.indexOf("*/", i + 2) + 1;
      continue;
    }
    if (ch === "'") modes.push("'");
    else if (mode === "{" && ch === "{") modes.push("{");
    else if (mode === "{" && ch === "}") {
      modes.pop();
      out += " "; // the interpolation's closing brace belongs to the string, not to a block
      continue;
    }
    out += ch;
  }
  return out.replace(/\$\{/g, "  ");
};
const code = stripBicep(bicep);

const declared = (keyword: "param" | "var" | "resource" | "output") =>
  [...code.matchAll(new RegExp(`^${keyword}\\s+(\\w+)`, "gm"))].map((m) => m[1] as string);

/** Each resource's symbol and type ('Microsoft.Web/sites'), from the uncommented source. */
const resources = [
  ...bicep
    .replace(/\/\/.*$/gm, "")
    .matchAll(/^resource\s+(\w+)\s+'([^@']+)@(\d{4}-\d{2}-\d{2}(?:-preview)?)'/gm),
].map((m) => ({ symbol: m[1] as string, type: m[2] as string, apiVersion: m[3] as string }));

/** The text of one resource's body: from its declaration to the next top-level declaration. */
const resourceBody = (symbol: string): string => {
  const start = bicep.search(new RegExp(`^resource\\s+${symbol}\\s`, "m"));
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = bicep.slice(start + 1);
  const end = rest.search(/^(?:resource|var|param|output)\s/m);
  return end < 0 ? rest : rest.slice(0, end);
};

describe("infra/cosmos-containers.json", () => {
  it("is exactly functions/store/containers.ts (run `npm run build:infra` after changing it)", () => {
    expect(fs.readFileSync(CONTAINERS_JSON, "utf8")).toBe(renderContainersJson());
    expect(JSON.parse(fs.readFileSync(CONTAINERS_JSON, "utf8"))).toEqual(
      JSON.parse(JSON.stringify(Object.values(containers))),
    );
  });

  it("has every container with /pk and its composite indexes", () => {
    const defs = JSON.parse(fs.readFileSync(CONTAINERS_JSON, "utf8")) as {
      id: string;
      partitionKeyPath: string;
      indexingPolicy: { compositeIndexes: unknown[] };
    }[];
    expect(defs.map((d) => d.id)).toEqual(["contacts", "segments", "interactions", "setup"]);
    for (const def of defs) {
      expect(def.partitionKeyPath).toBe("/pk");
      expect(def.indexingPolicy.compositeIndexes.length).toBeGreaterThan(0);
    }
  });
});

describe("infra/main.bicep", () => {
  it("is balanced: braces, brackets and parentheses close in order", () => {
    const stack: string[] = [];
    const pairs: Record<string, string> = { "}": "{", "]": "[", ")": "(" };
    for (const ch of code) {
      if ("{[(".includes(ch)) stack.push(ch);
      else if (ch in pairs) expect(stack.pop()).toBe(pairs[ch]);
    }
    expect(stack).toEqual([]);
  });

  it("declares each name once and uses every parameter and variable", () => {
    const names = [...declared("param"), ...declared("var"), ...declared("resource")];
    expect(new Set(names).size).toBe(names.length);
    for (const name of [...declared("param"), ...declared("var")]) {
      const uses = code.match(new RegExp(`\\b${name}\\b`, "g")) ?? [];
      expect({ name, used: uses.length > 1 }).toEqual({ name, used: true });
    }
  });

  it("creates the containers from cosmos-containers.json, not from a copy of the policies", () => {
    expect(bicep).toMatch(/var cosmosContainers = loadJsonContent\('cosmos-containers\.json'\)/);
    const body = resourceBody("containers");
    expect(body).toMatch(/\[\s*for def in cosmosContainers:/);
    expect(body).toMatch(/paths: \[\s*def\.partitionKeyPath\s*\]/);
    expect(body).toMatch(/indexingPolicy: def\.indexingPolicy/);
    expect(bicep).not.toMatch(/compositeIndexes|includedPaths|excludedPaths/);
  });

  it("has the resources the deployment needs", () => {
    const types = resources.map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "Microsoft.OperationalInsights/workspaces",
        "Microsoft.Insights/components",
        "Microsoft.Storage/storageAccounts",
        "Microsoft.Storage/storageAccounts/blobServices/containers",
        "Microsoft.DocumentDB/databaseAccounts",
        "Microsoft.DocumentDB/databaseAccounts/sqlDatabases",
        "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers",
        "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments",
        "Microsoft.Web/staticSites",
        "Microsoft.Web/serverfarms",
        "Microsoft.Web/sites",
        "Microsoft.Authorization/roleAssignments",
      ]),
    );
    expect(types.filter((t) => t === "Microsoft.Storage/storageAccounts")).toHaveLength(2);
  });

  it("runs the Functions on Flex Consumption with Node 20 and an identity-based deployment container", () => {
    expect(resourceBody("plan")).toMatch(/tier: 'FlexConsumption'\s*name: 'FC1'/);
    const app = resourceBody("functionApp");
    expect(app).toMatch(/kind: containerHosting \? '[^']+' : 'functionapp,linux'/);
    expect(app).toMatch(/runtime: \{\s*name: 'node'\s*version: nodeVersion\s*\}/);
    expect(bicep).toMatch(/param nodeVersion string = '20'/);
    expect(app).toMatch(/type: 'blobContainer'/);
    expect(app).toMatch(/type: 'SystemAssignedIdentity'/);
    // Flex Consumption rejects these settings: functionAppConfig carries the runtime.
    expect(bicep).not.toMatch(
      /FUNCTIONS_WORKER_RUNTIME|FUNCTIONS_EXTENSION_VERSION|WEBSITE_NODE_DEFAULT_VERSION/,
    );
  });

  it("with apiImage runs the Functions as that container image on Azure Container Apps (PDF: LibreOffice)", () => {
    expect(bicep).toMatch(/param apiImage string = ''/);
    expect(bicep).toMatch(/var containerHosting = !empty\(apiImage\)/);
    expect(bicep).toMatch(/resource plan '[^']+' = if \(!containerHosting\)/);
    expect(resourceBody("containerEnvironment")).toMatch(/workloadProfileType: 'Consumption'/);
    const app = resourceBody("functionApp");
    expect(app).toMatch(/'functionapp,linux,container,azurecontainerapps'/);
    expect(app).toMatch(/managedEnvironmentId: containerEnvironment\.id/);
    expect(app).toMatch(/linuxFxVersion: 'DOCKER\|\$\{apiImage\}'/);
    expect(app).toMatch(/acrUseManagedIdentityCreds: true/);
    expect(resourceBody("imagePullerAcrPull")).toMatch(/roles\.acrPull/);
    expect(fs.readFileSync(path.join(repoRoot, "infra/Dockerfile"), "utf8")).toMatch(
      /FROM mcr\.microsoft\.com\/azure-functions\/node:4-node20[\s\S]*libreoffice-writer-nogui/,
    );
  });

  it("serves HTTPS only with TLS 1.2, and CORS only for the pane's origins", () => {
    const app = resourceBody("functionApp");
    // Both hostings: HTTPS only, and the same site settings.
    expect(app.match(/httpsOnly: true/g)).toHaveLength(2);
    expect(app.match(/siteConfig: (union\()?siteConfigCommon/g)).toHaveLength(2);
    expect(bicep).toMatch(/var siteConfigCommon = \{\s*minTlsVersion: '1\.2'/);
    expect(bicep).toMatch(/cors: \{\s*allowedOrigins: paneOrigins\s*supportCredentials: false/);
    expect(bicep).toMatch(
      /var paneOrigins = concat\(\s*\[\s*'https:\/\/\$\{staticWebApp\.properties\.defaultHostname\}'/,
    );
    expect(bicep).not.toMatch(/allowedOrigins:[^\n]*'\*'/);
    for (const symbol of ["funcStorage", "dataStorage"]) {
      expect(resourceBody(symbol)).toMatch(
        /minimumTlsVersion: 'TLS1_2'[\s\S]*supportsHttpsTrafficOnly: true/,
      );
    }
    expect(resourceBody("cosmos")).toMatch(/minimalTlsVersion: 'Tls12'/);
  });

  it("makes Cosmos DB serverless by default, with autoscale as a parameter", () => {
    expect(bicep).toMatch(/param cosmosThroughputMode string = 'serverless'/);
    expect(resourceBody("cosmos")).toMatch(
      /cosmosThroughputMode == 'serverless' \? \[\{ name: 'EnableServerless' \}\]/,
    );
    expect(resourceBody("database")).toMatch(
      /autoscaleSettings: \{\s*maxThroughput: cosmosAutoscaleMaxThroughput/,
    );
  });

  it("grants the Functions' identity Cosmos DB data access and the blob roles", () => {
    const cosmosRole = resourceBody("cosmosDataContributor");
    expect(cosmosRole).toMatch(/principalId: functionApp\.identity\.principalId/);
    expect(bicep).toMatch(/cosmosDataContributor: '00000000-0000-0000-0000-000000000002'/);
    expect(resourceBody("funcStorageOwner")).toMatch(/roles\.storageBlobDataOwner/);
    expect(resourceBody("dataStorageContributor")).toMatch(/roles\.storageBlobDataContributor/);
    expect(resourceBody("documentsContainer")).toMatch(/name: documentsContainerName/);
    expect(bicep).toMatch(/var documentsContainerName = 'documents'/);
  });

  it("sets every variable the Functions require (functions/config.ts)", () => {
    const config = fs.readFileSync(path.join(repoRoot, "functions/config.ts"), "utf8");
    const required = [...config.matchAll(/required\(env, "([A-Z0-9_]+)"\)/g)].map(
      (m) => m[1] as string,
    );
    expect(required).toContain("COSMOS_ENDPOINT");
    const settings = [...bicep.matchAll(/name: '([A-Za-z0-9_]+)'\s*\n\s*value:/g)].map((m) => m[1]);
    for (const name of required)
      expect({ name, set: settings.includes(name) }).toEqual({ name, set: true });
    expect(settings).toEqual(
      expect.arrayContaining([
        "COSMOS_DATABASE",
        "BLOB_CONTAINER",
        "AZURE_STORAGE_CONNECTION_STRING",
      ]),
    );
  });

  it("declares every output scripts/deploy.sh reads and every parameter main.parameters.json sets", () => {
    const deploy = fs.readFileSync(path.join(repoRoot, "scripts/deploy.sh"), "utf8");
    const read = [...deploy.matchAll(/\$\(output (\w+)\)/g)].map((m) => m[1] as string);
    expect(read.length).toBeGreaterThan(0);
    expect(declared("output")).toEqual(expect.arrayContaining(read));

    const parameters = JSON.parse(
      fs.readFileSync(path.join(repoRoot, "infra/main.parameters.json"), "utf8"),
    ) as { parameters: Record<string, unknown> };
    expect(declared("param")).toEqual(expect.arrayContaining(Object.keys(parameters.parameters)));
    const passed = [...deploy.matchAll(/"(\w+)=\$/g)].map((m) => m[1] as string);
    expect(declared("param")).toEqual(expect.arrayContaining(passed));
  });
});
