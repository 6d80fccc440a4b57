import { ApiError, ApiUnreachableError } from "./errors";

/**
 * A long request lost its server (no answer at all, or a gateway's 502-504): the server may have
 * died mid-job, and the job, not the request, tells how the work ended. A 503 with a problem
 * body is the API's own answer (no merge thread or converter free): the job never began.
 */
export const lostServer = (error: unknown): boolean =>
  error instanceof ApiUnreachableError ||
  (error instanceof ApiError &&
    (error.status === 502 ||
      error.status === 504 ||
      (error.status === 503 && error.problem === undefined)));

/** How long reads of the job may go unanswered in a row before the pane gives up on the server. */
const GIVE_UP_MS = 60_000;

/**
 * Reads a job whose request lost its server until it is no longer running (a job whose server
 * died ends failed once its lease runs out), handing each read to `onJob`. Throws `lost` when
 * the job was never written (404: the server died before it began) or the server stays out of
 * reach for a minute.
 */
export const followAfterLostServer = async <J extends { readonly status: string }>(
  read: () => Promise<J>,
  onJob: (job: J) => void,
  pause: () => Promise<void>,
  pollMs: number,
  lost: unknown,
): Promise<J> => {
  const unansweredReads = Math.ceil(GIVE_UP_MS / pollMs);
  for (let unanswered = 0; unanswered < unansweredReads;) {
    await pause();
    try {
      const job = await read();
      onJob(job);
      if (job.status !== "running" && job.status !== "queued") return job;
      unanswered = 0;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw lost;
      unanswered++;
    }
  }
  throw lost;
};
