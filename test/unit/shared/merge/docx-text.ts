import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";

/** Reading merged documents back as text, the way a reader sees them. */

export const unzipParts = (docx: Uint8Array): Map<string, string> => {
  const parts = new Map<string, string>();
  for (const [name, bytes] of Object.entries(unzipSync(docx))) {
    if (/\.(xml|rels)$/.test(name)) parts.set(name, strFromU8(bytes));
  }
  return parts;
};

export const part = (docx: Uint8Array, name: string): string => {
  const xml = unzipParts(docx).get(name);
  if (xml === undefined) throw new Error(`no ${name} in the package`);
  return xml;
};

interface Paragraph {
  text: string;
  endsSection: boolean;
}

/** Paragraphs in order (table cells and text boxes included), each with whether it ends a section. */
export const paragraphs = (xml: string): Paragraph[] => {
  const out: Paragraph[] = [];
  const stack: { text: string; endsSection: boolean }[] = [];
  const names: string[] = [];
  const parser = new SaxesParser();
  parser.on("opentag", (node) => {
    names.push(node.name);
    const current = stack[stack.length - 1];
    if (node.name === "w:p") stack.push({ text: "", endsSection: false });
    else if (node.name === "w:sectPr" && current && names.includes("w:pPr"))
      current.endsSection = true;
    else if (current && node.name === "w:br" && !names.includes("w:instrText"))
      current.text += "\n";
    else if (current && node.name === "w:tab" && names[names.length - 2] === "w:r")
      current.text += "\t";
  });
  parser.on("text", (text) => {
    const current = stack[stack.length - 1];
    if (current && names[names.length - 1] === "w:t") current.text += text;
  });
  parser.on("closetag", (node) => {
    names.pop();
    if (node.name === "w:p") out.push(stack.pop() as Paragraph);
  });
  parser.write(xml).close();
  return out;
};

/** Text of a part: paragraphs joined by newlines. */
export const text = (xml: string): string =>
  paragraphs(xml)
    .map((p) => p.text)
    .join("\n");

/** A merged document's letters: text up to each section break (single-section templates). */
export const letters = (documentXml: string): string[] => {
  const out: string[] = [];
  let current: string[] = [];
  for (const paragraph of paragraphs(documentXml)) {
    current.push(paragraph.text);
    if (paragraph.endsSection) {
      out.push(current.join("\n"));
      current = [];
    }
  }
  out.push(current.join("\n"));
  return out;
};

/** The document's text with empty lines collapsed: what the letters say, not how they are spaced. */
export const compact = (value: string): string =>
  value
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line !== "")
    .join("\n");
