import {
  MAX_LABELS_PER_SHEET,
  MAX_PAGE_MM,
  MIN_LABEL_MM,
  SHEET_END_MM,
  type LabelGrid,
  type LabelGridField,
} from "./label-grid";

/** One rule a grid breaks: the field at fault, a stable rule name, and a readable message. */
export interface LabelGridIssue {
  readonly field: LabelGridField;
  readonly rule: string;
  readonly message: string;
}

const LENGTHS = [
  "pageWidth",
  "pageHeight",
  "topMargin",
  "sideMargin",
  "labelWidth",
  "labelHeight",
  "horizontalPitch",
  "verticalPitch",
] as const satisfies readonly LabelGridField[];

const mm = (value: number) => `${Math.round(value * 100) / 100} mm`;

/** Sizes that are no size: not a finite number, negative, or beyond any page. */
const sizeIssues = (grid: LabelGrid): LabelGridIssue[] => {
  const issues: LabelGridIssue[] = [];
  for (const field of LENGTHS) {
    const value = grid[field];
    if (!Number.isFinite(value))
      issues.push({ field, rule: "not_a_number", message: "must be a number of millimetres" });
    else if (value < 0) issues.push({ field, rule: "negative", message: "must not be negative" });
    else if (value > MAX_PAGE_MM)
      issues.push({ field, rule: "too_large", message: `must be at most ${mm(MAX_PAGE_MM)}` });
  }
  for (const field of ["pageWidth", "pageHeight", "labelWidth", "labelHeight"] as const) {
    const value = grid[field];
    if (Number.isFinite(value) && value >= 0 && value < MIN_LABEL_MM)
      issues.push({ field, rule: "too_small", message: `must be at least ${mm(MIN_LABEL_MM)}` });
  }
  for (const field of ["columns", "rows"] as const) {
    const value = grid[field];
    if (!Number.isInteger(value) || value < 1)
      issues.push({ field, rule: "not_a_count", message: "must be a whole number, at least 1" });
  }
  return issues;
};

/** How labels lie on the page: within it, not overlapping, not too many. */
const layoutIssues = (grid: LabelGrid): LabelGridIssue[] => {
  const issues: LabelGridIssue[] = [];
  if (grid.columns * grid.rows > MAX_LABELS_PER_SHEET)
    issues.push({
      field: "rows",
      rule: "too_many_labels",
      message: `${grid.columns} × ${grid.rows} labels is more than ${MAX_LABELS_PER_SHEET} on one sheet`,
    });
  if (grid.columns > 1 && grid.horizontalPitch < grid.labelWidth)
    issues.push({
      field: "horizontalPitch",
      rule: "pitch_below_label",
      message: `must be at least the label width (${mm(grid.labelWidth)}), or labels overlap`,
    });
  if (grid.rows > 1 && grid.verticalPitch < grid.labelHeight)
    issues.push({
      field: "verticalPitch",
      rule: "pitch_below_label",
      message: `must be at least the label height (${mm(grid.labelHeight)}), or labels overlap`,
    });
  const across = grid.sideMargin + (grid.columns - 1) * grid.horizontalPitch + grid.labelWidth;
  if (across > grid.pageWidth + 1e-9)
    issues.push({
      field: "columns",
      rule: "does_not_fit_page_width",
      message: `side margin + ${grid.columns - 1} × horizontal pitch + label width is ${mm(across)}, wider than the page (${mm(grid.pageWidth)})`,
    });
  const down = grid.topMargin + (grid.rows - 1) * grid.verticalPitch + grid.labelHeight;
  if (down + SHEET_END_MM > grid.pageHeight + 1e-9)
    issues.push({
      field: "rows",
      rule: "does_not_fit_page_height",
      message: `top margin + ${grid.rows - 1} × vertical pitch + label height is ${mm(down)}; it must leave ${mm(SHEET_END_MM)} of the page's ${mm(grid.pageHeight)}`,
    });
  return issues;
};

/**
 * Every rule the grid breaks, or none: Word's Label Options refuses the same ("The margins,
 * label width, and number across settings produce a page that is larger than the label page
 * size"). Sizes first: a grid of nonsense sizes is not measured against the page.
 */
export const labelGridIssues = (grid: LabelGrid): LabelGridIssue[] => {
  const sizes = sizeIssues(grid);
  return sizes.length > 0 ? sizes : layoutIssues(grid);
};
