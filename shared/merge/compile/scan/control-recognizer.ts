import { unescapeXml } from "../../xml/xml-escape";
import { attributeOf, type XmlToken } from "../../xml/xml-tokenizer";
import type { SdtScan } from "./scan-types";
import type { Enclosing, ScanRecognizer } from "./token-walk";

/** Content controls of these kinds hold something else than a field's value. */
const DISQUALIFYING_SDT = new Set([
  "w:picture",
  "w14:checkbox",
  "w:docPartObj",
  "w:docPartList",
  "w:group",
  "w:citation",
  "w:bibliography",
  "w:equation",
  "w15:repeatingSection",
  "w15:repeatingSectionItem",
]);
/** Content that a field's value cannot replace. */
const NOT_SIMPLE_CONTENT = new Set([
  "w:drawing",
  "w:pict",
  "w:object",
  "w:tbl",
  "w:sdt",
  "w:fldChar",
  "w:fldSimple",
]);
/** What may open an inline control's content; a w:p opens a block control's. */
const INLINE_CONTENT = new Set([
  "w:r",
  "w:hyperlink",
  "w:smartTag",
  "w:proofErr",
  "w:bookmarkStart",
  "w:bookmarkEnd",
]);

/**
 * Content controls (w:sdt): their tag, id, placeholder state and properties' rPr, what their
 * content is (inline runs, paragraphs, or something a value cannot replace), and its first run
 * and paragraph.
 */
export class ControlRecognizer implements ScanRecognizer {
  readonly sdts: SdtScan[] = [];
  private readonly stack: SdtScan[] = [];

  constructor(
    private readonly xml: string,
    /** Where the walk is in tables: a control in a row repeats with it. */
    private readonly rows: { currentRow(): number },
  ) {}

  open(index: number, token: XmlToken, at: Enclosing): void {
    const sdt = this.stack[this.stack.length - 1];
    const name = token.name;
    if (sdt) this.inside(sdt, index, token, at);
    if (name === "w:sdt") {
      if (token.kind !== "open") return;
      if (sdt) sdt.disqualified = true;
      const opened: SdtScan = {
        open: index,
        close: -1,
        propertiesOpen: -1,
        propertiesClose: -1,
        contentOpen: -1,
        contentClose: -1,
        tag: undefined,
        idToken: -1,
        placeholder: undefined,
        propertiesRPr: undefined,
        disqualified: false,
        contentKind: "empty",
        firstParagraph: -1,
        firstRun: -1,
        row: this.rows.currentRow(),
      };
      this.sdts.push(opened);
      this.stack.push(opened);
    } else if (name === "w:sdtPr" && sdt && at.parent === "w:sdt") {
      sdt.propertiesOpen = index;
      if (token.kind === "empty") sdt.propertiesClose = index;
    } else if (name === "w:sdtContent" && sdt && at.parent === "w:sdt") {
      sdt.contentOpen = index;
      if (token.kind === "empty") sdt.contentClose = index;
    }
  }

  close(index: number, token: XmlToken, openIndex: number): void {
    const sdt = this.stack[this.stack.length - 1];
    if (!sdt) return;
    if (token.name === "w:sdt") {
      sdt.close = index;
      this.stack.pop();
    } else if (token.name === "w:sdtPr") {
      if (sdt.propertiesOpen === openIndex) sdt.propertiesClose = index;
    } else if (token.name === "w:sdtContent") {
      if (sdt.contentOpen === openIndex) sdt.contentClose = index;
    }
    if (sdt.propertiesRPr && sdt.propertiesRPr[0] === openIndex)
      sdt.propertiesRPr = [openIndex, index];
  }

  /** An element inside the innermost control: in its properties, or in its content. */
  private inside(sdt: SdtScan, index: number, token: XmlToken, at: Enclosing): void {
    const name = token.name;
    if (sdt.contentOpen < 0 && sdt.propertiesOpen >= 0 && sdt.propertiesClose < 0) {
      if (at.parent !== "w:sdtPr") return;
      if (name === "w:tag") {
        const tag = attributeOf(this.xml, token, "w:val");
        sdt.tag = tag ? unescapeXml(tag.raw) : undefined;
      } else if (name === "w:id") sdt.idToken = index;
      else if (name === "w:showingPlcHdr") sdt.placeholder = [index, index];
      else if (name === "w:rPr") sdt.propertiesRPr = [index, index];
      else if (DISQUALIFYING_SDT.has(name)) sdt.disqualified = true;
    } else if (sdt.contentOpen >= 0 && sdt.contentClose < 0) {
      if (NOT_SIMPLE_CONTENT.has(name)) sdt.disqualified = true;
      if (
        at.parent === "w:sdtContent" &&
        at.parentIndex === sdt.contentOpen &&
        sdt.contentKind === "empty"
      ) {
        sdt.contentKind = INLINE_CONTENT.has(name) ? "inline" : name === "w:p" ? "block" : "other";
      }
      if (name === "w:r" && sdt.firstRun < 0) sdt.firstRun = index;
      if (name === "w:p" && sdt.firstParagraph < 0) sdt.firstParagraph = index;
    }
  }
}
