import { attributeOf, type XmlToken } from "../../xml/xml-tokenizer";
import type { ElementScan } from "./scan-types";
import type { Enclosing, ScanRecognizer } from "./token-walk";

/**
 * Single elements the merge rewrites per letter, by their token: the body, drawings' ids,
 * bookmarks, list numbers, note and header/footer references, hyperlinks to bookmarks, and the
 * comment marks it drops.
 */
export class LandmarkRecognizer implements ScanRecognizer {
  body: ElementScan | undefined;
  readonly docPrs: number[] = [];
  readonly bookmarkStarts: number[] = [];
  readonly bookmarkEnds: number[] = [];
  readonly numIds: number[] = [];
  readonly noteReferences: number[] = [];
  readonly partReferences: number[] = [];
  readonly anchors: number[] = [];
  readonly comments: number[] = [];

  constructor(private readonly xml: string) {}

  open(index: number, token: XmlToken, at: Enclosing): void {
    switch (token.name) {
      case "w:body":
        this.body = { open: index, close: -1 };
        break;
      case "wp:docPr":
        this.docPrs.push(index);
        break;
      case "w:bookmarkStart":
        this.bookmarkStarts.push(index);
        break;
      case "w:bookmarkEnd":
        this.bookmarkEnds.push(index);
        break;
      case "w:numId":
        if (at.parent === "w:numPr") this.numIds.push(index);
        break;
      case "w:footnoteReference":
      case "w:endnoteReference":
        this.noteReferences.push(index);
        break;
      case "w:headerReference":
      case "w:footerReference":
        this.partReferences.push(index);
        break;
      case "w:hyperlink":
        if (attributeOf(this.xml, token, "w:anchor")) this.anchors.push(index);
        break;
      case "w:commentRangeStart":
      case "w:commentRangeEnd":
      case "w:commentReference":
        this.comments.push(index);
        break;
    }
  }

  close(index: number, token: XmlToken): void {
    if (token.name === "w:body" && this.body) this.body.close = index;
  }
}
