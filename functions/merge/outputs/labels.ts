import { docxType } from "@shared/model/api/docx-type";
import { DEFAULT_LABEL_SHEET, labelGridOf, type LabelOptions } from "@shared/model/label-sheet";
import { labelAddressLines } from "@shared/letter/label-address";
import { LabelGridError, labelGridIssues, type LabelGrid } from "@shared/merge/index";
import type { MergeOutput } from "./merge-output";

/**
 * The sheet a labels merge prints on, refused (LabelGridError, each field and rule: a 422)
 * when it cannot be printed: the merge asks before its job exists, so nothing is written.
 */
export const printableLabelGrid = (options: LabelOptions | undefined): LabelGrid => {
  const grid = labelGridOf(options?.sheet ?? DEFAULT_LABEL_SHEET);
  const issues = labelGridIssues(grid);
  if (issues.length > 0) throw new LabelGridError(issues);
  return grid;
};

/**
 * Business Central's Print Labels and Word's Mailings > Labels: one address label per contact,
 * sheet after sheet, written in a merge thread. No letter is read.
 */
export const labels: MergeOutput = {
  produce: async ({ deps, header, records, signal, progress, labels: options }) => {
    const grid = printableLabelGrid(options);
    const bytes = await deps.workers.labels(
      records.map((r) => labelAddressLines(r.values)),
      grid,
      { language: records[0]?.language, signal },
    );
    await progress(records.length);
    return {
      bytes,
      // As a letter's result is named ("Forårsbrev - S00012.docx").
      fileName: `Labels - ${header.no}.docx`,
      contentType: docxType,
    };
  },
};
