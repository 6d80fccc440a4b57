import type { RowRange } from "../assemble-nodes";
import { mergeFieldsOf } from "../field-tree";
import type { PlacedField } from "./placed-field";
import { tokenAt, type ScannedPart } from "./scanned-part";

/**
 * The table rows holding fields, each with the keys of the merge fields in it: such a row
 * repeats for each item of the record's one-to-many list that its fields name.
 */
export const repeatableRows = (part: ScannedPart, placed: readonly PlacedField[]): RowRange[] => {
  const keysOf = new Map<number, Set<string>>();
  for (const field of placed) {
    if (field.row < 0) continue;
    let keys = keysOf.get(field.row);
    if (!keys) keysOf.set(field.row, (keys = new Set()));
    const target = keys;
    mergeFieldsOf(field.expr, false, (merge) => target.add(merge.key));
  }
  return [...keysOf.entries()].map(([row, keys]) => {
    const r = part.scan.rows[row] as { open: number; close: number };
    return {
      start: tokenAt(part, r.open).start,
      end: tokenAt(part, r.close).end,
      keys: [...keys],
    };
  });
};
