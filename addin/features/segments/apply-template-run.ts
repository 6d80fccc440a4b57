import type { ApplyTemplateJob } from "@shared/model/apply-template-job";
import type { Segment } from "@shared/model/segment";
import type { ApiClient } from "../../api/client";
import { ApiError } from "../../api/errors";
import { newJobId } from "../../api/new-job-id";

const POLL_MS = 500;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ApplyTemplateRun {
  /** The job's id, chosen here: what Cancel posts to. */
  readonly jobId: string;
  /** Ends with the segment the server answered and the job as it ended. */
  readonly done: Promise<{ readonly segment: Segment; readonly job: ApplyTemplateJob }>;
  /** Asks the server to stop after the page of lines in hand (the request then answers). */
  cancel(): void;
}

/**
 * Applies an interaction template to the segment (and its lines) as the server's job: the pane
 * chooses the job's id and polls /apply-template-jobs/{id} for progress while the request that
 * runs the job is open. Cancel does not drop the request: the server stops between pages and
 * then answers with the header it wrote, which the pane still wants.
 */
export const runApplyTemplate = (
  client: ApiClient,
  segment: Pick<Segment, "no" | "etag">,
  body: { interactionTemplateCode: string; updateLines: boolean },
  onProgress: (job: ApplyTemplateJob) => void,
  pollMs = POLL_MS,
): ApplyTemplateRun => {
  const jobId = newJobId();
  let answered = false;
  const request = client("applyTemplate", {
    params: { no: segment.no },
    body: { ...body, jobId },
    ifMatch: segment.etag,
  }).finally(() => {
    answered = true;
  });
  const readJob = () => client("getApplyTemplateJob", { params: { id: jobId } });
  const watch = async () => {
    while (!answered) {
      await pause(pollMs);
      if (answered) return;
      try {
        const job = await readJob();
        if (!answered) onProgress(job);
      } catch (error) {
        // 404: the server has not written the job yet (it checks the segment first).
        if (!(error instanceof ApiError && error.status === 404)) return;
      }
    }
  };
  const watching = watch();
  const done = (async () => {
    const updated = await request;
    await watching;
    const job = await readJob();
    onProgress(job);
    return { segment: updated, job };
  })();
  const cancel = () => {
    void (async () => {
      // A cancel before the server wrote the job is asked again until the job exists.
      for (let tries = 0; tries < 30 && !answered; tries++) {
        try {
          await client("cancelApplyTemplateJob", { params: { id: jobId } });
          return;
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 404)) return;
          await pause(pollMs);
        }
      }
    })();
  };
  return { jobId, done, cancel };
};
