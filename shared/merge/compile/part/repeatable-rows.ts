import type { RowRange } from "../assemble-nodes";
import { mergeFieldsOf } from "../field-tree";
import type { PlacedField } from "./placed-field";
import { tokenAt, type ScannedPart } from "./scanned-part";

/**
 * The table rows holding fields, each with the keys of the merge fields in it: such a row
 * repeats for each item of the record's one-to-many list that its fields name. Then the tables
 * all of whose rows repeat: such a table is removed when a record leaves it no row.
 */
export const repeatableRows = (part: ScannedPart, placed: readonly PlacedField[]): RowRange[] => {
  const keysOf = new Map<number, Set<string>>();
  // A row with NEXT is Word's own way of listing records (a label, a line of a list): it shows
  // the records NEXT brings, never a one-to-many list.
  const flowRows = new Set(placed.filter((f) => f.expr.kind === "flow").map((f) => f.row));
  for (const field of placed) {
    if (field.row < 0 || flowRows.has(field.row)) continue;
    let keys = keysOf.get(field.row);
    if (!keys) keysOf.set(field.row, (keys = new Set()));
    const target = keys;
    mergeFieldsOf(field.expr, false, (merge) => target.add(merge.key));
  }
  const rows: RowRange[] = [...keysOf.entries()].map(([row, keys]) => {
    const r = part.scan.rows[row] as { open: number; close: number };
    return {
      kind: "row",
      start: tokenAt(part, r.open).start,
      end: tokenAt(part, r.close).end,
      keys: [...keys],
    };
  });
  for (const table of part.scan.tables) {
    if (table.rows.length === 0 || !table.rows.every((row) => keysOf.has(row))) continue;
    rows.push({
      kind: "table",
      start: tokenAt(part, table.open).start,
      end: tokenAt(part, table.close).end,
      whenEmpty: endsContainer(part, table.close) && table.parent !== "w:body" ? "<w:p/>" : "",
    });
  }
  return rows;
};

/**
 * Whether the element closed at `close` is the last in its container (only white space after
 * it): a cell, header, footer or note must end with a paragraph, and Word writes one after a
 * table there; a letter written otherwise gets one when its table goes.
 */
const endsContainer = (part: ScannedPart, close: number): boolean => {
  for (let i = close + 1; i < part.tokens.length; i++) {
    const token = tokenAt(part, i);
    if (token.kind === "close") return true;
    if (token.kind !== "text" || part.xml.slice(token.start, token.end).trim() !== "") return false;
  }
  return true;
};
