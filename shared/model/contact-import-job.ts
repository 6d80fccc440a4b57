import { z } from "zod";
import { IsoDateTime } from "./common";
import { ImportRowOutcome, ImportTarget } from "./contact-import";
import { JobFailure } from "./job-failure";

/** How many rows a problem group names; the job's `problems` hold the details. */
export const importGroupRowsShown = 20;

/** How many row problems a job keeps in full (its document must stay far below 2 MB). */
export const importJobProblemsKept = 500;

/**
 * One kind of row problem with how often it occurs: 2,000 rows with an unknown mailing group
 * are one group, not 2,000 lines. Grouped by rule and field, as the Log's problems are.
 */
export const ImportProblemGroup = z.object({
  rule: z.string().meta({ description: "The rule the rows break (unique, required, too_big...)." }),
  field: z.string().meta({ description: "The contact field it is about; empty for the row." }),
  status: z.enum(["invalid", "duplicate"]),
  count: z.number().int().min(1),
  rows: z
    .array(z.number().int())
    .max(importGroupRowsShown)
    .meta({ description: `The first ${importGroupRowsShown} data rows it is about.` }),
  message: z.string().meta({ description: "The first problem's message, as an example." }),
});
export type ImportProblemGroup = z.infer<typeof ImportProblemGroup>;

export const ContactImportJobStatus = z.enum(["running", "done", "failed", "canceled"]);

/**
 * A contact import followed while it runs: the client chose its id and sent it with
 * POST /contacts/import. Rows are written a page at a time; a cancel stops it between pages
 * and what was written until then stays, counted in `created`.
 */
export const ContactImportJob = z.object({
  id: z.string(),
  status: ContactImportJobStatus,
  progress: z.object({
    done: z.number().int().meta({ description: "Rows settled: written, or stopped by a check." }),
    total: z.number().int().meta({ description: "The file's data rows." }),
  }),
  created: z.number().int().meta({ description: "Contacts created so far." }),
  skipped: z.number().int().meta({
    description:
      "Rows not imported because the contact is already there (same No. or e-mail; a row with neither: the same row of the same file was imported before): a re-run of a file skips what the first run created.",
  }),
  failed: z
    .number()
    .int()
    .meta({ description: "Rows not imported because a value breaks a rule." }),
  problemGroups: z.array(ImportProblemGroup).meta({
    description: "Every row problem, by rule and field, most frequent first.",
  }),
  problems: z
    .array(ImportRowOutcome)
    .max(importJobProblemsKept)
    .meta({
      description: `The first ${importJobProblemsKept} problem rows in full (row, field, rule, message).`,
    }),
  problemsOmitted: z.number().int().meta({
    description: "Problem rows beyond those kept in `problems` (all are counted in the groups).",
  }),
  mapping: z.record(z.string(), ImportTarget),
  error: z.string().optional(),
  failure: JobFailure.optional().meta({
    description:
      "Why a failed job failed. server_stopped: the server running it stopped (its lease ran out); the contacts created stay, and importing the same file again adds only the rows missing. error: an error ended it (see error).",
  }),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.optional(),
});
export type ContactImportJob = z.infer<typeof ContactImportJob>;

export const ContactImportJobParams = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: "must be an import job id" }),
});
