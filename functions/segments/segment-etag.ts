import { sameEtag } from "../store/document-store";

/**
 * A segment's ETag is its header's and the version of its lines, so that a Log sent with the ETag
 * read at two lines is refused once a third was added. Header changes (PATCH, Apply Template,
 * Delete) compare only the header's part, as before lines counted: adding a line does not make
 * a pending header edit stale.
 */
const separator = "~lines-";

const bare = (etag: string) => etag.replace(/^W\//, "").replace(/"/g, "");

export const segmentEtag = (headerEtag: string, linesVersion: number): string =>
  `"${bare(headerEtag)}${separator}${linesVersion}"`;

/** The header's own ETag inside a segment's (or the header's ETag itself), quoted as stored. */
export const headerEtagOf = (etag: string): string => {
  const inner = bare(etag);
  const at = inner.lastIndexOf(separator);
  return `"${at < 0 ? inner : inner.slice(0, at)}"`;
};

/** Whether a segment's ETag names this header and these lines; a header's alone does not. */
export const sameSegmentEtag = (
  headerEtag: string,
  linesVersion: number,
  ifMatch: string,
): boolean => sameEtag(segmentEtag(headerEtag, linesVersion), ifMatch);
