import type { XmlToken } from "../../xml/xml-tokenizer";
import type { ElementScan } from "./scan-types";
import type { ScanRecognizer } from "./token-walk";

/** Table rows (w:tr): a row holding fields repeats per item of a one-to-many list. */
export class RowRecognizer implements ScanRecognizer {
  readonly rows: ElementScan[] = [];
  /** Indices into rows, innermost last: tables nest. */
  private readonly stack: number[] = [];

  /** The index (in rows) of the row the walk is in; -1 outside rows. */
  currentRow(): number {
    return this.stack[this.stack.length - 1] ?? -1;
  }

  open(index: number, token: XmlToken): void {
    if (token.name !== "w:tr" || token.kind !== "open") return;
    this.rows.push({ open: index, close: -1 });
    this.stack.push(this.rows.length - 1);
  }

  close(index: number, token: XmlToken): void {
    if (token.name !== "w:tr") return;
    const row = this.stack.pop();
    if (row !== undefined) (this.rows[row] as ElementScan).close = index;
  }
}
