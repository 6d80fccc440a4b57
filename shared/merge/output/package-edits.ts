import { CONTENT_TYPES_PART } from "../package/content-types";
import type { Relationship } from "../package/relationships";
import { escapeXmlAttribute, unescapeXml } from "../xml/xml-escape";
import { attributeOf, tokenizeXml } from "../xml/xml-tokenizer";

/**
 * Small edits to the package's bookkeeping parts, made in place so that everything else in
 * them stays byte for byte as the template had it.
 */

export interface NewRelationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  /** A hyperlink's (or linked picture's) target outside the package. */
  readonly targetMode?: "External";
}

const insertBeforeClose = (xml: string, closeTag: string, insert: string): string => {
  const at = xml.lastIndexOf(closeTag);
  if (at >= 0) return xml.slice(0, at) + insert + xml.slice(at);
  // A self-closed root (<Relationships .../>) opens up to take children.
  const root = xml.lastIndexOf("/>");
  const name = closeTag.slice(2, -1);
  return `${xml.slice(0, root)}>${insert}</${name}>${xml.slice(root + 2)}`;
};

/**
 * Replaces ranges of the original text in one pass: cutting and gluing the whole text once per
 * edit made dropping many relationships (comments) quadratic. Ranges that overlap one already
 * taken are skipped.
 */
const applyEdits = (xml: string, edits: readonly (readonly [number, number, string])[]): string => {
  if (edits.length === 0) return xml;
  const sorted = [...edits].sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let at = 0;
  for (const [start, end, text] of sorted) {
    if (start < at) continue;
    out.push(xml.slice(at, start), text);
    at = end;
  }
  out.push(xml.slice(at));
  return out.join("");
};

export const editRelationships = (
  xml: string,
  existing: readonly Relationship[],
  remove: ReadonlySet<string>,
  add: readonly NewRelationship[],
): string => {
  const out = applyEdits(
    xml,
    existing.filter((r) => remove.has(r.id)).map((r) => [r.start, r.end, ""] as const),
  );
  if (add.length === 0) return out;
  const added = add
    .map(
      (r) =>
        `<Relationship Id="${escapeXmlAttribute(r.id)}" Type="${escapeXmlAttribute(r.type)}" Target="${escapeXmlAttribute(r.target)}"${r.targetMode ? ` TargetMode="${r.targetMode}"` : ""}/>`,
    )
    .join("");
  return insertBeforeClose(out, "</Relationships>", added);
};

export const editContentTypes = (
  xml: string,
  remove: ReadonlySet<string>,
  retype: ReadonlyMap<string, string>,
  add: readonly (readonly [part: string, type: string])[],
): string => {
  const tokens = tokenizeXml(xml, CONTENT_TYPES_PART);
  const edits: [number, number, string][] = [];
  for (const token of tokens) {
    if (token.name !== "Override" || (token.kind !== "empty" && token.kind !== "open")) continue;
    const name = attributeOf(xml, token, "PartName");
    if (!name) continue;
    const part = unescapeXml(name.raw).replace(/^\//, "").toLowerCase();
    if (remove.has(part)) {
      const end =
        token.kind === "empty" ? token.end : xml.indexOf(">", xml.indexOf("</", token.end)) + 1;
      edits.push([token.start, end, ""]);
      continue;
    }
    const type = retype.get(part);
    const attribute = attributeOf(xml, token, "ContentType");
    if (type && attribute)
      edits.push([attribute.valueStart, attribute.valueEnd, escapeXmlAttribute(type)]);
  }
  const out = applyEdits(xml, edits);
  if (add.length === 0) return out;
  const added = add
    .map(
      ([part, type]) =>
        `<Override PartName="/${escapeXmlAttribute(part)}" ContentType="${escapeXmlAttribute(type)}"/>`,
    )
    .join("");
  return insertBeforeClose(out, "</Types>", added);
};
