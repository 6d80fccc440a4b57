import { z } from "zod";
import { IsoDateTime, text } from "./common";

/**
 * The letter a segment is merged with outside Word (browser, Teams): a .docx kept with the
 * segment on the server, so that it survives a reload and never follows the user to another
 * segment. Every upload is a new version; a write names the version it replaces (its ETag in
 * If-Match), so two colleagues never overwrite each other's letter silently (412).
 */
export const SegmentLetter = z.object({
  segmentNo: z.string(),
  fileName: text(255),
  /** 1 for the first upload, one more for each replacement. */
  version: z.number().int().positive(),
  /** The .docx's size in bytes. */
  size: z.number().int().nonnegative(),
  uploadedAt: IsoDateTime,
  /** Who uploaded this version (their user name or id). */
  uploadedBy: z.string(),
  etag: z.string(),
});
export type SegmentLetter = z.infer<typeof SegmentLetter>;
