import { TemplateError } from "../../template-error";
import { tokenizeXml, type XmlToken } from "../../xml/xml-tokenizer";
import type { ContentLimits } from "../content-limits";
import { scanPart } from "../part-scan";
import type { PartScan } from "../scan/scan-types";

/** A part's text, its tokens and what the scan found: what every stage of compiling it reads. */
export interface ScannedPart {
  readonly part: string;
  readonly xml: string;
  readonly tokens: readonly XmlToken[];
  readonly scan: PartScan;
  /** Each run's w:rPr as written, by the run's open token. */
  readonly rPrOf: ReadonlyMap<number, string>;
}

/** The token at an index the scan recorded: the scan only records tokens that exist. */
export const tokenAt = (part: ScannedPart, index: number): XmlToken =>
  part.tokens[index] as XmlToken;

/** The text from the start of one token to the end of another. */
export const textBetween = (part: ScannedPart, first: number, last: number): string =>
  part.xml.slice(tokenAt(part, first).start, tokenAt(part, last).end);

/** Paragraph start tags (<w:p>, <w:p ...>, <w:p/>), counted before the part is parsed. */
export const countParagraphs = (xml: string): number => {
  let count = 0;
  for (let at = xml.indexOf("<w:p"); at >= 0; at = xml.indexOf("<w:p", at + 4)) {
    const next = xml.charCodeAt(at + 4);
    if (
      next === 62 /* > */ ||
      next === 47 /* / */ ||
      next === 32 ||
      next === 9 ||
      next === 10 ||
      next === 13
    )
      count++;
  }
  return count;
};

/**
 * The first stage: refuse a part with too many paragraphs before tokenizing it, tokenize it
 * (refusing what is not well-formed or nests too deep), scan it once, and keep each run's rPr.
 */
export const readPart = (xml: string, part: string, limits: ContentLimits): ScannedPart => {
  const paragraphs = countParagraphs(xml);
  if (paragraphs > limits.maxParagraphsPerPart) {
    throw new TemplateError(
      "too_many_paragraphs",
      `${part} has ${paragraphs} paragraphs; at most ${limits.maxParagraphsPerPart} are accepted`,
      part,
      { limit: limits.maxParagraphsPerPart, actual: paragraphs },
    );
  }
  const tokens = tokenizeXml(xml, part, limits.maxDepth);
  const scan = scanPart(xml, tokens, part, limits);
  const scanned = { part, xml, tokens, scan, rPrOf: new Map<number, string>() };
  for (const run of scan.runs)
    if (run.rPr) scanned.rPrOf.set(run.open, textBetween(scanned, run.rPr[0], run.rPr[1]));
  return scanned;
};
