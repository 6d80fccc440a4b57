/** One value of a merge field, as the caller (server or task pane) has it. */
export type MergeValue = string | number | boolean | Date | null | undefined;

export type MergeValues = Readonly<Record<string, MergeValue>>;

/** One letter's data: a contact with its company, segment line, salesperson and template fields. */
export interface MergeRecord {
  readonly values: MergeValues;
  /** BCP 47, e.g. "da-DK" or "en-US": how dates, numbers and yes/no are written. */
  readonly language?: string;
  /** For per-contact files: the base name, e.g. the contact's name (sanitized by the engine). */
  readonly fileName?: string;
  /** One-to-many data, e.g. { opportunities: [{ description, amount }, ...] }, for repeated table rows. */
  readonly rows?: Readonly<Record<string, readonly MergeValues[]>>;
}
