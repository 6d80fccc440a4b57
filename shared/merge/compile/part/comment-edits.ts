import type { Edit } from "../assemble-nodes";
import { tokenAt, type ScannedPart } from "./scanned-part";

/**
 * Comment marks (range starts and ends, references) are dropped: comments are review notes for
 * colleagues, not for the contact, and the merged package leaves their parts out.
 */
export const commentEdits = (part: ScannedPart): Edit[] =>
  part.scan.comments.map((index) => ({
    start: tokenAt(part, index).start,
    end: tokenAt(part, part.scan.closeOf[index] as number).end,
    nodes: [],
  }));
