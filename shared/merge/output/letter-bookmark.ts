/**
 * Each letter's mark in a one-document merge made for PDF: an empty bookmark at the start of
 * the letter's first paragraph. LibreOffice places a body-level bookmark (between paragraphs)
 * on the previous letter's page, so the mark goes inside the paragraph, after its properties.
 * Ids sit far above those the engine allocates for the template's own bookmarks.
 */
const FIRST_ID = 2_000_000_000;

/**
 * "MergelineLetter000001", numbered from 1. No leading underscore (Word's mark for a hidden
 * bookmark): LibreOffice escapes it in the PDF's destination names.
 */
export const letterBookmarkName = (index: number): string =>
  `MergelineLetter${String(index + 1).padStart(6, "0")}`;

/** The letter's number (from 1) a bookmark name marks, or undefined for any other bookmark. */
export const letterOfBookmark = (name: string): number | undefined => {
  const match = /^MergelineLetter(\d{6,})$/.exec(name);
  return match ? Number(match[1]) : undefined;
};

const bookmark = (index: number): string => {
  const id = FIRST_ID + index;
  return `<w:bookmarkStart w:id="${id}" w:name="${letterBookmarkName(index)}"/><w:bookmarkEnd w:id="${id}"/>`;
};

/** The first paragraph's start tag (not w:pPr, w:pict...). */
const PARAGRAPH = /<w:p(?=[ >/])[^>]*>/;

/**
 * The letter rendered into out[from..] with its bookmark inside its first paragraph: the
 * letter's strings are joined into one (only when marking letters) and edited there.
 */
export const markLetter = (out: string[], from: number, index: number): void => {
  const xml = out.splice(from).join("");
  const open = PARAGRAPH.exec(xml);
  if (!open) {
    out.push(xml);
    return;
  }
  let at = open.index + open[0].length;
  if (open[0].endsWith("/>")) {
    out.push(`${xml.slice(0, open.index)}<w:p>${bookmark(index)}</w:p>${xml.slice(at)}`);
    return;
  }
  if (/^<w:pPr\s*\/>/.test(xml.slice(at))) at = xml.indexOf(">", at) + 1;
  else if (/^<w:pPr[ >]/.test(xml.slice(at, at + 8))) at = xml.indexOf("</w:pPr>", at) + 8;
  out.push(xml.slice(0, at) + bookmark(index) + xml.slice(at));
};
