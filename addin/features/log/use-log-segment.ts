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
 * server's progress is polled.
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

  /** A changed request (follow-up on or off) is a new operation, not a retry. */
  const forget = useCallback(() => {
    key.current = undefined;
  }, []);

  const log = useCallback(
    async (etag: string, followUp: boolean): Promise<LogOutcome | undefined> => {
      key.current ??= newKey();
      const idempotencyKey = key.current;
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
        const outcome = await client("logSegment", {
          params: { no: segmentNo },
          body: { followUp },
          ifMatch: etag,
          headers: { "Idempotency-Key": idempotencyKey },
        });
        key.current = undefined;
        setRun({ phase: "done", outcome });
        return outcome;
      } catch (error) {
        // A 4xx is the server's final word on this request: the next click is a new log.
        const answered = error instanceof ApiError && error.status < 500;
        if (answered) key.current = undefined;
        setRun({ phase: "failed", error, retryable: !answered });
        return undefined;
      } finally {
        stopPolling();
      }
    },
    [client, segmentNo],
  );

  return { run, log, forget, reset: () => setRun({ phase: "idle" }) };
};
