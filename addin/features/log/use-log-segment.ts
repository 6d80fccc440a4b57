import type { SendAttachments } from "@shared/model/delivery";
import type { LogOutcome } from "@shared/model/logging";
import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../../api/api-context";
import { ApiError } from "../../api/errors";

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
 */
export const useLogSegment = (segmentNo: string) => {
  const { client } = useApi();
  const [run, setRun] = useState<LogRun>({ phase: "idle" });
  const key = useRef<string | undefined>(undefined);
  const polling = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  const stopPolling = () => {
    if (polling.current !== undefined) clearInterval(polling.current);
    polling.current = undefined;
  };
  useEffect(() => stopPolling, []);

  /** A changed request (follow-up, Send Attachments) is a new operation, not a retry. */
  const forget = useCallback(() => {
    key.current = undefined;
  }, []);

  /** Runs one Log call with progress; tells whether the server gave its final word. */
  const track = useCallback(
    async (
      call: () => Promise<LogOutcome>,
    ): Promise<{ outcome?: LogOutcome; answered: boolean }> => {
      setRun({ phase: "logging" });
      stopPolling();
      polling.current = setInterval(() => {
        client("getLogStatus", { params: { no: segmentNo } }).then(
          (status) =>
            setRun((current) =>
              current.phase === "logging"
                ? { phase: "logging", progress: { written: status.written, total: status.total } }
                : current,
            ),
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
      }
    },
    [client, segmentNo],
  );

  const log = useCallback(
    async (
      etag: string,
      followUp: boolean,
      sendAttachments?: SendAttachments,
    ): Promise<LogOutcome | undefined> => {
      key.current ??= newKey();
      const idempotencyKey = key.current;
      const { outcome, answered } = await track(() =>
        client("logSegment", {
          params: { no: segmentNo },
          body: { followUp, ...(sendAttachments ? { sendAttachments } : {}) },
          ifMatch: etag,
          headers: { "Idempotency-Key": idempotencyKey },
        }),
      );
      if (answered) key.current = undefined;
      return outcome;
    },
    [client, segmentNo, track],
  );

  const resume = useCallback(
    async (): Promise<LogOutcome | undefined> =>
      (await track(() => client("resumeLog", { params: { no: segmentNo } }))).outcome,
    [client, segmentNo, track],
  );

  return { run, log, resume, forget, reset: () => setRun({ phase: "idle" }) };
};
