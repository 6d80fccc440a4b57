import { compileTemplate, type CompiledTemplate } from "./compile/compile-template";
import { DEFAULT_CONTENT_LIMITS, type ContentLimits } from "./compile/content-limits";
import { normalizeFieldName } from "./fields/field-name";
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from "./package/package-limits";
import { readPackage, type PackageFormat } from "./package/read-package";
import type { FieldUse, TemplateWarning } from "./template-report";

/** A Word template read, checked and compiled once; merge it with as many records as needed. */
export interface Template {
  /** How it came: a .docx (zip) or flat-OPC XML (Word's body.getOoxml()). */
  readonly format: PackageFormat;
  /** Every merge field in the body, headers, footers, footnotes and endnotes, in document order per part. */
  readonly fields: readonly FieldUse[];
  /** Field names as written, each once (the first spelling of names that match, see field-name.ts). */
  readonly fieldNames: readonly string[];
  /** Fields left as they are, and why. */
  readonly warnings: readonly TemplateWarning[];
  /** The compiled form the merge functions use. */
  readonly compiled: CompiledTemplate;
}

export interface ReadTemplateOptions {
  /** Any of the package and content limits; the defaults (DEFAULT_*_LIMITS) for the rest. */
  readonly limits?: Partial<PackageLimits & ContentLimits>;
}

/**
 * Reads a .docx package (zip bytes) or the flat-OPC XML that Word's body.getOoxml() returns.
 * Throws TemplateError (with a stable `code`) for anything that is not a safe Word document.
 */
export const readTemplate = (
  input: Uint8Array | string,
  options: ReadTemplateOptions = {},
): Template => {
  const limits = { ...DEFAULT_PACKAGE_LIMITS, ...DEFAULT_CONTENT_LIMITS, ...options.limits };
  const raw = readPackage(input, limits);
  const { compiled, fields, warnings } = compileTemplate(raw, limits);
  const seen = new Set<string>();
  const fieldNames: string[] = [];
  for (const field of fields) {
    const key = normalizeFieldName(field.name);
    if (seen.has(key)) continue;
    seen.add(key);
    fieldNames.push(field.name);
  }
  return { format: raw.format, fields, fieldNames, warnings, compiled };
};
