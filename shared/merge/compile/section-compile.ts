import { attributeOf, type XmlToken } from "../xml/xml-tokenizer";
import type { CompiledNode, SectionNode } from "./compiled-nodes";

/**
 * Section properties. In a merged document each letter's first section must start on a new
 * page (w:type nextPage; odd/even page kept) and, by default, number its pages from 1, as
 * separate letters would. Children are kept in the schema's order, or Word repairs the file.
 */
const ORDER = [
  "w:headerReference",
  "w:footerReference",
  "w:footnotePr",
  "w:endnotePr",
  "w:type",
  "w:pgSz",
  "w:pgMar",
  "w:paperSrc",
  "w:pgBorders",
  "w:lnNumType",
  "w:pgNumType",
  "w:cols",
  "w:formProt",
  "w:vAlign",
  "w:noEndnote",
  "w:titlePg",
  "w:textDirection",
  "w:bidi",
  "w:rtlGutter",
  "w:docGrid",
  "w:printerSettings",
  "w:sectPrChange",
];

const rank = (name: string): number => {
  const index = ORDER.indexOf(name);
  return index < 0 ? ORDER.length : index;
};

interface Child {
  readonly name: string;
  readonly nodes: CompiledNode[];
  readonly text: string;
}

const withStart = (tag: string): string => {
  if (/\sw:start="[^"]*"/.test(tag)) return tag.replace(/(\sw:start=")[^"]*"/, '$11"');
  return tag.replace(/^<w:pgNumType/, '<w:pgNumType w:start="1"');
};

const insertInOrder = (children: Child[], child: Child): void => {
  const at = children.findIndex((c) => rank(c.name) > rank(child.name));
  if (at < 0) children.push(child);
  else children.splice(at, 0, child);
};

export const compileSection = (
  xml: string,
  tokens: readonly XmlToken[],
  closeOf: Int32Array,
  open: number,
  firstOfLetter: boolean,
): SectionNode => {
  const openToken = tokens[open] as XmlToken;
  const close = closeOf[open] as number;
  const children: Child[] = [];
  if (openToken.kind === "open") {
    for (let i = open + 1; i < close; i++) {
      const token = tokens[i] as XmlToken;
      if (token.kind !== "open" && token.kind !== "empty") continue;
      const end = tokens[closeOf[i] as number] as XmlToken;
      const text = xml.slice(token.start, end.end);
      const nodes: CompiledNode[] = [text];
      if (token.name === "w:headerReference" || token.name === "w:footerReference") {
        const id = attributeOf(xml, token, "r:id");
        if (id) {
          nodes.splice(
            0,
            1,
            xml.slice(token.start, id.valueStart),
            { t: "relationship", id: id.raw },
            xml.slice(id.valueEnd, end.end),
          );
        }
      }
      children.push({ name: token.name, nodes, text });
      i = closeOf[i] as number;
    }
  }
  const startTag =
    openToken.kind === "empty"
      ? xml.slice(openToken.start, openToken.end).replace(/\s*\/>$/, ">")
      : xml.slice(openToken.start, openToken.end);
  const endTag = "</w:sectPr>";
  const original: CompiledNode[] =
    openToken.kind === "empty"
      ? [xml.slice(openToken.start, openToken.end)]
      : [startTag, ...children.flatMap((c) => c.nodes), endTag];

  const variant = (restart: boolean): CompiledNode[] => {
    const list = children.filter((c) => {
      if (c.name !== "w:type") return true;
      return /w:val="(oddPage|evenPage)"/.test(c.text);
    });
    if (!list.some((c) => c.name === "w:type")) {
      insertInOrder(list, { name: "w:type", nodes: ['<w:type w:val="nextPage"/>'], text: "" });
    }
    if (restart) {
      const index = list.findIndex((c) => c.name === "w:pgNumType");
      if (index >= 0) {
        const existing = list[index] as Child;
        const tagEnd = existing.text.indexOf(">") + 1;
        const rewritten = withStart(existing.text.slice(0, tagEnd)) + existing.text.slice(tagEnd);
        list[index] = { name: existing.name, nodes: [rewritten], text: rewritten };
      } else {
        insertInOrder(list, {
          name: "w:pgNumType",
          nodes: ['<w:pgNumType w:start="1"/>'],
          text: "",
        });
      }
    }
    return [startTag, ...list.flatMap((c) => c.nodes), endTag];
  };
  return {
    t: "section",
    firstOfLetter,
    original,
    letterStart: firstOfLetter ? variant(false) : original,
    letterStartRestart: firstOfLetter ? variant(true) : original,
  };
};
