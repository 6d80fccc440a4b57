import mammoth from "mammoth";

export interface LetterHtml {
  /** The letter's body as HTML, its pictures inline as data: URIs. */
  readonly body: string;
  /** The plain-text alternative: the letter's text, paragraph by paragraph. */
  readonly text: string;
}

/**
 * A merged letter as an e-mail body, as Word's Merge to E-mail sends the document as HTML.
 * mammoth keeps the letter's structure (paragraphs, headings, lists, tables, bold, links) and
 * leaves out what HTML mail cannot carry (page layout, headers and footers); it never fetches
 * a linked file.
 */
export const letterAsHtml = async (docx: Uint8Array): Promise<LetterHtml> => {
  const buffer = Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength);
  const [html, raw] = await Promise.all([
    mammoth.convertToHtml({ buffer }, { externalFileAccess: false }),
    mammoth.extractRawText({ buffer }),
  ]);
  return { body: html.value, text: raw.value.replace(/\n{3,}/g, "\n\n").trim() };
};
