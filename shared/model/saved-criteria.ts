import { z } from "zod";
import { Code, ServerStamp, text } from "./common";
import { CriteriaActionKind, CriteriaOptions } from "./criteria-action";

/** Business Central's Saved Segment Criteria: a replayable list of actions under a code. */
export const SavedCriteriaStep = z.object({
  kind: CriteriaActionKind.exclude(["manualAdd", "manualRemove", "reuseCriteria", "reuseSegment"]),
  filter: z.unknown(),
  options: CriteriaOptions,
});

export const SavedCriteriaFields = z.object({
  code: Code,
  description: text(100).default(""),
  steps: z.array(SavedCriteriaStep).min(1).max(100),
});

export const SavedCriteria = SavedCriteriaFields.extend(ServerStamp.shape);
export type SavedCriteria = z.infer<typeof SavedCriteria>;
