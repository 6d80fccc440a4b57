/**
 * `npm run validate [--offline] [path...]`: checks the add-in and Teams manifests offline and
 * exits non-zero with readable errors; then, where the network allows, asks Microsoft's
 * validation service (office-addin-manifest) about the Office manifests too.
 *
 * Without paths it checks manifest.xml and teams/manifest.json, and the production build's
 * dist/manifest.xml, dist/teams/manifest.json and dist/teams/mergeline-teams.zip when present.
 * Each manifest format has one validator in `validators`; the format is picked from the name.
 */
import dns from "node:dns/promises";
import fs from "node:fs";
import path from "node:path";
import tls from "node:tls";
import zlib from "node:zlib";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { unzipSync } from "fflate";

export interface ManifestProblem {
  message: string;
  line?: number;
  column?: number;
}

export type ManifestKind = "office-xml" | "teams-json" | "teams-package";

type Validator = (file: string) => Promise<ManifestProblem[]>;

const REPO_ROOT = path.resolve(__dirname, "..");

/** Kept in the repository (schemas/README.md says where they come from). */
const OFFICE_XSD = path.join(REPO_ROOT, "schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");
const TEAMS_SCHEMA = path.join(REPO_ROOT, "schemas/teams/MicrosoftTeams.schema.json");

// ---------------------------------------------------------------------------------------------
// Office add-in manifest (XML) against the XSDs

/** libxml2-wasm is an ES module with top-level await, so a CommonJS script can only import() it. */
const loadLibxml = async () => {
  const [libxml, nodeIo] = await Promise.all([
    import("libxml2-wasm"),
    import("libxml2-wasm/lib/nodejs.mjs"),
  ]);
  // The root schema imports its siblings by relative file name; let libxml2 read them from disk.
  nodeIo.xmlRegisterFsInputProviders();
  return libxml;
};

interface LibxmlDetail {
  message: string;
  line?: number;
  col?: number;
}

const problemsOf = (error: unknown): ManifestProblem[] => {
  const details = (error as { details?: LibxmlDetail[] }).details;
  if (Array.isArray(details) && details.length > 0) {
    return details.map((d) => ({ message: d.message.trim(), line: d.line, column: d.col }));
  }
  return [{ message: error instanceof Error ? error.message : String(error) }];
};

const validateOfficeXml: Validator = async (file) => {
  const { XmlDocument, XsdValidator } = await loadLibxml();
  using schemaDoc = XmlDocument.fromBuffer(fs.readFileSync(OFFICE_XSD), { url: OFFICE_XSD });
  using validator = XsdValidator.fromDoc(schemaDoc);
  let manifest;
  try {
    manifest = XmlDocument.fromBuffer(fs.readFileSync(file), { url: file });
  } catch (error) {
    return problemsOf(error);
  }
  try {
    validator.validate(manifest);
    return [];
  } catch (error) {
    return problemsOf(error);
  } finally {
    manifest.dispose();
  }
};

// ---------------------------------------------------------------------------------------------
// Teams app manifest (JSON) against the schema, plus what the schema cannot say

let teamsSchemaValidator: ValidateFunction | undefined;

/**
 * The stored schema declares draft-04 but uses draft-06 keywords (`const`), as Microsoft's own
 * tooling reads it; Ajv's default (draft-07) understands both, and its meta-schema ships with
 * Ajv, so nothing is fetched. strict: false because the schema carries keywords Ajv does not know.
 */
const teamsSchema = (): ValidateFunction => {
  if (!teamsSchemaValidator) {
    const schema = JSON.parse(fs.readFileSync(TEAMS_SCHEMA, "utf8")) as Record<string, unknown>;
    delete schema["$schema"];
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    teamsSchemaValidator = ajv.compile(schema);
  }
  return teamsSchemaValidator;
};

/** One line per schema error, naming the field: "/id: must match pattern ... (a GUID)". */
const describeSchemaError = (error: ErrorObject): string => {
  const where = error.instancePath || "/";
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required")
    return `${where}: missing required field "${String(params["missingProperty"])}"`;
  if (error.keyword === "additionalProperties") {
    return `${where}: unknown field "${String(params["additionalProperty"])}"`;
  }
  if (error.keyword === "pattern" && /guid/i.test(error.schemaPath)) {
    return `${where}: must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`;
  }
  if (error.keyword === "enum") {
    return `${where}: must be one of ${JSON.stringify(params["allowedValues"])}`;
  }
  if (error.keyword === "const")
    return `${where}: must be ${JSON.stringify(params["allowedValue"])}`;
  return `${where}: ${error.message ?? error.keyword}`;
};

/** Reads a file of the Teams package by its name in the manifest; undefined when absent. */
export type PackageReader = (name: string) => Buffer | undefined;

interface PngImage {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel; undefined when the format is not one this reader decodes. */
  rgba?: Buffer;
  colorType: number;
}

const paeth = (a: number, b: number, c: number): number => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Enough of PNG to check Teams' icon rules: size, and the pixels of 8-bit RGBA/gray+alpha. */
export const readPng = (data: Buffer): PngImage | undefined => {
  if (data.length < 33 || data.readUInt32BE(0) !== 0x89504e47) return undefined;
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const [depth, colorType, , , interlace] = [
    data[24],
    data[25] ?? -1,
    data[26],
    data[27],
    data[28],
  ];
  const channels = colorType === 6 ? 4 : colorType === 4 ? 2 : 0;
  if (depth !== 8 || interlace !== 0 || channels === 0) return { width, height, colorType };
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= data.length;) {
    const length = data.readUInt32BE(at);
    if (data.toString("latin1", at + 4, at + 8) === "IDAT")
      idat.push(data.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const gray = channels === 2;
    const [r, g, b, a] = gray
      ? [pixels[i * 2], pixels[i * 2], pixels[i * 2], pixels[i * 2 + 1]]
      : [pixels[i * 4], pixels[i * 4 + 1], pixels[i * 4 + 2], pixels[i * 4 + 3]];
    rgba.set([r ?? 0, g ?? 0, b ?? 0, a ?? 0], i * 4);
  }
  return { width, height, rgba, colorType };
};

const LOCALIZED_LIMITS: Record<string, number> = {
  "name.short": 30,
  "name.full": 100,
  "description.short": 80,
  "description.full": 4000,
};
const LOCALIZED_TAB_NAME = /^staticTabs\[(\d+)\]\.name$/;

interface TeamsManifestShape {
  id?: string;
  icons?: { color?: string; outline?: string; color32x32?: string };
  localizationInfo?: {
    defaultLanguageFile?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  staticTabs?: { contentUrl?: string; websiteUrl?: string }[];
  validDomains?: string[];
  webApplicationInfo?: { id?: string; resource?: string };
}

const hostMatches = (host: string, pattern: string): boolean =>
  pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) : host === pattern;

/**
 * The rules Teams applies on upload that the JSON schema cannot express: the package's files
 * exist, icons have the right size and colours, translations use known keys within the limits,
 * tabs load from validDomains, and the SSO resource names the app's own client id.
 */
export const teamsPackageProblems = (
  manifest: TeamsManifestShape,
  read: PackageReader,
): ManifestProblem[] => {
  const problems: ManifestProblem[] = [];
  const icon = (field: "color" | "outline", size: number) => {
    const name = manifest.icons?.[field];
    if (!name) return;
    const data = read(name);
    if (!data) return problems.push({ message: `/icons/${field}: ${name} is missing` });
    const png = readPng(data);
    if (!png) return problems.push({ message: `/icons/${field}: ${name} is not a PNG` });
    if (png.width !== size || png.height !== size) {
      problems.push({
        message: `/icons/${field}: ${name} is ${png.width}x${png.height}, Teams requires ${size}x${size}`,
      });
    }
    if (field === "outline") {
      if (!png.rgba) {
        problems.push({ message: `/icons/outline: ${name} must be 8-bit RGBA with transparency` });
      } else {
        for (let i = 0; i < png.rgba.length; i += 4) {
          const [r, g, b, a] = [png.rgba[i], png.rgba[i + 1], png.rgba[i + 2], png.rgba[i + 3]];
          if ((a ?? 0) > 0 && ((r ?? 0) < 250 || (g ?? 0) < 250 || (b ?? 0) < 250)) {
            problems.push({ message: `/icons/outline: ${name} must be white on transparent` });
            break;
          }
        }
      }
    }
  };
  icon("color", 192);
  icon("outline", 32);

  const languageFiles = [
    ...(manifest.localizationInfo?.defaultLanguageFile
      ? [manifest.localizationInfo.defaultLanguageFile]
      : []),
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ];
  for (const name of languageFiles) {
    const data = read(name);
    if (!data) {
      problems.push({ message: `/localizationInfo: ${name} is missing` });
      continue;
    }
    let strings: Record<string, unknown>;
    try {
      strings = JSON.parse(data.toString("utf8")) as Record<string, unknown>;
    } catch (error) {
      problems.push({ message: `${name}: not JSON (${(error as Error).message})` });
      continue;
    }
    for (const [key, value] of Object.entries(strings)) {
      if (key === "$schema" || key === "manifestVersion") continue;
      const tab = LOCALIZED_TAB_NAME.exec(key);
      const limit = tab ? 128 : LOCALIZED_LIMITS[key];
      if (limit === undefined) {
        problems.push({ message: `${name}: "${key}" is not a key this app localizes` });
      } else if (typeof value !== "string" || value.length > limit) {
        problems.push({
          message: `${name}: "${key}" must be a string of at most ${limit} characters`,
        });
      } else if (tab && !manifest.staticTabs?.[Number(tab[1])]) {
        problems.push({ message: `${name}: "${key}" names a tab the manifest does not have` });
      }
    }
  }

  for (const [index, tab] of (manifest.staticTabs ?? []).entries()) {
    for (const field of ["contentUrl", "websiteUrl"] as const) {
      const url = tab[field];
      if (!url) continue;
      const host = new URL(url).host;
      if (!(manifest.validDomains ?? []).some((pattern) => hostMatches(host, pattern))) {
        problems.push({ message: `/staticTabs/${index}/${field}: ${host} is not in validDomains` });
      }
    }
  }

  const app = manifest.webApplicationInfo;
  if (
    app?.resource &&
    app.id &&
    !(app.resource.startsWith("api://") && app.resource.endsWith(`/${app.id}`))
  ) {
    problems.push({
      message: `/webApplicationInfo/resource: must be api://<pane host>/${app.id} (the Application ID URI)`,
    });
  }
  return problems;
};

/** A parsed Teams manifest's problems: the schema's, then the package rules'. */
export const validateTeamsManifestObject = (
  manifest: unknown,
  read: PackageReader,
): ManifestProblem[] => {
  const validate = teamsSchema();
  if (!validate(manifest)) {
    return (validate.errors ?? []).map((error) => ({ message: describeSchemaError(error) }));
  }
  return teamsPackageProblems(manifest as TeamsManifestShape, read);
};

const parseJson = (text: string): { value?: unknown; problem?: ManifestProblem } => {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    if (!at) return { problem: { message } };
    const before = text.slice(0, Number(at[1])).split("\n");
    return { problem: { message, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 } };
  }
};

const validateTeamsJson: Validator = async (file) => {
  const { value, problem } = parseJson(fs.readFileSync(file, "utf8"));
  if (problem) return [problem];
  const dir = path.dirname(file);
  return validateTeamsManifestObject(value, (name) => {
    const target = path.resolve(dir, name);
    // A package holds files, not paths: anything outside the manifest's folder is not in it.
    if (path.dirname(target) !== dir || !fs.existsSync(target)) return undefined;
    return fs.readFileSync(target);
  });
};

/** The zip admins upload: manifest.json at its root and every file it names. */
const validateTeamsPackage: Validator = async (file) => {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(fs.readFileSync(file));
  } catch (error) {
    return [{ message: `not a zip file (${(error as Error).message})` }];
  }
  const manifest = entries["manifest.json"];
  if (!manifest) return [{ message: "manifest.json is not at the root of the package" }];
  const { value, problem } = parseJson(Buffer.from(manifest).toString("utf8"));
  if (problem) return [{ ...problem, message: `manifest.json: ${problem.message}` }];
  return validateTeamsManifestObject(value, (name) => {
    const entry = entries[name];
    return entry ? Buffer.from(entry) : undefined;
  });
};

// ---------------------------------------------------------------------------------------------

const validators: Record<ManifestKind, Validator> = {
  "office-xml": validateOfficeXml,
  "teams-json": validateTeamsJson,
  "teams-package": validateTeamsPackage,
};

export const manifestKindOf = (file: string): ManifestKind => {
  const lower = file.toLowerCase();
  if (lower.endsWith(".zip")) return "teams-package";
  return lower.endsWith(".json") ? "teams-json" : "office-xml";
};

/** The manifest's problems; an empty list means it is valid. */
export const validateManifest = (file: string): Promise<ManifestProblem[]> => {
  if (!fs.existsSync(file)) return Promise.resolve([{ message: `no such file: ${file}` }]);
  return validators[manifestKindOf(file)](file);
};

/** The sources always; the production build's outputs when a build wrote them. */
export const defaultManifests = (root: string = REPO_ROOT): string[] => [
  path.join(root, "manifest.xml"),
  path.join(root, "teams", "manifest.json"),
  ...["dist/manifest.xml", "dist/teams/manifest.json", "dist/teams/mergeline-teams.zip"]
    .map((name) => path.join(root, name))
    .filter((file) => fs.existsSync(file)),
];

// ---------------------------------------------------------------------------------------------
// Online validation (Microsoft's service, through office-addin-manifest), only where reachable

/** The host office-addin-manifest posts XML manifests to (its lib/validate.js). */
export const VALIDATION_SERVICE_HOST = "validationgateway.omex.office.net";
const PROBE_TIMEOUT_MS = 3000;
const SERVICE_TIMEOUT_MS = 30_000;

/**
 * Whether a TLS connection to host:443 opens within the timeout. A DNS answer alone is not
 * enough: sandboxes and proxied CI often resolve names they cannot reach.
 */
export const isReachable = async (host: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> => {
  const deadline = new Promise<false>((resolve) =>
    setTimeout(() => resolve(false), timeoutMs).unref(),
  );
  const probe = (async () => {
    await dns.lookup(host);
    return new Promise<boolean>((resolve) => {
      const socket = tls.connect({ host, port: 443, servername: host, timeout: timeoutMs }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
      socket.on("timeout", () => {
        socket.destroy();
        resolve(false);
      });
    });
  })().catch(() => false);
  return Promise.race([probe, deadline]);
};

export type OnlineOutcome =
  | { status: "valid" }
  | { status: "invalid"; problems: ManifestProblem[] }
  | { status: "skipped"; reason: string };

interface OnlineIssue {
  title?: string;
  content?: string;
  line?: number;
  column?: number;
}

/** Asks the service about one XML manifest; a service that cannot answer is a skip, not a failure. */
const validateOnline = async (file: string): Promise<OnlineOutcome> => {
  const { validateManifest: serviceValidate } = await import("office-addin-manifest");
  const timeout = new Promise<"timeout">((resolve) =>
    setTimeout(() => resolve("timeout"), SERVICE_TIMEOUT_MS).unref(),
  );
  let result;
  try {
    result = await Promise.race([serviceValidate(file), timeout]);
  } catch (error) {
    return {
      status: "skipped",
      reason: `service unreachable (${(error as Error).message.split("\n")[0]})`,
    };
  }
  if (result === "timeout") return { status: "skipped", reason: "service did not answer in time" };
  if (result.status && result.status !== 200) {
    return {
      status: "skipped",
      reason: `service answered ${result.status} ${result.statusText ?? ""}`.trim(),
    };
  }
  if (result.isValid) return { status: "valid" };
  const errors = ((result.report as { errors?: OnlineIssue[] } | undefined)?.errors ?? []).map(
    (issue): ManifestProblem => ({
      message: `${issue.title ?? "Error"}: ${issue.content ?? ""}`.trim(),
      ...(issue.line ? { line: issue.line } : {}),
      ...(issue.column ? { column: issue.column } : {}),
    }),
  );
  return {
    status: "invalid",
    problems:
      errors.length > 0 ? errors : [{ message: "the service reports the manifest invalid" }],
  };
};

// ---------------------------------------------------------------------------------------------

const shown = (file: string): string => path.relative(process.cwd(), file) || file;

const report = (file: string, problems: ManifestProblem[]): void => {
  for (const p of problems) {
    const where = p.line
      ? `${shown(file)}:${p.line}${p.column ? `:${p.column}` : ""}`
      : shown(file);
    console.error(`${where}: ${p.message}`);
  }
  console.error(`${shown(file)}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const offline = args.includes("--offline") || process.env["MERGELINE_VALIDATE_OFFLINE"] === "1";
  const named = args.filter((a) => !a.startsWith("--")).map((a) => path.resolve(a));
  const files = named.length > 0 ? named : defaultManifests();

  let failed = false;
  for (const file of files) {
    const problems = await validateManifest(file);
    if (problems.length === 0) {
      console.log(`${shown(file)}: valid (${manifestKindOf(file)})`);
    } else {
      report(file, problems);
      failed = true;
    }
  }
  const online = files.filter((f) => manifestKindOf(f) === "office-xml" && fs.existsSync(f));
  // A manifest that fails offline would only fail again online; the service adds nothing then.
  if (failed || online.length === 0) {
    process.exitCode = failed ? 1 : 0;
    return;
  }
  // Tests point the probe at a name that never resolves (.invalid) to exercise the skip.
  const host = process.env["MERGELINE_VALIDATION_HOST"] ?? VALIDATION_SERVICE_HOST;
  if (offline) {
    console.log("online validation: skipped: --offline");
  } else if (!(await isReachable(host))) {
    console.log(`online validation (${host}): skipped: no network`);
  } else {
    for (const file of online) {
      const outcome = await validateOnline(file);
      if (outcome.status === "valid") console.log(`${shown(file)}: valid (online)`);
      else if (outcome.status === "skipped") {
        console.log(`${shown(file)}: online validation skipped: ${outcome.reason}`);
      } else {
        report(file, outcome.problems);
        failed = true;
      }
    }
  }
  process.exitCode = failed ? 1 : 0;
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
