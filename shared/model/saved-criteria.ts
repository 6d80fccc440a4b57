import { z } from "zod";
import { CriteriaNode } from "../criteria/criteria-tree";
import { Code, ServerStamp, text } from "./common";
import { CriteriaOptions } from "./criteria-action";

/** Business Central's Saved Segment Criteria: a replayable list of actions under a code. */
export const SavedCriteriaStep = z.object({
  kind: z.enum(["addContacts", "reduceContacts", "refineContacts", "reuseSegment"]),
  filter: CriteriaNode,
  options: CriteriaOptions,
  description: text(250).default(""),
});
export type SavedCriteriaStep = z.infer<typeof SavedCriteriaStep>;

export const SavedCriteriaFields = z.object({
  code: Code,
  description: text(100).default(""),
  steps: z.array(SavedCriteriaStep).min(1).max(100),
});

export const SavedCriteria = SavedCriteriaFields.extend(ServerStamp.shape);
export type SavedCriteria = z.infer<typeof SavedCriteria>;
