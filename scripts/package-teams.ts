/**
 * `npm run package:teams`: builds dist/teams/mergeline-teams.zip, the Teams app package admins
 * upload in the Teams admin center: manifest.json at the root with the build's URLs and ids, and
 * exactly the files it names (icons, translations).
 *
 * With MERGELINE_PUBLIC_URL (or --public-url) set, the manifest is rendered afresh for that URL;
 * otherwise the one `npm run build` left in dist/teams/ is packaged, so the zip matches the
 * build, and without a build the development manifest is packaged.
 */
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import {
  buildWarnings,
  flag,
  resolveBuildSettings,
  teamsPackageFiles,
  writeManifests,
  type BuildInputs,
} from "./build-manifests";
import { validateTeamsManifestObject, type ManifestProblem } from "./validate-manifest";

export const TEAMS_PACKAGE_NAME = "mergeline-teams.zip";

/** Zip entries carry this time, so the same inputs give the same bytes (reproducible uploads). */
const FIXED_MTIME = new Date("2025-01-01T00:00:00Z");

export class TeamsPackageError extends Error {
  override readonly name = "TeamsPackageError";
  constructor(
    message: string,
    readonly problems: ManifestProblem[] = [],
  ) {
    super(message);
  }
}

export interface PackageOptions {
  readonly root?: string;
  readonly outDir?: string;
  /** Render the manifests for these settings first; without them, package what dist/teams holds. */
  readonly render?: BuildInputs;
  readonly env?: NodeJS.ProcessEnv;
}

const hasExplicitTarget = (inputs: BuildInputs | undefined, env: NodeJS.ProcessEnv): boolean =>
  Boolean(inputs?.publicUrl || inputs?.apiUrl || inputs?.clientId || env["MERGELINE_PUBLIC_URL"]);

/** Writes the package; answers its path and the names inside it. */
export const packageTeams = (options: PackageOptions = {}): { file: string; entries: string[] } => {
  const root = options.root ?? path.resolve(__dirname, "..");
  const outDir = options.outDir ?? path.join(root, "dist");
  const env = options.env ?? process.env;
  const teamsDir = path.join(outDir, "teams");

  if (
    hasExplicitTarget(options.render, env) ||
    !fs.existsSync(path.join(teamsDir, "manifest.json"))
  ) {
    const settings = resolveBuildSettings(options.render ?? {}, env);
    for (const warning of buildWarnings(settings)) console.warn(`warning: ${warning}`);
    writeManifests(settings, { root, outDir });
  }

  const manifestText = fs.readFileSync(path.join(teamsDir, "manifest.json"), "utf8");
  const manifest = JSON.parse(manifestText) as Parameters<typeof teamsPackageFiles>[0];
  const read = (name: string) => {
    const file = path.join(teamsDir, name);
    return path.dirname(file) === teamsDir && fs.existsSync(file)
      ? fs.readFileSync(file)
      : undefined;
  };
  const problems = validateTeamsManifestObject(manifest, read);
  if (problems.length > 0) {
    throw new TeamsPackageError(
      "dist/teams/manifest.json is not valid; no package written",
      problems,
    );
  }

  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {
    "manifest.json": [Buffer.from(manifestText), { mtime: FIXED_MTIME }],
  };
  for (const name of teamsPackageFiles(manifest)) {
    const data = read(name);
    if (!data) throw new TeamsPackageError(`${name} is missing from dist/teams`);
    entries[name] = [data, { mtime: FIXED_MTIME }];
  }
  const file = path.join(teamsDir, TEAMS_PACKAGE_NAME);
  fs.writeFileSync(file, zipSync(entries, { level: 9 }));
  return { file, entries: Object.keys(entries) };
};

if (require.main === module) {
  try {
    const args = process.argv.slice(2);
    const { file, entries } = packageTeams({
      render: {
        publicUrl: flag(args, "--public-url"),
        apiUrl: flag(args, "--api-url"),
        clientId: flag(args, "--client-id"),
      },
    });
    console.log(`${path.relative(process.cwd(), file)}: ${entries.join(", ")}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    for (const p of error instanceof TeamsPackageError ? error.problems : []) {
      console.error(`  ${p.message}`);
    }
    process.exitCode = 1;
  }
}
