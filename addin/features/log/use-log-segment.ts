import type { SendAttachments } from "@shared/model/delivery";
import type { LogOutcome } from "@shared/model/logging";
import { useCallback } from "react";
import { useApi } from "../../api/api-context";
import { ApiError } from "../../api/errors";
import { useAcknowledgeRun, usePaneRun } from "../../ui/pane-runs";

export interface LogProgress {
  readonly written: number;
  readonly total: number;
}

export type LogRun =
  | { phase: "idle" }
  | { phase: "logging"; progress?: LogProgress }
  | { phase: "done"; outcome: LogOutcome }
  | { phase: "failed"; error: unknown; retryable: boolean };

export const LOG_STATUS_POLL_MS = 500;

const newKey = (): string =>
  typeof crypto !== "undefined" && typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : // Old WebViews (Word 2016's IE-era hosts) lack randomUUID; uniqueness is all a key needs.
      `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

/**
 * Logs a segment exactly once, however often the user has to retry: one Idempotency-Key per
 * click, kept while the outcome is unknown (no answer, 5xx) so a retry finds what the first
 * attempt wrote; dropped once the server has answered for good. While the call runs, the
 * server's progress is polled. `resume` finishes a Log that stopped (its process died), whoever
 * started it: the server finishes that run exactly once, so it needs no key of its own.
 *
 * The run, its key and its polling are kept with the pane, per segment (usePaneRun): leaving the
 * Log tab while the Log runs leaves it followed, and coming back shows its progress or outcome.
 */
export const useLogSegment = (segmentNo: string) => {
  const { client } = useApi();
  const {
    state: run,
    set: setRun,
    scratch,
    setActivity,
    endActivity,
    // The idempotency key of a Log whose outcome is unknown, and the progress poll's timer.
  } = usePaneRun<LogRun, { key?: string; polling?: ReturnType<typeof setInterval> }>(
    `log/${segmentNo}`,
    () => ({ phase: "idle" }),
    () => ({}),
  );
  // The Log view uses this hook: while it shows, a Log's end is seen here, not in the shell.
  useAcknowledgeRun(`log/${segmentNo}`);
  const stopPolling = () => {
    if (scratch.polling !== undefined) clearInterval(scratch.polling);
    scratch.polling = undefined;
  };

  /** A changed request (follow-up, Send Attachments) is a new operation, not a retry. */
  const forget = useCallback(() => {
    scratch.key = undefined;
  }, [scratch]);

  /** Runs one Log call with progress; tells whether the server gave its final word. */
  const track = useCallback(
    async (
      call: () => Promise<LogOutcome>,
    ): Promise<{ outcome?: LogOutcome; answered: boolean }> => {
      setRun({ phase: "logging" });
      stopPolling();
      setActivity({ segmentNo, kind: "log" });
      scratch.polling = setInterval(() => {
        client("getLogStatus", { params: { no: segmentNo } }).then(
          (status) => {
            setRun((current) =>
              current.phase === "logging"
                ? { phase: "logging", progress: { written: status.written, total: status.total } }
                : current,
            );
            if (scratch.polling !== undefined)
              setActivity({ segmentNo, kind: "log", done: status.written, total: status.total });
          },
          // Progress is a courtesy: a failed poll changes nothing about the log itself.
          () => undefined,
        );
      }, LOG_STATUS_POLL_MS);
      try {
        const outcome = await call();
        setRun({ phase: "done", outcome });
        return { outcome, answered: true };
      } catch (error) {
        // A 4xx is the server's final word on this request: the next click is a new log.
        const answered = error instanceof ApiError && error.status < 500;
        setRun({ phase: "failed", error, retryable: !answered });
        return { answered };
      } finally {
        stopPolling();
        endActivity();
      }
    },
    [client, segmentNo, setRun, scratch, setActivity, endActivity],
  );

  const log = useCallback(
    async (
      etag: string,
      followUp: boolean,
      sendAttachments?: SendAttachments,
    ): Promise<LogOutcome | undefined> => {
      scratch.key ??= newKey();
      const idempotencyKey = scratch.key;
      const { outcome, answered } = await track(() =>
        client("logSegment", {
          params: { no: segmentNo },
          body: { followUp, ...(sendAttachments ? { sendAttachments } : {}) },
          ifMatch: etag,
          headers: { "Idempotency-Key": idempotencyKey },
        }),
      );
      if (answered) scratch.key = undefined;
      return outcome;
    },
    [client, segmentNo, track, scratch],
  );

  const resume = useCallback(
    async (): Promise<LogOutcome | undefined> =>
      (await track(() => client("resumeLog", { params: { no: segmentNo } }))).outcome,
    [client, segmentNo, track],
  );

  return { run, log, resume, forget, reset: () => setRun({ phase: "idle" }) };
};
