import type { ApplyTemplateJob } from "@shared/model/apply-template-job";
import type { Segment } from "@shared/model/segment";
import { useCallback, useEffect } from "react";
import { useApi } from "../../api/api-context";
import { useAcknowledgeRun, usePaneRun, type RunEnding } from "../../ui/pane-runs";
import { runApplyTemplate, type ApplyTemplateRun } from "./apply-template-run";
import { useOpenSegment } from "./open-segment";

export interface ApplyTemplateRunState {
  /** The template being (or last) applied. */
  readonly code?: string;
  /** The server's job as last read. */
  readonly job?: ApplyTemplateJob;
  /** The request that runs the job is open. */
  readonly running: boolean;
  /** Cancel was asked: the server stops after the page of lines in hand. */
  readonly canceling: boolean;
  /** Why the apply was refused or failed. */
  readonly error?: unknown;
  /**
   * The run has ended and the open segment's header has not taken it in yet: the header the
   * server answered, and the etag the run started from.
   */
  readonly ended?: { readonly answer: Segment; readonly from: string };
}

const idle = (): ApplyTemplateRunState => ({ running: false, canceling: false });

/** How a job that did not finish its lines ended, as the shell tells it. */
const endingOf = (job: ApplyTemplateJob): RunEnding | undefined =>
  job.status === "canceled" || job.status === "failed" ? job.status : undefined;

/**
 * The open segment's template being applied to its lines, kept with the pane (as a merge is):
 * leaving the Details form or the Lines tab neither stops the server's job nor forgets it, and
 * coming back shows its progress or what it did. The header the server answered is taken in
 * when a form for that segment is on screen (never into another segment's), and only if nothing
 * changed the header since the run started; otherwise it is read again, so a newer header is
 * never overwritten by the run's older answer.
 *
 * Like a merge or a Log, the run shows in the shell while Details is not on screen ("BIG:
 * applying the template, 1,250 of 3,000 lines", then how it ended) and marks the Lines tab that
 * holds Details; the Details form uses this hook, so its being on screen acknowledges the end.
 */
export const useApplyTemplateRun = () => {
  const { client } = useApi();
  const { segment, reload, replace } = useOpenSegment();
  const key = `apply/${segment.no}`;
  const { state, set, scratch, setActivity, endActivity } = usePaneRun<
    ApplyTemplateRunState,
    { run?: ApplyTemplateRun }
  >(key, idle, () => ({}));
  useAcknowledgeRun(key);

  const { ended } = state;
  useEffect(() => {
    if (!ended) return;
    set(({ ended: _taken, ...current }) => current);
    if (segment.etag === ended.from) replace(ended.answer);
    else reload();
  }, [ended, segment.etag, set, replace, reload]);

  const start = useCallback(
    (code: string, updateLines: boolean, etag: string) => {
      const segmentNo = segment.no;
      set({ code, running: true, canceling: false });
      // The header alone is one write, not a run to follow from elsewhere.
      if (updateLines) setActivity({ segmentNo, kind: "apply" });
      const run = runApplyTemplate(
        client,
        { no: segmentNo, etag },
        { interactionTemplateCode: code, updateLines },
        (job) => {
          set((current) => ({ ...current, job }));
          if (job.status === "running" && job.progress.total > 0) {
            const { done, total } = job.progress;
            setActivity({ segmentNo, kind: "apply", done, total });
          }
        },
      );
      scratch.run = run;
      run.done.then(
        ({ segment: answer, job }) => {
          set((current) => ({ ...current, running: false, ended: { answer, from: etag } }));
          endActivity(endingOf(job));
        },
        (error: unknown) => {
          set((current) => ({ ...current, running: false, error }));
          endActivity("failed");
        },
      );
    },
    [client, segment.no, set, scratch, setActivity, endActivity],
  );

  const cancel = useCallback(() => {
    set((current) => ({ ...current, canceling: true }));
    scratch.run?.cancel();
  }, [set, scratch]);

  return { ...state, start, cancel };
};
