import type { LabelGridIssue } from "./label-grid-rules";

/** A label sheet that cannot be printed as given: each field at fault and the rule it breaks. */
export class LabelGridError extends Error {
  override readonly name = "LabelGridError";
  constructor(readonly issues: readonly LabelGridIssue[]) {
    super(
      `The label sheet cannot be printed: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}.`,
    );
  }
}
