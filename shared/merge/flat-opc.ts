import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from "./package/package-limits";
import { writeFlatOpc } from "./package/flat-opc-writer";
import { isZip, readZip } from "./package/zip-reader";
import { isCompressible } from "./package/zip-writer";
import { TemplateError } from "./template-error";

/** A .docx (zip) as flat-OPC XML, e.g. a merged document for Word's insertOoxml. */
export const toFlatOpc = (docx: Uint8Array, limits: Partial<PackageLimits> = {}): string => {
  if (!isZip(docx)) throw new TemplateError("not_a_zip", "toFlatOpc needs a .docx (zip) package");
  const parts = readZip(docx, { ...DEFAULT_PACKAGE_LIMITS, ...limits });
  return writeFlatOpc(
    [...parts].map(([name, content]) => ({ name, content, compress: isCompressible(name) })),
  );
};
