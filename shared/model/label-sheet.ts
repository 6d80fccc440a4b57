import { z } from "zod";
import type { LabelGrid } from "../merge/labels/label-grid";
import { LABEL_PRESETS, LABEL_PRESET_IDS } from "../merge/labels/label-presets";

const Millimetres = z.number().meta({ description: "Millimetres." });

/**
 * A sheet described as Word's Label Options' "Label details" does, in millimetres. Its shape is
 * checked here; whether it fits its page is the engine's rule (labelGridIssues), answered 422.
 */
export const LabelGridSchema = z.strictObject({
  pageWidth: Millimetres,
  pageHeight: Millimetres,
  topMargin: Millimetres.meta({ description: "From the page's top edge to the first row." }),
  sideMargin: Millimetres.meta({ description: "From the page's left edge to the first column." }),
  columns: z.number().meta({ description: "Labels across." }),
  rows: z.number().meta({ description: "Labels down." }),
  labelWidth: Millimetres,
  labelHeight: Millimetres,
  horizontalPitch: Millimetres.meta({
    description: "From one label's left edge to the next one's: the width plus the gap.",
  }),
  verticalPitch: Millimetres.meta({
    description: "From one label's top edge to the next one's: the height plus the gap.",
  }),
});

export const LabelSheet = z.union([
  z.strictObject({
    preset: z.enum(LABEL_PRESET_IDS).meta({
      description:
        "a4-3x8 (Avery L7159), a4-3x7 (L7160), a4-2x7 (L7163), letter-3x10 (Avery 5160).",
    }),
  }),
  z.strictObject({ custom: LabelGridSchema }),
]);
export type LabelSheet = z.infer<typeof LabelSheet>;

/** What a labels merge prints: which sheet, and what goes on each label. */
export const LabelOptions = z.strictObject({
  sheet: LabelSheet.default({ preset: "a4-3x8" }),
  content: z.enum(["addressBlock"]).default("addressBlock").meta({
    description: "One label per contact: its name, company and address, as an address block.",
  }),
});
export type LabelOptions = z.infer<typeof LabelOptions>;

/** Where no sheet is chosen: Word's and Business Central's most common A4 address labels. */
export const DEFAULT_LABEL_SHEET: LabelSheet = { preset: "a4-3x8" };

/** The grid a sheet stands for: a preset's dimensions, or the custom grid as given. */
export const labelGridOf = (sheet: LabelSheet): LabelGrid =>
  "preset" in sheet ? LABEL_PRESETS[sheet.preset] : sheet.custom;
