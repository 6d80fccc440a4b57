/**
 * Each letter's mark in a one-document merge: an empty body-level bookmark before the letter's
 * first paragraph. Its id sits far above the ids the engine allocates for the template's own
 * bookmarks (which count from the template's largest), so the two never meet.
 */
const FIRST_ID = 2_000_000_000;

/** "_MlLetter000001": hidden (leading underscore) as Word hides its own, numbered from 1. */
export const letterBookmarkName = (index: number): string =>
  `_MlLetter${String(index + 1).padStart(6, "0")}`;

/** The letter's number (from 1) a bookmark name marks, or undefined for any other bookmark. */
export const letterOfBookmark = (name: string): number | undefined => {
  const match = /^_MlLetter(\d{6,})$/.exec(name);
  return match ? Number(match[1]) : undefined;
};

export const letterBookmark = (index: number): string => {
  const id = FIRST_ID + index;
  return `<w:bookmarkStart w:id="${id}" w:name="${letterBookmarkName(index)}"/><w:bookmarkEnd w:id="${id}"/>`;
};
