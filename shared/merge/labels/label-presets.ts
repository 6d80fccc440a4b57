import type { LabelGrid } from "./label-grid";

const INCH = 25.4;

/**
 * The sheets offered by name, with the dimensions their maker publishes (Avery's templates,
 * and Word's Label Options for the same products): margins to a tenth of a millimetre.
 */
export const LABEL_PRESETS = {
  /** Avery L7159: A4, 3 × 8 = 24 labels of 63.5 × 33.9 mm. */
  "a4-3x8": {
    pageWidth: 210,
    pageHeight: 297,
    topMargin: 12.9,
    sideMargin: 7.2,
    columns: 3,
    rows: 8,
    labelWidth: 63.5,
    labelHeight: 33.9,
    horizontalPitch: 66,
    verticalPitch: 33.9,
  },
  /** Avery L7160: A4, 3 × 7 = 21 labels of 63.5 × 38.1 mm. */
  "a4-3x7": {
    pageWidth: 210,
    pageHeight: 297,
    topMargin: 15.1,
    sideMargin: 7.2,
    columns: 3,
    rows: 7,
    labelWidth: 63.5,
    labelHeight: 38.1,
    horizontalPitch: 66,
    verticalPitch: 38.1,
  },
  /** Avery L7163: A4, 2 × 7 = 14 labels of 99.1 × 38.1 mm. */
  "a4-2x7": {
    pageWidth: 210,
    pageHeight: 297,
    topMargin: 15.1,
    sideMargin: 4.65,
    columns: 2,
    rows: 7,
    labelWidth: 99.1,
    labelHeight: 38.1,
    horizontalPitch: 101.6,
    verticalPitch: 38.1,
  },
  /** Avery 5160: US Letter, 3 × 10 = 30 labels of 2 5/8 × 1 in. */
  "letter-3x10": {
    pageWidth: 8.5 * INCH,
    pageHeight: 11 * INCH,
    topMargin: 0.5 * INCH,
    sideMargin: 0.1875 * INCH,
    columns: 3,
    rows: 10,
    labelWidth: 2.625 * INCH,
    labelHeight: 1 * INCH,
    horizontalPitch: 2.75 * INCH,
    verticalPitch: 1 * INCH,
  },
} as const satisfies Record<string, LabelGrid>;

export type LabelPresetId = keyof typeof LABEL_PRESETS;

export const LABEL_PRESET_IDS = Object.keys(LABEL_PRESETS) as [LabelPresetId, ...LabelPresetId[]];
