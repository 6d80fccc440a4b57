import { docxType } from "@shared/model/api/docx-type";
import type { LabelSheet } from "@shared/model/label-sheet";
import { labelAddressLines } from "@shared/letter/label-address";
import {
  LABEL_PRESETS,
  LabelGridError,
  labelGridIssues,
  type LabelGrid,
} from "@shared/merge/index";
import { resultFileName, type MergeOutput } from "./merge-output";

const DEFAULT_SHEET: LabelSheet = { preset: "a4-3x8" };

const gridOf = (sheet: LabelSheet): LabelGrid =>
  "preset" in sheet ? LABEL_PRESETS[sheet.preset] : sheet.custom;

/**
 * Business Central's Print Labels and Word's Mailings > Labels: one address label per contact,
 * sheet after sheet, written in a merge thread. The segment's letter only names the file.
 */
export const labels: MergeOutput = {
  produce: async ({ deps, header, letter, records, signal, progress, labels: options }) => {
    const grid = gridOf(options?.sheet ?? DEFAULT_SHEET);
    // The contract refuses such a grid already; a caller past it is refused the same way.
    const issues = labelGridIssues(grid);
    if (issues.length > 0) throw new LabelGridError(issues);
    const bytes = await deps.workers.labels(
      records.map((r) => labelAddressLines(r.values)),
      grid,
      { language: records[0]?.language, signal },
    );
    await progress(records.length);
    return {
      bytes,
      fileName: resultFileName(letter, header.no, "docx").replace(/\.docx$/, " - Labels.docx"),
      contentType: docxType,
    };
  },
};
