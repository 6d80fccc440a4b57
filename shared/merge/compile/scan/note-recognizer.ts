import type { XmlToken } from "../../xml/xml-tokenizer";
import type { ElementScan } from "./scan-types";
import type { Enclosing, ScanRecognizer } from "./token-walk";

/** The footnotes and endnotes of footnotes.xml and endnotes.xml: the root's children. */
export class NoteRecognizer implements ScanRecognizer {
  readonly notes: ElementScan[] = [];
  private readonly stack: ElementScan[] = [];

  open(index: number, token: XmlToken, at: Enclosing): void {
    if ((token.name !== "w:footnote" && token.name !== "w:endnote") || at.depth !== 1) return;
    const note: ElementScan = { open: index, close: token.kind === "empty" ? index : -1 };
    this.notes.push(note);
    if (token.kind === "open") this.stack.push(note);
  }

  close(index: number, token: XmlToken, openIndex: number): void {
    if (token.name !== "w:footnote" && token.name !== "w:endnote") return;
    const note = this.stack[this.stack.length - 1];
    if (note && note.open === openIndex) {
      note.close = index;
      this.stack.pop();
    }
  }
}
