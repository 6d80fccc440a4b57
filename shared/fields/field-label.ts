/** A field's name as people read it, in the pane's two languages. */
export interface FieldLabel {
  readonly "en-US": string;
  readonly "da-DK": string;
}

export const fieldLabel = (enUs: string, daDk: string): FieldLabel => ({
  "en-US": enUs,
  "da-DK": daDk,
});
