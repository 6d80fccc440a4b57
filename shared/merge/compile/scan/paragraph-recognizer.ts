import { unescapeXml } from "../../xml/xml-escape";
import { attributeOf, type XmlToken } from "../../xml/xml-tokenizer";
import type { ParagraphScan } from "./scan-types";
import type { Enclosing, ScanRecognizer } from "./token-walk";

/** pPr children that come before w:numPr in the schema: a numPr goes after the last of them. */
const LEADING_PPR = new Set([
  "w:pStyle",
  "w:keepNext",
  "w:keepLines",
  "w:pageBreakBefore",
  "w:framePr",
  "w:widowControl",
]);

/**
 * Paragraphs (w:p): whether they sit directly in the body, their properties, the style they
 * take, whether they are numbered or carry a section break, and where a w:numPr may go.
 */
export class ParagraphRecognizer implements ScanRecognizer {
  readonly paragraphs: ParagraphScan[] = [];
  private readonly stack: ParagraphScan[] = [];

  constructor(private readonly xml: string) {}

  /** The open token of the paragraph the walk is in; -1 outside paragraphs. */
  currentParagraph(): number {
    return this.stack[this.stack.length - 1]?.open ?? -1;
  }

  open(index: number, token: XmlToken, at: Enclosing): void {
    const paragraph = this.stack[this.stack.length - 1];
    const name = token.name;
    if (paragraph && paragraph.pPr && paragraph.pPr[1] < 0 && at.parent === "w:pPr") {
      if (name === "w:pStyle") {
        const style = attributeOf(this.xml, token, "w:val");
        paragraph.style = style ? unescapeXml(style.raw) : undefined;
      }
      if (name === "w:numPr") paragraph.hasNumbering = true;
      if (name === "w:sectPr") paragraph.hasSectPr = true;
    }
    if (name === "w:p") {
      const opened: ParagraphScan = {
        open: index,
        close: token.kind === "empty" ? index : -1,
        bodyLevel: at.parent === "w:body",
        pPr: undefined,
        style: undefined,
        hasNumbering: false,
        hasSectPr: false,
        numPrAt: -1,
      };
      this.paragraphs.push(opened);
      if (token.kind === "open") this.stack.push(opened);
    } else if (name === "w:pPr" && paragraph && at.parent === "w:p") {
      paragraph.pPr = token.kind === "open" ? [index, -1] : [index, index];
      paragraph.numPrAt = token.kind === "open" ? token.end : -1;
    } else if (token.kind === "empty") this.afterLeading(token, at);
  }

  close(index: number, token: XmlToken, openIndex: number, at: Enclosing): void {
    const paragraph = this.stack[this.stack.length - 1];
    if (!paragraph) return;
    if (token.name === "w:p") {
      paragraph.close = index;
      this.stack.pop();
    } else if (token.name === "w:pPr") {
      if (paragraph.pPr && paragraph.pPr[0] === openIndex) paragraph.pPr = [openIndex, index];
    } else this.afterLeading(token, at);
  }

  /** A leading pPr child has ended: a numPr inserted later goes after it. */
  private afterLeading(token: XmlToken, at: Enclosing): void {
    const paragraph = this.stack[this.stack.length - 1];
    if (
      paragraph &&
      paragraph.pPr &&
      paragraph.pPr[1] < 0 &&
      LEADING_PPR.has(token.name) &&
      at.parent === "w:pPr"
    ) {
      paragraph.numPrAt = token.end;
    }
  }
}
