import type { XmlToken } from "../../xml/xml-tokenizer";
import type { SectPrScan } from "./scan-types";
import type { Enclosing, ScanRecognizer } from "./token-walk";

/**
 * Section properties (w:sectPr), in a paragraph's pPr or as the body's last child; those inside
 * a tracked change (w:sectPrChange) are history, not sections.
 */
export class SectionRecognizer implements ScanRecognizer {
  readonly sectPrs: SectPrScan[] = [];
  private readonly stack: SectPrScan[] = [];

  open(index: number, token: XmlToken, at: Enclosing): void {
    if (token.name !== "w:sectPr" || at.parent === "w:sectPrChange") return;
    const opened: SectPrScan = {
      open: index,
      close: token.kind === "empty" ? index : -1,
      bodyLevel: at.parent === "w:body",
    };
    this.sectPrs.push(opened);
    if (token.kind === "open") this.stack.push(opened);
  }

  close(index: number, token: XmlToken, openIndex: number): void {
    if (token.name !== "w:sectPr") return;
    const sectPr = this.stack[this.stack.length - 1];
    if (sectPr && sectPr.open === openIndex) {
      sectPr.close = index;
      this.stack.pop();
    }
  }
}
