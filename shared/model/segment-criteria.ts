import { z } from "zod";
import { CriteriaTree } from "../criteria/criteria-tree";
import { Code, IsoDate, text } from "./common";
import { CriteriaAction, CriteriaOptions } from "./criteria-action";
import { ExplainedCriteria } from "./explained-criteria";
import { SavedCriteria } from "./saved-criteria";

/** Add, Reduce or Refine Contacts: a criteria tree, the dialog's options, and dry run for a live count. */
export const ApplyCriteriaRequest = z.object({
  filter: CriteriaTree,
  options: CriteriaOptions.default({
    allowExistingContacts: false,
    expandCompanies: false,
    allowRelatedCompanies: false,
    ignoreExclusion: false,
    entireCompanies: false,
  }),
  description: text(250)
    .optional()
    .meta({ description: "Shown in the list of criteria actions; derived when absent." }),
  dryRun: z
    .boolean()
    .default(false)
    .meta({ description: "Count what would change; change nothing." }),
});
export type ApplyCriteriaRequest = z.infer<typeof ApplyCriteriaRequest>;

export const ActionOutcome = z.object({
  dryRun: z.boolean(),
  linesAdded: z.number().int().min(0),
  linesRemoved: z.number().int().min(0),
  noOfLines: z
    .number()
    .int()
    .min(0)
    .meta({ description: "Lines on the segment after the action (or after it would run)." }),
  action: CriteriaAction.optional().meta({
    description: "The recorded action; absent on a dry run.",
  }),
});
export type ActionOutcome = z.infer<typeof ActionOutcome>;

export const GoBackRequest = z.object({
  actionNo: z.number().int().min(1).optional().meta({
    description:
      "The action you saw last; if someone added another since, nothing is undone (409).",
  }),
});

export const GoBackOutcome = z.object({
  undone: CriteriaAction,
  linesDeleted: z.number().int(),
  linesRestored: z.number().int(),
  noOfLines: z.number().int(),
});
export type GoBackOutcome = z.infer<typeof GoBackOutcome>;

export const SaveCriteriaRequest = z.object({ code: Code, description: text(100).default("") });

export const ReuseCriteriaRequest = z.object({
  code: Code,
  confirm: z
    .boolean()
    .default(false)
    .meta({ description: "Required when the segment already has criteria actions." }),
  dryRun: z.boolean().default(false),
});

export const ReuseOutcome = z.object({
  dryRun: z.boolean(),
  steps: z.array(ActionOutcome),
  noOfLines: z.number().int(),
});

export const ReuseSegmentRequest = z.object({
  loggedSegmentEntryNo: z.number().int().min(1),
  options: ApplyCriteriaRequest.shape.options,
  dryRun: z.boolean().default(false),
});

export const Explanation = z.object({
  lineNo: z.number().int(),
  contactNo: Code,
  action: CriteriaAction.optional().meta({ description: "The action that put the line here." }),
  via: z.enum([
    "criteria",
    "expandedCompany",
    "relatedCompany",
    "manual",
    "refresh",
    "beforeCriteria",
  ]),
  viaContactNo: Code.optional().meta({
    description: "The company or person the contact came with.",
  }),
  reasons: ExplainedCriteria.optional().meta({
    description:
      "The action's conditions as typed, each marked with whether the contact meets it today; only the deciding ones. Absent when the action had no conditions (by hand, a refresh) or the contact is gone.",
  }),
  stillMatches: z
    .boolean()
    .optional()
    .meta({ description: "Whether the contact matches the action's criteria today." }),
  evaluatedOn: IsoDate,
});
export type Explanation = z.infer<typeof Explanation>;

export const RefreshRequest = z.object({
  apply: z.boolean().default(false).meta({ description: "false: show the difference only." }),
});

export const RefreshOutcome = z.object({
  applied: z.boolean(),
  toAdd: z.array(z.object({ contactNo: Code, name: text(100) })),
  toRemove: z.array(z.object({ lineNo: z.number().int(), contactNo: Code, name: text(100) })),
  noOfLines: z.number().int(),
  action: CriteriaAction.optional(),
});
export type RefreshOutcome = z.infer<typeof RefreshOutcome>;

export const SavedCriteriaParams = z.object({ code: Code });
export { SavedCriteria };
