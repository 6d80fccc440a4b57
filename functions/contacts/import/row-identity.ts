import { createHash } from "node:crypto";
import type { TenantId } from "../../store/tenant";
import type { CsvTable } from "./csv-table";

/** Cells after a row's last filled one say nothing (Excel writes `a;b;;` for the same row). */
const filledCells = (cells: readonly string[]): readonly string[] => {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end--;
  return cells.slice(0, end);
};

/**
 * The file as its rows are recognised by: the header and every data row's cells as read, so the
 * same table saved again with another delimiter, line ending, BOM, quoting or blank lines is the
 * same file, while any changed cell, added or removed row makes another file.
 */
export const tableDigest = (table: CsvTable): string => {
  const hash = createHash("sha256").update(JSON.stringify(filledCells(table.header)));
  for (const { cells } of table.rows) hash.update("\n").update(JSON.stringify(filledCells(cells)));
  return hash.digest("hex");
};

/**
 * The identity of a data row that has neither a No. nor an e-mail: the tenant, the file and the
 * row's place among the file's data rows (0-based). Importing the same file again gives every
 * such row the same key; another file (or the same one edited) gives other keys.
 */
export const rowKeyOf = (tenant: TenantId, digest: string, index: number): string =>
  createHash("sha256")
    .update(tenant)
    .update("\u0000")
    .update(digest)
    .update("\u0000")
    .update(String(index))
    .digest("hex");
