/**
 * The production build's manifests: dist/manifest.xml (Word), dist/teams/ (the Teams app's
 * manifest, icons and translations) and dist/addin/staticwebapp.config.json (the pane's hosting
 * headers), all pointing at the pane's public URL. The sources (manifest.xml, teams/,
 * infra/staticwebapp.config.json) keep the development values (https://localhost:3000, a
 * placeholder client id) so that `npm start` and sideloading work without a build.
 *
 * webpack.config.js calls writeManifests after a production build, so `npm run build` and
 * `webpack --mode production --env publicUrl=...` both write them; `npm run build:manifests`
 * rewrites them alone.
 */
import fs from "node:fs";
import path from "node:path";

export const DEV_PUBLIC_URL = "https://localhost:3000";
export const DEV_API_URL = "http://localhost:7071/api";
/** Stands in for the Entra app's client id until an admin registers the app (docs/deploy.md). */
export const PLACEHOLDER_CLIENT_ID = "00000000-0000-0000-0000-000000000000";
/** Where Entra ID signs users in; the Office dialog fallback navigates there. */
export const SIGN_IN_ORIGIN = "https://login.microsoftonline.com";

const REPO_ROOT = path.resolve(__dirname, "..");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BuildSettings {
  /** The pane's base URL without a trailing slash: taskpane.html lives right under it. */
  readonly publicUrl: string;
  readonly apiUrl: string;
  /** The Entra app registration's client id (one app for the API and the pane). */
  readonly clientId: string;
  /** package.json's version: Teams and Office refuse an updated app with the same version. */
  readonly version: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsOfUseUrl: string;
}

/** What a caller may set explicitly (webpack --env, command-line flags); the rest comes from env. */
export interface BuildInputs {
  readonly publicUrl?: string | undefined;
  readonly apiUrl?: string | undefined;
  readonly clientId?: string | undefined;
}

export class BuildSettingsError extends Error {
  override readonly name = "BuildSettingsError";
}

const parseUrl = (name: string, value: string): URL => {
  try {
    return new URL(value);
  } catch {
    throw new BuildSettingsError(`${name} is not a URL: ${value}`);
  }
};

const trimSlash = (url: string): string => url.replace(/\/+$/, "");

/**
 * Explicit inputs win over MERGELINE_* variables, which win over the development defaults.
 * Refuses what Office or Teams would refuse later, at upload time, with a vaguer message.
 */
export const resolveBuildSettings = (
  inputs: BuildInputs = {},
  env: NodeJS.ProcessEnv = process.env,
): BuildSettings => {
  const publicUrl = trimSlash(inputs.publicUrl || env["MERGELINE_PUBLIC_URL"] || DEV_PUBLIC_URL);
  const pane = parseUrl("MERGELINE_PUBLIC_URL", publicUrl);
  // Office loads add-in pages only over HTTPS, and Teams tabs likewise.
  if (pane.protocol !== "https:") {
    throw new BuildSettingsError(`MERGELINE_PUBLIC_URL must be https: ${publicUrl}`);
  }
  if (pane.search || pane.hash || pane.username || pane.password) {
    throw new BuildSettingsError(
      `MERGELINE_PUBLIC_URL must be a plain base URL (no query, fragment or credentials): ${publicUrl}`,
    );
  }
  const apiUrl = trimSlash(inputs.apiUrl || env["MERGELINE_API_URL"] || DEV_API_URL);
  const api = parseUrl("MERGELINE_API_URL", apiUrl);
  if (api.protocol !== "https:" && api.protocol !== "http:") {
    throw new BuildSettingsError(`MERGELINE_API_URL must be http(s): ${apiUrl}`);
  }
  const clientId = (inputs.clientId || env["MERGELINE_CLIENT_ID"] || PLACEHOLDER_CLIENT_ID).trim();
  if (!GUID.test(clientId)) {
    throw new BuildSettingsError(
      `MERGELINE_CLIENT_ID must be the Entra app's client id (a GUID): ${clientId}`,
    );
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  // Teams requires these three links; an organization without its own pages links the pane.
  const websiteUrl = env["MERGELINE_WEBSITE_URL"] || `${publicUrl}/taskpane.html`;
  return {
    publicUrl,
    apiUrl,
    clientId,
    version: pkg.version,
    websiteUrl,
    privacyUrl: env["MERGELINE_PRIVACY_URL"] || websiteUrl,
    termsOfUseUrl: env["MERGELINE_TERMS_URL"] || websiteUrl,
  };
};

/** The pane's host with its port, as Teams' validDomains and the Application ID URI name it. */
export const paneHost = (settings: BuildSettings): string => new URL(settings.publicUrl).host;

/** The Application ID URI of the Entra app: Teams SSO and NAA require this exact form. */
export const applicationIdUri = (settings: BuildSettings): string =>
  `api://${paneHost(settings)}/${settings.clientId}`;

/** True when the build still points at the developer's machine (fine for a local test build). */
export const isDevelopmentTarget = (settings: BuildSettings): boolean =>
  ["localhost", "127.0.0.1", "[::1]"].includes(new URL(settings.publicUrl).hostname);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Origins the pane may navigate to inside Office: the API (when served over HTTPS) and sign-in. */
export const appDomainsFor = (settings: BuildSettings): string[] => {
  const domains = [SIGN_IN_ORIGIN];
  const api = new URL(settings.apiUrl);
  const paneOrigin = new URL(settings.publicUrl).origin;
  // The pane's own origin is implicit; AppDomains accepts only HTTPS origins.
  if (api.protocol === "https:" && api.origin !== paneOrigin) domains.unshift(api.origin);
  return domains;
};

/**
 * manifest.xml for this deployment: every development URL rewritten to the public URL, the
 * AppDomains set, the version from package.json. Comments go: they describe the source file.
 */
export const renderOfficeManifest = (xml: string, settings: BuildSettings): string => {
  let out = xml.replace(/<!--[\s\S]*?-->\s*/g, "");
  // Not followed by a digit: https://localhost:30001 is someone else's URL.
  out = out.replace(
    new RegExp(`${escapeRegExp(DEV_PUBLIC_URL)}(?![0-9])`, "g"),
    settings.publicUrl,
  );
  out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${settings.version}.0</Version>`);
  // Office's single sign-on asks Entra ID for a token for this app and resource.
  const ssoApp = /(<WebApplicationInfo>\s*<Id>)[^<]*(<\/Id>\s*<Resource>)[^<]*(<\/Resource>)/;
  if (!ssoApp.test(out))
    throw new BuildSettingsError("manifest.xml has no <WebApplicationInfo> with Id and Resource.");
  out = out.replace(
    ssoApp,
    (_all, open: string, middle: string, close: string) =>
      `${open}${settings.clientId}${middle}${escapeXml(applicationIdUri(settings))}${close}`,
  );

  const existing = [...out.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1] ?? "");
  const domains = [...new Set([...existing, ...appDomainsFor(settings)])];
  const block = [
    "<AppDomains>",
    ...domains.map((d) => `    <AppDomain>${escapeXml(d)}</AppDomain>`),
    "  </AppDomains>",
  ].join("\n");
  if (/<AppDomains>[\s\S]*?<\/AppDomains>/.test(out)) {
    out = out.replace(/<AppDomains>[\s\S]*?<\/AppDomains>/, block);
  } else {
    // The schema's order puts AppDomains right before the top-level <Hosts>, which is the first.
    const at = out.indexOf("<Hosts>");
    if (at < 0) throw new BuildSettingsError("manifest.xml has no <Hosts> element.");
    out = `${out.slice(0, at)}${block}\n  ${out.slice(at)}`;
  }
  return out;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const mapStrings = (value: Json, map: (s: string) => string): Json => {
  if (typeof value === "string") return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  }
  return value;
};

/** teams/manifest.json for this deployment: URLs, domains, the Entra app, the version. */
export const renderTeamsManifest = (
  manifest: Record<string, Json>,
  settings: BuildSettings,
): Record<string, Json> => {
  const out = mapStrings(manifest, (s) =>
    s.startsWith(DEV_PUBLIC_URL) ? settings.publicUrl + s.slice(DEV_PUBLIC_URL.length) : s,
  ) as Record<string, Json>;
  out["version"] = settings.version;
  out["developer"] = {
    ...(out["developer"] as Record<string, Json>),
    websiteUrl: settings.websiteUrl,
    privacyUrl: settings.privacyUrl,
    termsOfUseUrl: settings.termsOfUseUrl,
  };
  // Tabs load only from validDomains; the API is called with fetch and needs no entry.
  out["validDomains"] = [paneHost(settings)];
  out["webApplicationInfo"] = {
    ...(out["webApplicationInfo"] as Record<string, Json>),
    id: settings.clientId,
    resource: applicationIdUri(settings),
  };
  return out;
};

/** The files of the Teams app package besides manifest.json, as teams/manifest.json names them. */
export const teamsPackageFiles = (manifest: Record<string, Json>): string[] => {
  const icons = manifest["icons"] as Record<string, string>;
  const localization = manifest["localizationInfo"] as
    { additionalLanguages?: { file: string }[]; defaultLanguageFile?: string } | undefined;
  return [
    ...Object.values(icons),
    ...(localization?.defaultLanguageFile ? [localization.defaultLanguageFile] : []),
    ...(localization?.additionalLanguages ?? []).map((l) => l.file),
  ];
};

/**
 * The pane's hosting configuration (Azure Static Web Apps reads staticwebapp.config.json from
 * the uploaded folder): the CSP needs the API's origin, which only the build knows.
 */
export const renderHostingConfig = (
  template: string,
  settings: Pick<BuildSettings, "apiUrl">,
): string => template.replace(/\{\{API_ORIGIN\}\}/g, new URL(settings.apiUrl).origin);

export interface WriteOptions {
  /** Where manifest.xml, teams/ and infra/ are read from. */
  readonly root?: string;
  /** Where dist/manifest.xml and dist/teams/ go. */
  readonly outDir?: string;
}

/** Writes the deployment's manifests; answers the files written, relative to outDir. */
export const writeManifests = (settings: BuildSettings, options: WriteOptions = {}): string[] => {
  const root = options.root ?? REPO_ROOT;
  const outDir = options.outDir ?? path.join(root, "dist");
  const written: string[] = [];
  const write = (name: string, data: string | Buffer) => {
    const file = path.join(outDir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    written.push(name);
  };

  write(
    "manifest.xml",
    renderOfficeManifest(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"), settings),
  );

  const teamsSource = JSON.parse(
    fs.readFileSync(path.join(root, "teams", "manifest.json"), "utf8"),
  ) as Record<string, Json>;
  const teams = renderTeamsManifest(teamsSource, settings);
  write("teams/manifest.json", `${JSON.stringify(teams, null, 2)}\n`);
  for (const file of teamsPackageFiles(teams)) {
    write(`teams/${file}`, fs.readFileSync(path.join(root, "teams", file)));
  }

  const hostingTemplate = path.join(root, "infra", "staticwebapp.config.json");
  if (fs.existsSync(path.join(outDir, "addin")) && fs.existsSync(hostingTemplate)) {
    write(
      "addin/staticwebapp.config.json",
      renderHostingConfig(fs.readFileSync(hostingTemplate, "utf8"), settings),
    );
  }
  return written;
};

/** Warnings for a build meant for a real host that still carries development values. */
export const buildWarnings = (settings: BuildSettings): string[] => {
  if (isDevelopmentTarget(settings)) return [];
  const warnings: string[] = [];
  if (["localhost", "127.0.0.1"].includes(new URL(settings.apiUrl).hostname)) {
    warnings.push(`MERGELINE_API_URL is not set: the pane will call ${settings.apiUrl}.`);
  }
  if (settings.clientId === PLACEHOLDER_CLIENT_ID) {
    warnings.push("MERGELINE_CLIENT_ID is not set: the Teams manifest carries a placeholder id.");
  }
  return warnings;
};

/** The value after `--name` on a script's command line. */
export const flag = (args: string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

if (require.main === module) {
  try {
    const args = process.argv.slice(2);
    const settings = resolveBuildSettings({
      publicUrl: flag(args, "--public-url"),
      apiUrl: flag(args, "--api-url"),
      clientId: flag(args, "--client-id"),
    });
    for (const warning of buildWarnings(settings)) console.warn(`warning: ${warning}`);
    const files = writeManifests(settings);
    console.log(`manifests for ${settings.publicUrl}: ${files.map((f) => `dist/${f}`).join(", ")}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
