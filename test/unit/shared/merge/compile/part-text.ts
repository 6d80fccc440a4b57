import type { Edit } from "@shared/merge/compile/assemble-nodes";
import type { CompiledNode } from "@shared/merge/compile/compiled-nodes";
import { DEFAULT_CONTENT_LIMITS, type ContentLimits } from "@shared/merge/compile/content-limits";
import { readPart, textBetween, type ScannedPart } from "@shared/merge/compile/part/scanned-part";
import { walkTokens, type ScanRecognizer } from "@shared/merge/compile/scan/token-walk";
import { tokenizeXml, type XmlToken } from "@shared/merge/xml/xml-tokenizer";
import { NAMESPACES } from "../docx-builder";

/**
 * Small parts for the stages of compiling one: a body or a root of one's own, scanned as the
 * engine scans it, and ways to read what a stage recorded as the text it points at.
 */

export const documentXml = (body: string, finalSection = "<w:sectPr/>"): string =>
  `<w:document ${NAMESPACES}><w:body>${body}${finalSection}</w:body></w:document>`;

export const notesXml = (notes: string): string =>
  `<w:footnotes ${NAMESPACES}>${notes}</w:footnotes>`;

export const scanned = (
  xml: string,
  limits: Partial<ContentLimits> = {},
  part = "word/document.xml",
): ScannedPart => readPart(xml, part, { ...DEFAULT_CONTENT_LIMITS, ...limits });

/** The text from one recorded token to another (or of one token). */
export const span = (part: ScannedPart, first: number, last = first): string =>
  textBetween(part, first, last);

/** A recognizer walked alone over a part: the tokens, to read what it recorded. */
export const walked = (xml: string, recognizer: ScanRecognizer): readonly XmlToken[] => {
  const tokens = tokenizeXml(xml, "test.xml", 512);
  walkTokens(tokens, recognizer);
  return tokens;
};

/** The text of the token at an index. */
export const tokenText = (xml: string, tokens: readonly XmlToken[], index: number): string => {
  const token = tokens[index] as XmlToken;
  return xml.slice(token.start, token.end);
};

/** A slot as a short word: «field Name», «control City», «numId 3», «letterEnd»... */
export const slot = (node: CompiledNode): string => {
  if (typeof node === "string") return node;
  switch (node.t) {
    case "field":
    case "control":
      return `«${node.t} ${node.expr.kind === "merge" ? node.expr.name : node.expr.kind}»`;
    case "bookmarkStart":
      return `«bookmarkStart ${node.id} ${node.name}»`;
    case "anchor":
      return `«anchor ${node.name}»`;
    case "styleNumbering":
      return `«styleNumbering ${node.numId}»`;
    default:
      return "id" in node ? `«${node.t} ${node.id}»` : `«${node.t}»`;
  }
};

/** The part's text with the edits applied, each slot written as slot() writes it. */
export const edited = (xml: string, edits: readonly Edit[]): string => {
  let out = "";
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += xml.slice(at, edit.start) + edit.nodes.map(slot).join("");
    at = edit.end;
  }
  return out + xml.slice(at);
};

/** The body's content of an edited main document, the final section left out. */
export const editedBody = (xml: string, edits: readonly Edit[]): string => {
  const text = edited(xml, edits);
  return text.slice(text.indexOf("<w:body>") + 8, text.lastIndexOf("<w:sectPr"));
};
