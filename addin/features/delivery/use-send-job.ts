import type { SendJob } from "@shared/model/delivery";
import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../../api/api-context";

export const SEND_JOB_POLL_MS = 2000;

/** Sending, queued or waiting out a pause: the job still changes by itself. */
export const isLive = (job: SendJob): boolean =>
  job.state === "queued" || job.state === "sending" || job.state === "paused";

export interface SendJobWatch {
  readonly job?: SendJob;
  /** The last poll failed; polling goes on, the last known job stays shown. */
  readonly error?: unknown;
  /** Shows what an action (cancel, retry) answered, and polls again while it is live. */
  readonly replace: (job: SendJob) => void;
}

/**
 * GET /send-jobs/{id} while the job is live, every couple of seconds: the job runs on the
 * server's queue whatever the pane does, so polling only shows it. Polling stops when the job
 * is done or canceled, and when the view goes away; a failed poll is shown and tried again.
 */
export const useSendJob = (
  jobId: string,
  initial?: SendJob,
  pollMs = SEND_JOB_POLL_MS,
): SendJobWatch => {
  const { client } = useApi();
  const [job, setJob] = useState<SendJob | undefined>(initial);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  // The job known when polling (re)starts: a finished one needs no poll at all.
  const known = useRef(initial);
  // The poll in flight, dropped the moment an action's answer replaces the job: its answer was
  // read before the action, and React ends this effect only after it renders the new job.
  const polling = useRef<AbortController>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    polling.current = abort;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (ms: number) => {
      timer = setTimeout(() => void poll(), ms);
    };
    const poll = async () => {
      try {
        const next = await client("getSendJob", { params: { id: jobId }, signal: abort.signal });
        if (abort.signal.aborted) return;
        setJob(next);
        setError(undefined);
        if (!isLive(next)) return;
      } catch (caught) {
        if (abort.signal.aborted) return;
        setError(caught);
      }
      schedule(pollMs);
    };
    const start = known.current;
    if (!start || isLive(start)) schedule(start ? pollMs : 0);
    return () => {
      abort.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [client, jobId, pollMs, generation]);

  const replace = useCallback((next: SendJob) => {
    polling.current?.abort();
    known.current = next;
    setJob(next);
    setGeneration((g) => g + 1);
  }, []);
  return { job, error, replace };
};
