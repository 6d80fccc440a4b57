import { TemplateError } from "../template-error";
import { unescapeXml } from "../xml/xml-escape";
import { encodeUtf8 } from "../xml/xml-text-codec";
import { attributesOf, tokenizeXml, type XmlToken } from "../xml/xml-tokenizer";
import { base64ToBytes } from "./base64";
import {
  CONTENT_TYPES_PART,
  RELATIONSHIPS_CONTENT_TYPE,
  serializeContentTypes,
} from "./content-types";
import type { PackageLimits } from "./package-limits";
import { refuseUnsafePartName } from "./part-names";

/**
 * Flat OPC (what Word's body.getOoxml() returns and Word saves as "Word XML Document"): one XML
 * document whose pkg:part elements each carry a part, XML inline in pkg:xmlData or base64 in
 * pkg:binaryData, and its content type as an attribute. Read into the same part map as a zip,
 * with a [Content_Types].xml built from those attributes.
 */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

export const isFlatOpc = (text: string): boolean =>
  /^\s*(<\?[^>]*\?>\s*)*<([\w.-]+:)?package\b/.test(text);

export const readFlatOpc = (text: string, limits: PackageLimits): Map<string, Uint8Array> => {
  if (text.length > limits.maxInputBytes) {
    throw new TemplateError(
      "too_large",
      `the package has ${text.length} characters; at most ${limits.maxInputBytes} are accepted`,
      undefined,
      { limit: limits.maxInputBytes, actual: text.length },
    );
  }
  const tokens = tokenizeXml(text, "flat OPC package");
  const parts = new Map<string, Uint8Array>();
  const overrides = new Map<string, string>();
  let total = 0;
  const closeOf = (openIndex: number): number => {
    let depth = 0;
    for (let i = openIndex; i < tokens.length; i++) {
      const token = tokens[i] as XmlToken;
      if (token.kind === "open") depth++;
      else if (token.kind === "close" && --depth === 0) return i;
    }
    return tokens.length - 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as XmlToken;
    if (token.kind !== "open" || localName(token.name) !== "part") continue;
    const attributes = new Map(
      attributesOf(text, token).map((a) => [localName(a.name), unescapeXml(a.raw)]),
    );
    // Flat-OPC part names are absolute ("/word/document.xml"): one leading slash is the rule.
    const name = (attributes.get("name") ?? "").replace(/^\//, "");
    const contentType = attributes.get("contentType") ?? "application/xml";
    const close = closeOf(i);
    if (!name) throw new TemplateError("corrupt_xml", "a flat-OPC part without a name");
    refuseUnsafePartName(name);
    if (parts.size >= limits.maxParts) {
      throw new TemplateError(
        "too_many_parts",
        `the package has more than ${limits.maxParts} parts`,
        undefined,
        { limit: limits.maxParts, actual: parts.size + 1 },
      );
    }
    let bytes: Uint8Array | undefined;
    for (let j = i + 1; j < close; j++) {
      const child = tokens[j] as XmlToken;
      if (child.kind !== "open") continue;
      const childClose = tokens[closeOf(j)] as XmlToken;
      const inner = text.slice(child.end, childClose.start);
      if (localName(child.name) === "xmlData") {
        bytes = encodeUtf8(XML_DECLARATION + inner.trim());
      } else if (localName(child.name) === "binaryData") {
        try {
          bytes = base64ToBytes(inner);
        } catch {
          throw new TemplateError("corrupt_xml", `${name} holds invalid base64`, name);
        }
      }
      break;
    }
    if (!bytes)
      throw new TemplateError("corrupt_xml", `${name} has neither xmlData nor binaryData`, name);
    total += bytes.length;
    if (total > limits.maxUnzippedBytes) {
      throw new TemplateError(
        "too_large",
        `the package's parts exceed ${limits.maxUnzippedBytes} bytes`,
        undefined,
        { limit: limits.maxUnzippedBytes, actual: total },
      );
    }
    parts.set(name, bytes);
    if (contentType !== RELATIONSHIPS_CONTENT_TYPE || !name.endsWith(".rels")) {
      overrides.set(name, contentType);
    }
    i = close;
  }
  const defaults = new Map([
    ["rels", RELATIONSHIPS_CONTENT_TYPE],
    ["xml", "application/xml"],
  ]);
  parts.set(CONTENT_TYPES_PART, encodeUtf8(serializeContentTypes({ defaults, overrides })));
  return parts;
};
