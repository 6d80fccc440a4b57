/** The general switches of a merge field, as written in its code. */
export interface FieldSwitches {
  /** `\*` arguments as written (Upper, MERGEFORMAT, roman...): ROMAN and roman differ. */
  readonly format: readonly string[];
  /** `\@` date-time picture. */
  readonly date?: string;
  /** `\#` numeric picture. */
  readonly number?: string;
  /** `\b`: text before, only when the result is not empty. */
  readonly before?: string;
  /** `\f`: text after, only when the result is not empty. */
  readonly after?: string;
  /** Every switch as written, e.g. ['\\* MERGEFORMAT', '\\@ "d MMMM yyyy"']. */
  readonly raw: readonly string[];
}
