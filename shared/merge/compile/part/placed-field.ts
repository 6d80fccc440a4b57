import type { FieldExpr } from "../../fields/field-instruction";
import type { FieldUse } from "../../template-report";
import { mergeFieldsOf } from "../field-tree";

/** A field the merge fills, where it stands: what the template reports and what rows repeat on. */
export interface PlacedField {
  /** Its first token: uses are listed in document order. */
  readonly at: number;
  readonly expr: FieldExpr;
  /** Inside an IF that is itself merged (the IF's own merge fields count as inside). */
  readonly insideIf: boolean;
  /** The index of the table row it stands in (scan.rows); -1 outside rows. */
  readonly row: number;
  readonly form: FieldUse["form"];
}

/** Every merge field of the placed fields, in document order (an IF's in the order it names them). */
export const fieldUses = (placed: readonly PlacedField[], part: string): FieldUse[] => {
  const positioned: { at: number; use: FieldUse }[] = [];
  for (const field of placed) {
    mergeFieldsOf(field.expr, field.insideIf, (merge, insideIf) =>
      positioned.push({
        at: field.at,
        use: {
          name: merge.name,
          form: field.form,
          part,
          switches: merge.switches.raw,
          insideIf,
          inTableRow: field.row >= 0,
        },
      }),
    );
  }
  positioned.sort((a, b) => a.at - b.at);
  return positioned.map((p) => p.use);
};
