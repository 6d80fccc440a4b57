/// <reference types="office-js" />

/**
 * WordApi 1.3 brings application.createDocument (merges and template letters open as new
 * documents) and content-control ranges; the manifest asks only for 1.1.
 */
export const hasWordApi13 = (): boolean =>
  Office.context.requirements.isSetSupported("WordApi", "1.3");

/** The field's display in the document: Word's own chevrons around the name. */
export const fieldCode = (name: string): string => `«${name}»`;

/** Word turns "\n" into a new paragraph, which would split an inline field: a line break instead. */
export const asInlineText = (text: string): string => text.replace(/\r\n|\r|\n/g, "\v");
