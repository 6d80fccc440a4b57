import { endpoint } from "../endpoint";
import { ApplyTemplateJob, ApplyTemplateJobParams } from "../apply-template-job";

/** The job of an interaction template applied to a segment's lines (POST /segments/{no}/apply-template). */
export const applyTemplateJobEndpoints = {
  getApplyTemplateJob: endpoint({
    method: "GET",
    path: "/apply-template-jobs/{id}",
    tag: "Interactions",
    summary:
      "How far applying an interaction template to a segment's lines is: lines done of all, lines changed, and how it ended.",
    params: ApplyTemplateJobParams,
    response: ApplyTemplateJob,
    status: 200,
  }),
  cancelApplyTemplateJob: endpoint({
    method: "POST",
    path: "/apply-template-jobs/{id}/cancel",
    tag: "Interactions",
    summary:
      "Stop applying the template after the page of lines in hand: lines already updated stay updated (the job says how many); applying the same template again finishes the rest.",
    params: ApplyTemplateJobParams,
    response: ApplyTemplateJob,
    status: 200,
  }),
} as const;
