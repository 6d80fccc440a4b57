import { z } from "zod";
import { SegmentBusy } from "./segment-busy";

/** Where the faulty input was. */
export const ProblemLocation = z.enum(["path", "query", "header", "body"]);

export const ProblemError = z.object({
  in: ProblemLocation,
  field: z.string().meta({
    description:
      "Dotted path of the field, e.g. profileAnswers.0.answer; empty for the whole input.",
  }),
  rule: z
    .string()
    .meta({ description: "The rule it broke, e.g. too_big, invalid_format, required." }),
  message: z.string(),
  row: z
    .number()
    .int()
    .optional()
    .meta({ description: "For row-based input such as CSV: the 1-based data row." }),
  limit: z
    .number()
    .optional()
    .meta({ description: "When the rule is a limit: the limit, e.g. 100000 paragraphs." }),
  actual: z
    .number()
    .optional()
    .meta({ description: "When the rule is a limit: what the input has, e.g. 120000." }),
  // A reader that cannot read it (a newer server's operation) still has the entry and its rule.
  busy: SegmentBusy.optional().catch(undefined).meta({
    description:
      "When the rule is segment_busy: who holds the segment, doing what, since and until when.",
  }),
});
export type ProblemError = z.infer<typeof ProblemError>;

/** RFC 9457 problem details, with the invalid fields listed in `errors`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(ProblemError).optional(),
  loggedSegmentEntryNo: z.number().int().optional().meta({
    description:
      "When the segment asked for was logged: the logged segment it became (GET /logged-segments/{entryNo}).",
  }),
});
export type Problem = z.infer<typeof Problem>;
