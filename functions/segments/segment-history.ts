import { SegmentLoggedError } from "../errors/app-errors";
import type { SegmentHeader } from "../store/segment-repository";

/**
 * A logged segment is history (Business Central deletes the segment when it logs it): it no
 * longer answers as a segment, only as the logged segment it became. Log itself, its resume and
 * its status still find it, so a retried or stopped Log can finish.
 */
export const assertNotLogged = (header: SegmentHeader): SegmentHeader => {
  if (header.status === "logged")
    throw new SegmentLoggedError(header.no, header.loggedSegmentEntryNo);
  return header;
};
