import { z } from "zod";
import { IsoDateTime } from "./common";

/**
 * Everything that changes a segment's lines (a header change goes on to them) or logs it: one at
 * a time per segment (functions/segments/segment-lock.ts).
 */
export const SegmentOperation = z.enum([
  "addContacts",
  "reduceContacts",
  "refineContacts",
  "reuseSegment",
  "reuseCriteria",
  "refresh",
  "goBack",
  "addLine",
  "removeLine",
  "changeLine",
  "changeHeader",
  "changeLanguages",
  "applyTemplate",
  "changeLineLetter",
  "keepLetters",
  "log",
  "deleteSegment",
]);
export type SegmentOperation = z.infer<typeof SegmentOperation>;

/** Who holds a busy segment, doing what, since when and until when: for the caller to say. */
export const SegmentBusy = z.object({
  holder: z.string().min(1).optional().meta({
    description:
      "The holder's display name (else the name they sign in with); absent when the server knows no name for them.",
  }),
  byYou: z.boolean().meta({
    description:
      "The holder is the caller: the same user in another window or tab, or an earlier action of theirs that still runs.",
  }),
  operation: SegmentOperation.meta({ description: "What the holder is doing." }),
  since: IsoDateTime.meta({ description: "When the holder took the segment." }),
  leaseUntil: IsoDateTime.meta({
    description:
      "When the holder's lease ends unless it is renewed; a holder still working renews it, so this is the earliest moment worth trying again.",
  }),
});
export type SegmentBusy = z.infer<typeof SegmentBusy>;
