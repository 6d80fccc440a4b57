/**
 * A sheet of labels as Word's Label Options describes one ("Label details"), in millimetres:
 * the page, the first label's top-left corner (top and side margins), how many labels across
 * and down, each label's size, and the pitch (from one label's edge to the next one's).
 */
export interface LabelGrid {
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly topMargin: number;
  readonly sideMargin: number;
  readonly columns: number;
  readonly rows: number;
  readonly labelWidth: number;
  readonly labelHeight: number;
  readonly horizontalPitch: number;
  readonly verticalPitch: number;
}

export type LabelGridField = keyof LabelGrid;

/** The largest page Word sets up: 22 inches either way. */
export const MAX_PAGE_MM = 558.8;
/** A label smaller than this holds no line of text. */
export const MIN_LABEL_MM = 5;
/** More labels than this on one sheet is no label sheet (Word's own catalog tops out at 189). */
export const MAX_LABELS_PER_SHEET = 400;
/**
 * Room left below the last row for the paragraph that ends each sheet (1 pt, exact): without it
 * the paragraph falls onto a page of its own.
 */
export const SHEET_END_MM = 0.5;
