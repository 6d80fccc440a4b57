import { unescapeXml } from "../xml/xml-escape";
import { attributeOf, tokenizeXml, type XmlToken } from "../xml/xml-tokenizer";
import type { StyleNumbering } from "./compiled-part";

export interface StyleInfo {
  /** Paragraph styles that number their paragraphs, own or inherited through w:basedOn. */
  readonly numbering: ReadonlyMap<string, StyleNumbering>;
  /** Word's "Placeholder Text" character style id (localized: "Pladsholdertekst" in Danish Word). */
  readonly placeholderStyle: string | undefined;
}

interface StyleEntry {
  basedOn?: string;
  numId?: number;
  level?: number;
  paragraph: boolean;
}

export const parseStyles = (xml: string, part: string): StyleInfo => {
  const tokens = tokenizeXml(xml, part);
  const styles = new Map<string, StyleEntry>();
  const value = (token: XmlToken, name: string): string | undefined => {
    const a = attributeOf(xml, token, name);
    return a ? unescapeXml(a.raw) : undefined;
  };
  let placeholderStyle: string | undefined;
  let current: StyleEntry | undefined;
  let currentId = "";
  let inNumPr = false;
  for (const token of tokens) {
    if (token.kind === "close") {
      if (token.name === "w:style") current = undefined;
      if (token.name === "w:numPr") inNumPr = false;
      continue;
    }
    if (token.kind !== "open" && token.kind !== "empty") continue;
    if (token.name === "w:style") {
      currentId = value(token, "w:styleId") ?? "";
      current = { paragraph: value(token, "w:type") === "paragraph" };
      styles.set(currentId, current);
      if (token.kind === "empty") current = undefined;
    } else if (current) {
      if (token.name === "w:name" && value(token, "w:val") === "Placeholder Text")
        placeholderStyle = currentId;
      else if (token.name === "w:basedOn") current.basedOn = value(token, "w:val");
      else if (token.name === "w:numPr" && token.kind === "open") inNumPr = true;
      else if (inNumPr && token.name === "w:numId")
        current.numId = Number.parseInt(value(token, "w:val") ?? "0", 10);
      else if (inNumPr && token.name === "w:ilvl")
        current.level = Number.parseInt(value(token, "w:val") ?? "0", 10);
    }
  }
  const resolve = (id: string, depth: number): StyleNumbering | undefined => {
    const style = styles.get(id);
    if (!style || depth > 20) return undefined;
    if (style.numId !== undefined)
      return style.numId > 0 ? { numId: style.numId, level: style.level } : undefined;
    return style.basedOn ? resolve(style.basedOn, depth + 1) : undefined;
  };
  const numbering = new Map<string, StyleNumbering>();
  for (const [id, style] of styles) {
    if (!style.paragraph) continue;
    const resolved = resolve(id, 0);
    if (resolved) numbering.set(id, resolved);
  }
  return { numbering, placeholderStyle };
};
