import { escapeXmlAttribute, unescapeXml } from "../xml/xml-escape";
import { attributesOf, tokenizeXml } from "../xml/xml-tokenizer";

/** [Content_Types].xml: content type by extension (Default) and by part (Override). */
export interface ContentTypes {
  readonly defaults: ReadonlyMap<string, string>;
  /** Keyed by part name as written, without the leading slash. */
  readonly overrides: ReadonlyMap<string, string>;
}

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export const WORD_MAIN_CONTENT_TYPES: readonly string[] = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
  "application/vnd.ms-word.document.macroEnabled.main+xml",
  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];
export const DOCUMENT_MAIN_CONTENT_TYPE = WORD_MAIN_CONTENT_TYPES[0] as string;
export const RELATIONSHIPS_CONTENT_TYPE =
  "application/vnd.openxmlformats-package.relationships+xml";

export const parseContentTypes = (xml: string): ContentTypes => {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const token of tokenizeXml(xml, CONTENT_TYPES_PART)) {
    if (token.kind !== "empty" && token.kind !== "open") continue;
    const attributes = new Map(attributesOf(xml, token).map((a) => [a.name, unescapeXml(a.raw)]));
    const type = attributes.get("ContentType");
    if (!type) continue;
    if (token.name === "Default") {
      defaults.set((attributes.get("Extension") ?? "").toLowerCase(), type);
    } else if (token.name === "Override") {
      overrides.set((attributes.get("PartName") ?? "").replace(/^\//, ""), type);
    }
  }
  return { defaults, overrides };
};

/** Overrides by lower-cased part name, the first spelling winning; built once per ContentTypes. */
const lowerCased = new WeakMap<ContentTypes, ReadonlyMap<string, string>>();

const overridesIgnoringCase = (types: ContentTypes): ReadonlyMap<string, string> => {
  let map = lowerCased.get(types);
  if (!map) {
    const built = new Map<string, string>();
    for (const [name, type] of types.overrides) {
      const lower = name.toLowerCase();
      if (!built.has(lower)) built.set(lower, type);
    }
    lowerCased.set(types, built);
    map = built;
  }
  return map;
};

/** Part names are case-insensitive in OPC; the exact spelling is tried first. */
export const contentTypeOf = (types: ContentTypes, part: string): string | undefined => {
  const override = types.overrides.get(part);
  if (override) return override;
  const ignoringCase = overridesIgnoringCase(types).get(part.toLowerCase());
  if (ignoringCase !== undefined) return ignoringCase;
  const dot = part.lastIndexOf(".");
  return dot < 0 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
};

/** Builds a [Content_Types].xml (for a package read from flat OPC, which carries types per part). */
export const serializeContentTypes = (types: ContentTypes): string => {
  const defaults = [...types.defaults].map(
    ([extension, type]) =>
      `<Default Extension="${escapeXmlAttribute(extension)}" ContentType="${escapeXmlAttribute(type)}"/>`,
  );
  const overrides = [...types.overrides].map(
    ([part, type]) =>
      `<Override PartName="/${escapeXmlAttribute(part)}" ContentType="${escapeXmlAttribute(type)}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join("")}${overrides.join("")}</Types>`;
};
