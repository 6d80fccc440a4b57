import { TemplateError } from "../template-error";
import { decodeXmlPart } from "../xml/xml-text-codec";
import { refuseDtd } from "../xml/xml-tokenizer";
import { isFlatOpc, readFlatOpc } from "./flat-opc-reader";
import type { PackageLimits } from "./package-limits";
import { isZip, readZip } from "./zip-reader";

export type PackageFormat = "docx" | "flatOpc";

export interface RawPackage {
  readonly format: PackageFormat;
  /** Every part by name (no leading slash), in package order. */
  readonly parts: ReadonlyMap<string, Uint8Array>;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const looksLikeXml = (bytes: Uint8Array): boolean => {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    at < bytes.length &&
    (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)
  )
    at++;
  return bytes[at] === 0x3c;
};

/** A .docx (zip) or flat-OPC XML, as bytes or text, to its parts; refuses everything else. */
export const readPackage = (input: Uint8Array | string, limits: PackageLimits): RawPackage => {
  if (typeof input === "string") {
    refuseDtd(input, "flat OPC package");
    if (!isFlatOpc(input))
      throw new TemplateError("not_a_zip", "the text is not a flat-OPC Word package");
    return { format: "flatOpc", parts: readFlatOpc(input, limits) };
  }
  if (input.length > limits.maxInputBytes) {
    throw new TemplateError(
      "too_large",
      `the file has ${input.length} bytes; at most ${limits.maxInputBytes} are accepted`,
      undefined,
      { limit: limits.maxInputBytes, actual: input.length },
    );
  }
  if (isZip(input)) return { format: "docx", parts: readZip(input, limits) };
  if (OLE_SIGNATURE.every((b, i) => input[i] === b)) {
    throw new TemplateError(
      "legacy_or_encrypted",
      "this is a Word 97-2003 .doc or a password-protected document; save it as an unprotected .docx",
    );
  }
  if (looksLikeXml(input)) {
    const text = decodeXmlPart(input, "flat OPC package");
    refuseDtd(text, "flat OPC package");
    if (isFlatOpc(text)) return { format: "flatOpc", parts: readFlatOpc(text, limits) };
  }
  throw new TemplateError("not_a_zip", "the file is neither a .docx (zip) nor flat-OPC XML");
};
