import { parseTag } from "../fields/field-instruction";
import { normalizeFieldName } from "../fields/field-name";
import type { XmlAttribute, XmlToken } from "../xml/xml-tokenizer";
import type { CompiledNode, ControlNode } from "./compiled-nodes";
import type { ParagraphScan, PartScan, SdtScan } from "./scan/scan-types";

export interface ControlContext {
  /** Each run's w:rPr by the run's start token. */
  readonly rPrOf: ReadonlyMap<number, string>;
  /** "Placeholder Text"'s style id, which must not colour the value. */
  readonly placeholderStyle: string | undefined;
  /** The control's w:id, made unique per copy when the control is kept. */
  readonly id: { readonly attribute: XmlAttribute; readonly value: number } | undefined;
}

/** The paragraph opening at a token: paragraphs are in document order, so a binary search. */
const paragraphAt = (scan: PartScan, open: number): ParagraphScan | undefined => {
  let lo = 0;
  let hi = scan.paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const paragraph = scan.paragraphs[mid] as ParagraphScan;
    if (paragraph.open === open) return paragraph;
    if (paragraph.open < open) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
};

/**
 * A Mergeline content control: the field its tag names (with optional switches after the name),
 * the formatting its value takes (the first run's, else the control's own), and the shell that
 * surrounds the value when the control is kept. A control still showing its placeholder loses
 * that state and the placeholder style, or Word would show the value grey and select it whole.
 */
export const compileControl = (
  xml: string,
  tokens: readonly XmlToken[],
  scan: PartScan,
  sdt: SdtScan,
  tag: string,
  context: ControlContext,
): ControlNode => {
  const text = (a: number, b: number): string =>
    xml.slice((tokens[a] as XmlToken).start, (tokens[b] as XmlToken).end);
  const withoutPlaceholderStyle = (rPr: string): string =>
    context.placeholderStyle
      ? rPr
          .replace(new RegExp(`<w:rStyle w:val="${context.placeholderStyle}"\\s*/>`), "")
          .replace(/^<w:rPr><\/w:rPr>$/, "")
      : rPr;

  const { name, switches } = parseTag(tag);
  const firstRunRPr = sdt.firstRun >= 0 ? (context.rPrOf.get(sdt.firstRun) ?? "") : "";
  const propertiesRPr = sdt.propertiesRPr ? text(sdt.propertiesRPr[0], sdt.propertiesRPr[1]) : "";
  let rPr = firstRunRPr || propertiesRPr;
  if (sdt.placeholder) rPr = withoutPlaceholderStyle(rPr);

  let paragraphStart: string | undefined;
  if (sdt.contentKind === "block") {
    const paragraph = paragraphAt(scan, sdt.firstParagraph);
    const open = tokens[sdt.firstParagraph] as XmlToken;
    const startTag = xml.slice(open.start, open.end).replace(/\s*\/>$/, ">");
    paragraphStart = startTag + (paragraph?.pPr ? text(paragraph.pPr[0], paragraph.pPr[1]) : "");
  }

  const cuts: [number, number, CompiledNode | undefined][] = [];
  if (context.id) {
    const { attribute, value } = context.id;
    cuts.push([attribute.valueStart, attribute.valueEnd, { t: "controlId", id: value }]);
  }
  if (sdt.placeholder) {
    const first = sdt.placeholder[0];
    cuts.push([
      (tokens[first] as XmlToken).start,
      (tokens[scan.closeOf[first] as number] as XmlToken).end,
      undefined,
    ]);
    if (sdt.propertiesRPr) {
      const [a, b] = sdt.propertiesRPr;
      cuts.push([
        (tokens[a] as XmlToken).start,
        (tokens[b] as XmlToken).end,
        withoutPlaceholderStyle(propertiesRPr),
      ]);
    }
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const shellStart: CompiledNode[] = [];
  let from = (tokens[sdt.open] as XmlToken).start;
  for (const [start, end, node] of cuts) {
    shellStart.push(xml.slice(from, start));
    if (node) shellStart.push(node);
    from = end;
  }
  shellStart.push(xml.slice(from, (tokens[sdt.contentOpen] as XmlToken).end));

  return {
    t: "control",
    expr: { kind: "merge", name, key: normalizeFieldName(name), switches },
    rPr,
    paragraphStart,
    shellStart,
    shellEnd: xml.slice(
      (tokens[sdt.contentClose] as XmlToken).start,
      (tokens[sdt.close] as XmlToken).end,
    ),
  };
};
