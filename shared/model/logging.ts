import { z } from "zod";
import {
  Code,
  Evaluation,
  IsoDate,
  IsoDateTime,
  PageQuery,
  listParam,
  queryBoolean,
} from "./common";
import { InteractionLogEntry } from "./interaction-log-entry";
import { IssueGroup } from "./issue-group";
import { LoggedSegment } from "./logged-segment";
import { SendAttachments } from "./delivery";

/** Log a segment: one interaction log entry per line and one logged segment, exactly once. */
export const LogRequest = z.object({
  followUp: z
    .boolean()
    .default(false)
    .meta({ description: "Also create a follow-up segment with the same contacts and campaign." }),
  sendAttachments: SendAttachments.optional().meta({
    description:
      "Business Central's Send Attachments: after the entries are written, the e-mail lines go out as a send job (LogOutcome.sendJobId), exactly once with the same Idempotency-Key.",
  }),
});

/**
 * A line that fails Log's checks; every failing line is reported at once. fields_unmatched is
 * about a template letter the Log would copy: one problem per field of that letter, on the first
 * line that goes out with it.
 */
export const LogProblem = z.object({
  lineNo: z.number().int(),
  contactNo: Code,
  field: z.string(),
  rule: z.enum([
    "contact_exists",
    "salesperson_set",
    "template_set",
    "description_present",
    "email_address",
    "attachment_exists",
    "fields_unmatched",
  ]),
  message: z.string(),
  templateCode: Code.optional().meta({
    description: "fields_unmatched: the interaction template whose letter has the field.",
  }),
  languageCode: z.string().optional().meta({
    description: "fields_unmatched: the language of that letter (its Match Fields are per letter).",
  }),
  letterField: z.string().optional().meta({
    description:
      "fields_unmatched: the letter's field that is not Mergeline's, neither matched nor left empty.",
  }),
});
export type LogProblem = z.infer<typeof LogProblem>;

export const LogCheck = z.object({
  lines: z.number().int(),
  problems: z.array(LogProblem),
  groups: z.array(IssueGroup).default([]).meta({
    description: "The problems by rule: count, the first lines, a hint for the fix.",
  }),
});

export const LogOutcome = z.object({
  loggedSegment: LoggedSegment,
  sendJobId: z.string().optional().meta({
    description: "The send job of a Log with sendAttachments: follow it at /send-jobs/{id}.",
  }),
  followUpSegmentNo: Code.optional(),
  replayed: z
    .boolean()
    .meta({ description: "true when this answered a retry of a Log that had already finished." }),
});
export type LogOutcome = z.infer<typeof LogOutcome>;

export const LogStatus = z.object({
  status: z.enum(["notStarted", "writing", "abandoned", "done"]).meta({
    description:
      "abandoned: the Log stopped before it finished (its process died) and its lease ran out; anyone may finish it with POST /segments/{no}/log/resume, or a Log with the segment's current ETag.",
  }),
  written: z.number().int(),
  total: z.number().int(),
  loggedSegmentEntryNo: z.number().int().optional(),
  startedBy: z
    .string()
    .optional()
    .meta({ description: "The user who started the Log: their id (the token's oid)." }),
  startedByName: z.string().optional().meta({
    description:
      "The name of the user who started the Log (the token's name, else sign-in name); absent when the token had neither.",
  }),
  startedAt: IsoDateTime.optional(),
  loggingBy: z.string().optional().meta({
    description:
      "While writing: the name of the user whose request is logging now; absent when their token had none.",
  }),
  leaseEndsAt: IsoDateTime.optional().meta({
    description:
      "While writing: when the Log's hold on the segment runs out unless its process renews it.",
  }),
});
export type LogStatus = z.infer<typeof LogStatus>;

export const LoggedSegmentParams = z.object({ entryNo: z.coerce.number().int().min(1) });
export const LoggedSegmentListQuery = PageQuery.extend({
  search: z.string().trim().max(100).optional().meta({
    description:
      "The entry No. (all digits), or the start of the segment No., or part of the description.",
  }),
  segmentNo: Code.optional(),
  canceled: queryBoolean.optional(),
});

export const InteractionListQuery = PageQuery.extend({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  interactionTemplateCode: listParam.optional(),
  campaignNo: Code.optional(),
  segmentNo: Code.optional(),
  salespersonCode: Code.optional(),
  includeCanceled: queryBoolean.default(false),
  includeCompanyPersons: queryBoolean
    .default(true)
    .meta({ description: "For a company: also the entries of its persons." }),
});

export const InteractionParams = z.object({
  contactNo: Code,
  entryNo: z.coerce.number().int().min(1),
});
export const InteractionPatch = z.object({ evaluation: Evaluation.nullable() });

export const StatisticsQuery = z.object({
  by: z.enum(["template", "campaign"]),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const StatisticsRow = z.object({
  key: z.string().meta({ description: "The template code or campaign No. (empty: none)." }),
  count: z.number().int(),
  cost: z.number(),
  duration: z.number(),
});
export const Statistics = z.object({ items: z.array(StatisticsRow) });

export const ApplyTemplateRequest = z.object({
  interactionTemplateCode: Code,
  updateLines: z.boolean().default(false).meta({
    description: "Also update the lines, as Business Central asks on changing the template.",
  }),
  jobId: z.uuid().optional().meta({
    description:
      "Choose the job's id, to follow the lines' progress at /apply-template-jobs/{id} (and cancel it) while this request runs; a repeat with the same id applies nothing again and answers the segment as it is.",
  }),
});

export { InteractionLogEntry, LoggedSegment };
