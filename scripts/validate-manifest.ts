/**
 * `npm run validate [path]`: checks an add-in manifest offline (no machine here reaches
 * Microsoft's validation service) and exits non-zero with readable errors.
 *
 * Each manifest format has one validator in `validators`; the format is picked from the file
 * name. The Teams app manifest (teams/manifest.json against
 * schemas/teams/MicrosoftTeams.schema.json) plugs in there as "teams-json".
 */
import fs from "node:fs";
import path from "node:path";

export interface ManifestProblem {
  message: string;
  line?: number;
  column?: number;
}

export type ManifestKind = "office-xml" | "teams-json";

type Validator = (file: string) => Promise<ManifestProblem[]>;

/** Kept in the repository (schemas/README.md says where they come from). */
const OFFICE_XSD = path.resolve(
  __dirname,
  "../schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd",
);

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

const validators: Record<ManifestKind, Validator> = {
  "office-xml": validateOfficeXml,
  "teams-json": async () => [{ message: "Teams manifest validation is not implemented yet." }],
};

export const manifestKindOf = (file: string): ManifestKind =>
  file.toLowerCase().endsWith(".json") ? "teams-json" : "office-xml";

/** The manifest's problems; an empty list means it is valid. */
export const validateManifest = (file: string): Promise<ManifestProblem[]> => {
  if (!fs.existsSync(file)) return Promise.resolve([{ message: `no such file: ${file}` }]);
  return validators[manifestKindOf(file)](file);
};

const main = async (): Promise<void> => {
  const file = path.resolve(process.argv[2] ?? "manifest.xml");
  const shown = path.relative(process.cwd(), file) || file;
  const problems = await validateManifest(file);
  if (problems.length === 0) {
    console.log(`${shown}: valid (${manifestKindOf(file)})`);
    return;
  }
  for (const p of problems) {
    const where = p.line ? `${shown}:${p.line}${p.column ? `:${p.column}` : ""}` : shown;
    console.error(`${where}: ${p.message}`);
  }
  console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exitCode = 1;
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
