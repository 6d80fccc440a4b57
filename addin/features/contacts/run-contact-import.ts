import type { ContactImportResult } from "@shared/model/contact-import";
import type { ContactImportJob } from "@shared/model/contact-import-job";
import type { ApiClient } from "../../api/client";
import { ApiError } from "../../api/errors";
import { followAfterLostServer, lostServer } from "../../api/follow-lost-job";

const POLL_MS = 500;
/** Asks this often to cancel while the server has not written the job yet (it reads the file first). */
const CANCEL_TRIES = 30;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ContactImportRun {
  /** The job when the import has ended (done, canceled or failed); the request's problem otherwise. */
  readonly ended: Promise<ContactImportJob>;
  /** Asks the server to stop after the page it writes; what it wrote stays. */
  cancel(): Promise<void>;
}

/**
 * The server's import under a job id the pane chooses: the request stays open until the import
 * ends, meanwhile the pane reads /contact-import-jobs/{id} for its progress (a 404 only means
 * the server is still reading the file). Cancel is a request of its own, asked again until the
 * job exists, because dropping the import's request would not stop the server. When the request
 * loses its server, the pane says so (`onServerLost`) and reads the job on until it ends: a job
 * whose server died ends failed once its lease runs out, with the contacts created so far.
 */
export const runContactImport = (
  client: ApiClient,
  jobId: string,
  csv: string,
  onProgress: (job: ContactImportJob) => void,
  pollMs = POLL_MS,
  onServerLost: () => void = () => undefined,
): ContactImportRun => {
  let answered = false;
  let over = false;
  const request: Promise<ContactImportResult> = client("importContacts", {
    body: { csv, jobId },
  }).finally(() => {
    answered = true;
  });
  const read = () => client("getContactImportJob", { params: { id: jobId } });
  const poll = async () => {
    while (!answered) {
      await pause(pollMs);
      if (answered) return;
      try {
        const job = await read();
        if (!answered && job.status === "running") onProgress(job);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) return;
      }
    }
  };
  const polling = poll();
  /** Reads the job until it is no longer running; the request's error if it cannot be read. */
  const followAfter = (lost: unknown): Promise<ContactImportJob> => {
    onServerLost();
    return followAfterLostServer(read, onProgress, () => pause(pollMs), pollMs, lost);
  };
  const ended = (async () => {
    try {
      await request;
    } catch (error) {
      if (!lostServer(error)) throw error;
      await polling;
      return await followAfter(error);
    }
    await polling;
    const job = await read();
    onProgress(job);
    return job;
  })().finally(() => {
    over = true;
  });
  const cancel = async () => {
    for (let tries = 0; tries < CANCEL_TRIES && !over; tries++) {
      try {
        await client("cancelContactImportJob", { params: { id: jobId } });
        return;
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
        await pause(pollMs);
      }
    }
  };
  return { ended, cancel };
};
