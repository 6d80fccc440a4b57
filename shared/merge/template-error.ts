/**
 * Why a template was refused. The API maps every code to a 4xx problem+json answer (422 for a
 * file that is not a usable Word document, 413 for the size limits), so each code is stable.
 */
export type TemplateErrorCode =
  /** Neither a zip package nor flat-OPC XML. */
  | "not_a_zip"
  /** An OLE compound file: a legacy .doc or a password-protected (encrypted) .docx. */
  | "legacy_or_encrypted"
  /** A zip whose directory or data cannot be read, or that uses a method other than deflate. */
  | "corrupt_zip"
  /** A package without [Content_Types].xml or without a WordprocessingML main document. */
  | "not_word"
  /** The package, or its unzipped parts together, exceed the size limit. */
  | "too_large"
  | "too_many_parts"
  /** A part inflates far more than documents do: the signature of a zip bomb. */
  | "compression_ratio"
  /** A DOCTYPE or ENTITY declaration: refused outright, so nothing is ever expanded or fetched. */
  | "dtd_refused"
  /** A part that is not well-formed XML, or not valid UTF-8/UTF-16 text. */
  | "corrupt_xml";

export class TemplateError extends Error {
  override readonly name = "TemplateError";
  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    /** The package part at fault, e.g. "word/document.xml", when there is one. */
    readonly part?: string,
  ) {
    super(message);
  }
}
