import type { LabelGrid } from "./label-grid";

/** Word measures in twentieths of a point (twips): 1440 to the inch. */
const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

/** One table column or row: a label's, or the gap between two labels. */
export interface Track {
  readonly size: number;
  readonly label: boolean;
}

/**
 * Labels and the gaps between them along one direction, in twips. Each edge is rounded from its
 * exact position, never a size added to the last, so the 30th label is where the sheet has it.
 */
const tracks = (count: number, pitch: number, size: number): Track[] => {
  const out: Track[] = [];
  for (let i = 0; i < count; i++) {
    const start = twips(i * pitch);
    const end = twips(i * pitch + size);
    out.push({ size: end - start, label: true });
    if (i < count - 1) {
      const next = twips((i + 1) * pitch);
      if (next > end) out.push({ size: next - end, label: false });
    }
  }
  return out;
};

/** The sheet as the table and section that hold it: every size in twips. */
export interface LabelLayout {
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly columns: readonly Track[];
  readonly rows: readonly Track[];
  readonly tableWidth: number;
  readonly perSheet: number;
}

/** The table that puts each label of a valid grid (labelGridIssues: none) where the sheet has it. */
export const labelLayout = (grid: LabelGrid): LabelLayout => {
  const columns = tracks(grid.columns, grid.horizontalPitch, grid.labelWidth);
  const rows = tracks(grid.rows, grid.verticalPitch, grid.labelHeight);
  const tableWidth = columns.reduce((sum, c) => sum + c.size, 0);
  const pageWidth = twips(grid.pageWidth);
  const left = twips(grid.sideMargin);
  return {
    pageWidth,
    pageHeight: twips(grid.pageHeight),
    top: twips(grid.topMargin),
    left,
    // The text column is exactly the table: Word warns of a table wider than its column.
    right: Math.max(0, pageWidth - left - tableWidth),
    columns,
    rows,
    tableWidth,
    perSheet: grid.columns * grid.rows,
  };
};
