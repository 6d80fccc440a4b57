import { unescapeXml } from "../xml/xml-escape";
import { attributeOf, tokenizeXml, type XmlToken } from "../xml/xml-tokenizer";

/**
 * The parts every letter of a mixed document shares, made to hold what the other templates'
 * letters bring: their namespace declarations on the root (a body copied from a template that
 * declares w14 or wps needs them where it lands), their styles missing here, their lists.
 */

const rootTagOf = (xml: string): { start: number; end: number } | undefined => {
  const at = xml.search(/<[A-Za-z_][^?!]/);
  if (at < 0) return undefined;
  const end = xml.indexOf(">", at);
  return { start: at, end: xml[end - 1] === "/" ? end - 1 : end };
};

interface RootNamespaces {
  readonly declared: Map<string, string>;
  readonly ignorable: string[];
}

const namespacesOf = (xml: string): RootNamespaces => {
  const declared = new Map<string, string>();
  const ignorable: string[] = [];
  const root = rootTagOf(xml);
  if (!root) return { declared, ignorable };
  const tag = xml.slice(root.start, root.end) + ">";
  for (const m of tag.matchAll(/\sxmlns:([A-Za-z0-9_.-]+)="([^"]*)"/g))
    declared.set(m[1] as string, m[2] as string);
  const ignorableValue = /\smc:Ignorable="([^"]*)"/.exec(tag)?.[1];
  if (ignorableValue) ignorable.push(...ignorableValue.split(/\s+/).filter(Boolean));
  return { declared, ignorable };
};

/**
 * `xml`'s root start tag, with the declarations of `others`' roots it lacks and their ignorable
 * prefixes added to mc:Ignorable. A prefix bound here to another namespace is left as it is.
 */
export const withNamespacesOf = (xml: string, others: readonly string[]): string => {
  const root = rootTagOf(xml);
  if (!root || others.length === 0) return xml;
  const own = namespacesOf(xml);
  const added: string[] = [];
  const ignorable = [...own.ignorable];
  for (const other of others) {
    const theirs = namespacesOf(other);
    for (const [prefix, uri] of theirs.declared) {
      if (own.declared.has(prefix)) continue;
      own.declared.set(prefix, uri);
      added.push(` xmlns:${prefix}="${uri}"`);
    }
    for (const prefix of theirs.ignorable)
      if (!ignorable.includes(prefix) && own.declared.get(prefix) === theirs.declared.get(prefix))
        ignorable.push(prefix);
  }
  if (added.length === 0 && ignorable.length === own.ignorable.length) return xml;
  let tag = xml.slice(root.start, root.end) + added.join("");
  if (ignorable.length > 0) {
    const value = ignorable.join(" ");
    tag = /\smc:Ignorable="[^"]*"/.test(tag)
      ? tag.replace(/(\smc:Ignorable=")[^"]*(")/, `$1${value}$2`)
      : `${tag} mc:Ignorable="${value}"`;
  }
  return xml.slice(0, root.start) + tag + xml.slice(root.end);
};

/** Each top-level w:style of styles.xml by its w:styleId, as written. */
const stylesOf = (xml: string, part: string): Map<string, string> => {
  const styles = new Map<string, string>();
  let depth = 0;
  let open: { token: XmlToken; id: string } | undefined;
  for (const token of tokenizeXml(xml, part)) {
    if (token.kind === "open") depth++;
    if (depth === 2 && token.name === "w:style" && token.kind !== "close") {
      const id = unescapeXml(attributeOf(xml, token, "w:styleId")?.raw ?? "");
      if (token.kind === "empty") styles.set(id, xml.slice(token.start, token.end));
      else open = { token, id };
    }
    if (token.kind === "close") {
      if (depth === 2 && open && token.name === "w:style") {
        if (!styles.has(open.id)) styles.set(open.id, xml.slice(open.token.start, token.end));
        open = undefined;
      }
      depth--;
    }
  }
  return styles;
};

/**
 * Word's Insert > Text from File: the destination's styles win by style id; a style only the
 * inserted letter has is added. `others` are the other templates' styles.xml, lists renumbered.
 */
export const mergedStyles = (
  xml: string,
  part: string,
  others: readonly { readonly xml: string; readonly part: string }[],
): string => {
  const own = stylesOf(xml, part);
  const added: string[] = [];
  for (const other of others) {
    for (const [id, style] of stylesOf(other.xml, other.part)) {
      if (own.has(id)) continue;
      own.set(id, style);
      // A document has one default style per type: the destination's.
      const tagEnd = style.indexOf(">");
      added.push(
        style.slice(0, tagEnd).replace(/\sw:default="(?:1|true|on)"/, "") + style.slice(tagEnd),
      );
    }
  }
  const close = xml.lastIndexOf("</w:styles>");
  if (added.length === 0 || close < 0)
    return withNamespacesOf(
      xml,
      others.map((o) => o.xml),
    );
  return withNamespacesOf(
    xml.slice(0, close) + added.join("") + xml.slice(close),
    others.map((o) => o.xml),
  );
};

/** The w:abstractNum elements and the w:num elements of numbering.xml, each run as written. */
export const listsOf = (xml: string, part: string): { abstracts: string; nums: string } => {
  const abstracts: string[] = [];
  const nums: string[] = [];
  let depth = 0;
  let start = -1;
  for (const token of tokenizeXml(xml, part)) {
    if (token.kind === "open") depth++;
    if ((token.kind === "open" || token.kind === "empty") && depth <= 2) {
      if (token.name === "w:abstractNum" || token.name === "w:num") {
        if (token.kind === "empty")
          (token.name === "w:num" ? nums : abstracts).push(xml.slice(token.start, token.end));
        else start = token.start;
      }
    }
    if (token.kind === "close") {
      if (depth === 2 && start >= 0 && (token.name === "w:abstractNum" || token.name === "w:num")) {
        (token.name === "w:num" ? nums : abstracts).push(xml.slice(start, token.end));
        start = -1;
      }
      depth--;
    }
  }
  return { abstracts: abstracts.join(""), nums: nums.join("") };
};

/** Where new w:abstractNum elements go in numbering.xml: before the first w:num (the schema's order). */
export const abstractInsertAt = (xml: string, part: string, numsAt: number): number => {
  let depth = 0;
  for (const token of tokenizeXml(xml, part)) {
    if (token.kind === "open") depth++;
    if (
      depth <= 2 &&
      (token.kind === "open" || token.kind === "empty") &&
      (token.name === "w:num" || token.name === "w:numIdMacAtCleanup")
    )
      return token.start;
    if (token.kind === "close") depth--;
  }
  return numsAt;
};
