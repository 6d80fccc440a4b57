/** A tree larger than criteria-bounds.ts allows. */
export type BoundRule = "max_depth" | "max_nodes" | "max_conditions" | "max_values";

/** Why a part of a criteria tree was refused; the API answers 400 with one entry per issue. */
export type CriteriaRule =
  | "unknown_field"
  | "operator_mismatch"
  | "missing_value"
  | "invalid_value"
  | "invalid_filter"
  | "invalid_date"
  | BoundRule;

export interface CriteriaIssue {
  /** Into the tree as it was given, e.g. ["items", 2, "field"]: the exact part to point at. */
  readonly path: readonly (string | number)[];
  readonly rule: CriteriaRule;
  readonly message: string;
  /** For invalid_filter from a filter string: the 0-based offset of the problem in it. */
  readonly position?: number;
}

/** Every issue of a tree at once, so the author can fix them in one go. */
export class CriteriaError extends Error {
  override readonly name = "CriteriaError";
  constructor(readonly issues: readonly CriteriaIssue[]) {
    super(
      issues.length === 1
        ? `criteria: ${issues[0]?.message ?? ""}`
        : `criteria: ${issues.length} problems, the first: ${issues[0]?.message ?? ""}`,
    );
  }
}
