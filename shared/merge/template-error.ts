/**
 * Why a template was refused. The API maps every code to a 4xx problem+json answer (413 for the
 * size limits, 422 for a file that is not a usable Word document), so each code is stable.
 */
export type TemplateErrorCode =
  /** Neither a zip package nor flat-OPC XML. */
  | "not_a_zip"
  /** An OLE compound file: a legacy .doc or a password-protected (encrypted) .docx. */
  | "legacy_or_encrypted"
  /** A zip whose directory or data cannot be read, or that uses a method other than deflate. */
  | "corrupt_zip"
  /** A package part named outside the package: `..`, an absolute path, a drive, a backslash. */
  | "unsafe_part_name"
  /** A package without [Content_Types].xml or without a WordprocessingML main document. */
  | "not_word"
  /** The package, or its unzipped parts together, exceed the size limit. */
  | "too_large"
  | "too_many_parts"
  /** A part, or the package, inflates far more than documents do: the signature of a zip bomb. */
  | "compression_ratio"
  /** An XML part with more elements than the limit. */
  | "too_many_elements"
  /** A story part (body, header, footer, notes) with more paragraphs than the limit. */
  | "too_many_paragraphs"
  /** More fields and content controls in the letter than the limit. */
  | "too_many_fields"
  /** One text (a run's w:t, a field code) longer than the limit. */
  | "text_too_long"
  /** XML elements nested deeper than the limit. */
  | "too_deep"
  /** Fields nested in fields deeper than the limit. */
  | "fields_too_deep"
  /** A DOCTYPE or ENTITY declaration: refused outright, so nothing is ever expanded or fetched. */
  | "dtd_refused"
  /** A part that is not well-formed XML, or not valid UTF-8/UTF-16 text. */
  | "corrupt_xml"
  /** An ADDRESSBLOCK or GREETINGLINE switch Word would not accept (\c 7, \l Danish, an unclosed <<). */
  | "invalid_field_switch"
  /** NEXT, NEXTIF or SKIPIF inside another field (an IF's texts, a field's code). */
  | "record_field_nested"
  /** NEXTIF or SKIPIF without `expression operator expression`. */
  | "record_field_syntax"
  /** NEXT, NEXTIF or SKIPIF whose code runs over several paragraphs. */
  | "record_field_spans_paragraphs"
  /** A merge field (IF, MERGEFIELD, NEXT...) that begins and never ends: what follows it is unknowable. */
  | "field_not_closed";

/** A limit the letter went over: the limit and what the letter has. */
export interface LimitExceeded {
  readonly limit: number;
  readonly actual: number;
}

export class TemplateError extends Error {
  override readonly name = "TemplateError";
  /** For a limit: the limit (`limit`) and the letter's value (`actual`). */
  readonly limit: number | undefined;
  readonly actual: number | undefined;
  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    /** The package part at fault, e.g. "word/document.xml", when there is one. */
    readonly part?: string,
    exceeded?: LimitExceeded,
  ) {
    super(message);
    this.limit = exceeded?.limit;
    this.actual = exceeded?.actual;
  }
}
