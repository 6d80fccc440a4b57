import { z } from "zod";
import { ContactType } from "./contact";
import { ProblemError } from "./problem";
import { isReservedKey, reservedKeyRule } from "./reserved-keys";

/**
 * Where a CSV column goes: a contact field name (no, name, email, ...), `custom.<key>` for a
 * custom field, or "" to ignore the column. List fields (mailingGroups, ...) take values
 * separated by "|" or ",".
 */
export const ImportTarget = z
  .string()
  .regex(/^$|^[a-zA-Z][a-zA-Z0-9]*$|^custom\.[A-Za-z][A-Za-z0-9_]{0,49}$/, {
    message: "must be a contact field name, custom.<key>, or empty to ignore the column",
  })
  .refine((target) => !isReservedKey(target.replace(/^custom\./, "")), {
    message: "constructor and prototype name JavaScript's object machinery; choose another key",
    params: { rule: reservedKeyRule },
  });

export const ContactImportOptions = z.object({
  mapping: z.record(z.string().max(200), ImportTarget).optional().meta({
    description:
      "CSV header -> contact field. Absent: headers are matched by field name and common English and Danish column names.",
  }),
  delimiter: z
    .enum([",", ";", "\t"])
    .optional()
    .meta({ description: "Detected from the header row when absent." }),
  defaultType: ContactType.default("person").meta({
    description: "Type of rows without a type column.",
  }),
  dryRun: z
    .boolean()
    .default(false)
    .meta({ description: "Validate and report only; write nothing." }),
  jobId: z.uuid().optional().meta({
    description:
      "Choose the import's job id (a UUID) to follow it at /contact-import-jobs/{id} while this request runs and to cancel it there; the same id posted again answers that job and imports nothing twice. Not with dryRun.",
  }),
});
export type ContactImportOptions = z.infer<typeof ContactImportOptions>;

export const ContactImportRequest = ContactImportOptions.extend({
  csv: z.string().min(1, { message: "must not be empty" }),
});
export type ContactImportRequest = z.infer<typeof ContactImportRequest>;

export const ImportRowOutcome = z.object({
  row: z.number().int().min(1).meta({ description: "1-based data row (the header is row 0)." }),
  no: z.string().optional(),
  status: z.enum(["invalid", "duplicate"]),
  errors: z.array(ProblemError),
});

export const ContactImportResult = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  dryRun: z.boolean(),
  mapping: z.record(z.string(), ImportTarget).meta({ description: "The mapping that was used." }),
  problems: z
    .array(ImportRowOutcome)
    .meta({ description: "Every row that was not imported, and why." }),
  jobId: z.string().optional().meta({ description: "The job's id, when the request chose one." }),
  status: z.enum(["running", "done", "failed", "canceled"]).optional().meta({
    description:
      "With a jobId: canceled when the job was stopped between pages (the rows imported until then stay); running when the same id is posted while the first request still works.",
  }),
});
export type ContactImportResult = z.infer<typeof ContactImportResult>;
