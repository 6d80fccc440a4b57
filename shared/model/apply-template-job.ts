import { z } from "zod";
import { Code, IsoDateTime } from "./common";
import { JobFailure } from "./job-failure";

/**
 * Applying an interaction template to a segment (POST /segments/{no}/apply-template) as a job:
 * the header takes the template first, then its lines in pages, so the pane can show how far it
 * is and stop it between pages.
 */
export const ApplyTemplateJob = z.object({
  id: z.string(),
  segmentNo: Code,
  interactionTemplateCode: Code,
  updateLines: z.boolean(),
  status: z.enum(["running", "done", "failed", "canceled"]).meta({
    description:
      "failed: the server stopped while applying (its lease ran out) or an error ended it; lines already updated stay updated, and applying the same template again finishes the rest.",
  }),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).meta({
    description: "Lines gone through, of the segment's lines (0 of 0 without updateLines).",
  }),
  changed: z.number().int().meta({
    description: "Lines that took the template's values (the others had them already).",
  }),
  error: z.string().optional(),
  failure: JobFailure.optional().meta({
    description:
      "Why a failed job failed. server_stopped: the server running it stopped (its lease ran out); lines already updated stay updated, and applying the same template again finishes the rest. error: an error ended it (see error).",
  }),
  startedBy: z.string().optional(),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.optional(),
});
export type ApplyTemplateJob = z.infer<typeof ApplyTemplateJob>;

export const ApplyTemplateJobParams = z.object({
  id: z.uuid({ message: "must be an apply-template job id (a UUID)" }),
});
