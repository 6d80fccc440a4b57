import { CONTENT_TYPES_PART } from "../package/content-types";
import { relationshipsPartOf } from "../package/part-names";
import { parseRelationships } from "../package/relationships";
import { escapeXmlAttribute, unescapeXml } from "../xml/xml-escape";
import { decodeXmlPart, encodeUtf8 } from "../xml/xml-text-codec";

/**
 * A second (third...) template made ready to share one package with the first: every part
 * renamed beside the names already taken (`header1.xml` -> `header1-t2.xml`, media too, so a
 * picture is copied once per template, never per letter), the main part's relationship ids
 * renamed (`rId7` -> `rId7t2`) with every r:/o: reference to them in the body, and its lists
 * renumbered above the ids taken (w:abstractNum and w:num ids, each list's w:nsid changed too,
 * because Word joins lists that share an nsid). The result is compiled as any template is;
 * only text is rewritten, the package's bytes are otherwise kept.
 */
export interface TakenNames {
  /** Lower-cased part names. */
  readonly parts: Set<string>;
  /** Relationship ids of the output's main part. */
  readonly relationshipIds: Set<string>;
  maxNumId: number;
  maxAbstractNumId: number;
}

const XML_PART = /\.(xml|rels|vml)$/i;
const KEPT = new Set([CONTENT_TYPES_PART, "_rels/.rels"]);

const renameFile = (part: string, tag: string, taken: Set<string>): string => {
  const slash = part.lastIndexOf("/");
  const folder = part.slice(0, slash + 1);
  const file = part.slice(slash + 1);
  const dot = file.lastIndexOf(".");
  const stem = dot > 0 ? file.slice(0, dot) : file;
  const extension = dot > 0 ? file.slice(dot) : "";
  let candidate = `${folder}${stem}-${tag}${extension}`;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++)
    candidate = `${folder}${stem}-${tag}_${n}${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
};

const fileOf = (part: string): string => part.slice(part.lastIndexOf("/") + 1);

/** A number attribute in one element, every occurrence. */
const renumber = (xml: string, element: string, attribute: string, map: (n: number) => number) =>
  xml.replace(
    new RegExp(`(<${element}\\b[^>]*?\\s${attribute}=")(\\d+)(")`, "g"),
    (_m, before: string, n: string, after: string) => `${before}${map(Number(n))}${after}`,
  );

/** The largest value of one number attribute. */
const largest = (xml: string, element: string, attribute: string): number => {
  let max = 0;
  for (const m of xml.matchAll(new RegExp(`<${element}\\b[^>]*?\\s${attribute}="(\\d+)"`, "g")))
    max = Math.max(max, Number(m[1]));
  return max;
};

export const maxAbstractNumIdOf = (numberingXml: string): number =>
  largest(numberingXml, "w:abstractNum", "w:abstractNumId");

export const rebasePackage = (
  parts: ReadonlyMap<string, Uint8Array>,
  mainPart: string,
  tag: string,
  taken: TakenNames,
): Map<string, Uint8Array> => {
  const names = new Map<string, string>();
  for (const part of parts.keys()) {
    if (KEPT.has(part) || part.includes("_rels/")) continue;
    names.set(part, renameFile(part, tag, taken.parts));
  }
  const sources = new Map<string, string>();
  for (const part of names.keys()) sources.set(relationshipsPartOf(part), part);
  for (const part of parts.keys()) {
    if (!part.includes("_rels/") || KEPT.has(part)) continue;
    const source = sources.get(part);
    names.set(part, source ? relationshipsPartOf(names.get(source) as string) : part);
  }

  const mainRels = relationshipsPartOf(mainPart);
  const ids = new Map<string, string>();
  const numOffset = taken.maxNumId;
  const abstractOffset = taken.maxAbstractNumId + 1;
  const nsidSalt = (Number.parseInt(tag.replace(/\D/g, ""), 10) || 1) * 0x01010101;
  let maxNumId = 0;
  let maxAbstract = 0;

  const rewrite = (part: string, xml: string): string => {
    let out = xml;
    if (part.includes("_rels/")) {
      const rels = parseRelationships(xml, part);
      const edits: [number, number, string][] = [];
      for (const r of rels) {
        const element = xml.slice(r.start, r.end);
        let edited = element;
        if (r.part && names.has(r.part)) {
          const target = r.target.replace(/[^/]*$/, fileOf(names.get(r.part) as string));
          edited = edited.replace(
            /(\sTarget=")[^"]*(")/,
            (_m, a: string, b: string) => `${a}${escapeXmlAttribute(target)}${b}`,
          );
        }
        if (part === mainRels) {
          let id = `${r.id}${tag}`;
          for (let n = 2; taken.relationshipIds.has(id); n++) id = `${r.id}${tag}_${n}`;
          taken.relationshipIds.add(id);
          ids.set(r.id, id);
          edited = edited.replace(
            /(\sId=")[^"]*(")/,
            (_m, a: string, b: string) => `${a}${escapeXmlAttribute(id)}${b}`,
          );
        }
        edits.push([r.start, r.end, edited]);
      }
      const pieces: string[] = [];
      let at = 0;
      for (const [start, end, text] of edits) {
        pieces.push(xml.slice(at, start), text);
        at = end;
      }
      pieces.push(xml.slice(at));
      return pieces.join("");
    }
    if (part === CONTENT_TYPES_PART) {
      return out.replace(
        /(\sPartName=")\/?([^"]*)(")/g,
        (m, a: string, name: string, b: string) => {
          const renamed = names.get(unescapeXml(name));
          return renamed ? `${a}/${escapeXmlAttribute(renamed)}${b}` : m;
        },
      );
    }
    if (out.includes("numId") || out.includes("abstractNum")) {
      out = renumber(out, "w:numId", "w:val", (n) => (n === 0 ? 0 : n + numOffset));
      out = renumber(out, "w:num", "w:numId", (n) => n + numOffset);
      out = renumber(out, "w:abstractNumId", "w:val", (n) => n + abstractOffset);
      out = renumber(out, "w:abstractNum", "w:abstractNumId", (n) => n + abstractOffset);
      out = out.replace(
        /(<w:nsid\b[^>]*?\sw:val=")([0-9A-Fa-f]{1,8})(")/g,
        (_m, a: string, v: string, b: string) =>
          `${a}${((Number.parseInt(v, 16) ^ nsidSalt) >>> 0).toString(16).toUpperCase().padStart(8, "0")}${b}`,
      );
      maxNumId = Math.max(maxNumId, largest(out, "w:num", "w:numId"));
      maxAbstract = Math.max(maxAbstract, maxAbstractNumIdOf(out));
    }
    return out;
  };

  // The main part's relationships first: the body's references follow their new ids.
  const ordered = [...parts.keys()].sort((a, b) => (a === mainRels ? -1 : b === mainRels ? 1 : 0));
  const texts = new Map<string, string>();
  for (const part of ordered) {
    if (!XML_PART.test(part)) continue;
    texts.set(part, rewrite(part, decodeXmlPart(parts.get(part) as Uint8Array, part)));
  }
  const main = texts.get(mainPart);
  if (main !== undefined) {
    texts.set(
      mainPart,
      main.replace(/(\s(?:r|o):[A-Za-z]+=")([^"]+)(")/g, (m, a: string, id: string, b: string) => {
        const renamed = ids.get(unescapeXml(id));
        return renamed ? `${a}${escapeXmlAttribute(renamed)}${b}` : m;
      }),
    );
  }
  const root = texts.get("_rels/.rels");
  if (root !== undefined) {
    texts.set(
      "_rels/.rels",
      root.replace(/(\sTarget=")\/?([^"]*)(")/g, (m, a: string, target: string, b: string) => {
        const renamed = names.get(unescapeXml(target));
        return renamed ? `${a}${escapeXmlAttribute(renamed)}${b}` : m;
      }),
    );
  }
  taken.maxNumId = Math.max(taken.maxNumId, maxNumId);
  taken.maxAbstractNumId = Math.max(taken.maxAbstractNumId, maxAbstract);

  const out = new Map<string, Uint8Array>();
  for (const [part, bytes] of parts) {
    const text = texts.get(part);
    out.set(names.get(part) ?? part, text === undefined ? bytes : encodeUtf8(text));
  }
  return out;
};
