/** Where and how a template uses a merge field (template.fields). */
export interface FieldUse {
  /** As written in the template. */
  readonly name: string;
  /** A Mergeline content control (tagged w:sdt) or a Word MERGEFIELD. */
  readonly form: "contentControl" | "mergeField";
  /** The package part, e.g. "word/document.xml", "word/header1.xml", "word/footnotes.xml". */
  readonly part: string;
  /** Switches as written, e.g. ['\\@ "d MMMM yyyy"', '\\* MERGEFORMAT']. */
  readonly switches: readonly string[];
  /** Part of an IF field (its condition or one of its texts). */
  readonly insideIf: boolean;
  /** In a table row that repeats for a record's one-to-many rows. */
  readonly inTableRow: boolean;
}

export type TemplateWarningCode =
  /** An IF or MERGEFIELD whose code or result runs over several paragraphs: left as a live field. */
  | "field_spans_paragraphs"
  /** A merge field code Word would not accept either: left as it is. */
  | "invalid_field_code"
  /** ASK, FILLIN, SET: prompting fields are not merged. */
  | "unsupported_field"
  /** NEXT, NEXTIF or SKIPIF in a header, footer or note: removed, as they do nothing there. */
  | "record_field_outside_body"
  /** A field begin without its end. */
  | "unterminated_field";

export interface TemplateWarning {
  readonly code: TemplateWarningCode;
  readonly part: string;
  /** The field code as written, trimmed. */
  readonly field: string;
  readonly message: string;
}
