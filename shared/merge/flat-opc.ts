import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from "./package/package-limits";
import { writeFlatOpc } from "./package/flat-opc-writer";
import { isZip, readZip } from "./package/zip-reader";
import { readPackage } from "./package/read-package";
import { isCompressible, writeZip } from "./package/zip-writer";
import { TemplateError } from "./template-error";

/** A .docx (zip) as flat-OPC XML, e.g. a merged document for Word's insertOoxml. */
export const toFlatOpc = (docx: Uint8Array, limits: Partial<PackageLimits> = {}): string => {
  if (!isZip(docx)) throw new TemplateError("not_a_zip", "toFlatOpc needs a .docx (zip) package");
  const parts = readZip(docx, { ...DEFAULT_PACKAGE_LIMITS, ...limits });
  return writeFlatOpc(
    [...parts].map(([name, content]) => ({ name, content, compress: isCompressible(name) })),
  );
};

/**
 * Flat-OPC XML (what Word's body.getOoxml() returns) as a .docx: what the server's merge takes
 * from Word on the web, where getFileAsync is not available.
 */
export const fromFlatOpc = (flatOpc: string, limits: Partial<PackageLimits> = {}): Uint8Array => {
  const { parts } = readPackage(flatOpc, { ...DEFAULT_PACKAGE_LIMITS, ...limits });
  return writeZip(
    [...parts].map(([name, content]) => ({ name, content, compress: isCompressible(name) })),
    6,
  );
};
