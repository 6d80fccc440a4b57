import type { XmlToken } from "../../xml/xml-tokenizer";
import type { ElementScan } from "./scan-types";
import type { Enclosing, ScanRecognizer } from "./token-walk";

/** A table (w:tbl) and the rows that are its own (not those of tables nested in its cells). */
export interface TableScan extends ElementScan {
  readonly rows: number[];
  /** The element the table is in: a table left without rows may need a paragraph there. */
  readonly parent: string;
}

/**
 * Tables and their rows (w:tr): a row holding fields repeats per item of a one-to-many list,
 * and a table all of whose rows disappear disappears with them.
 */
export class RowRecognizer implements ScanRecognizer {
  readonly rows: ElementScan[] = [];
  readonly tables: TableScan[] = [];
  /** Indices into rows, innermost last: tables nest. */
  private readonly stack: number[] = [];
  /** Indices into tables, innermost last. */
  private readonly tableStack: number[] = [];

  /** The index (in rows) of the row the walk is in; -1 outside rows. */
  currentRow(): number {
    return this.stack[this.stack.length - 1] ?? -1;
  }

  open(index: number, token: XmlToken, at: Enclosing): void {
    if (token.kind !== "open") return;
    if (token.name === "w:tbl") {
      this.tables.push({ open: index, close: -1, rows: [], parent: at.parent });
      this.tableStack.push(this.tables.length - 1);
      return;
    }
    if (token.name !== "w:tr") return;
    this.rows.push({ open: index, close: -1 });
    this.stack.push(this.rows.length - 1);
    const table = this.tables[this.tableStack[this.tableStack.length - 1] ?? -1];
    table?.rows.push(this.rows.length - 1);
  }

  close(index: number, token: XmlToken): void {
    if (token.name === "w:tbl") {
      const table = this.tableStack.pop();
      if (table !== undefined) (this.tables[table] as TableScan).close = index;
      return;
    }
    if (token.name !== "w:tr") return;
    const row = this.stack.pop();
    if (row !== undefined) (this.rows[row] as ElementScan).close = index;
  }
}
