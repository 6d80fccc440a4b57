import type { ActionOutcome } from "@shared/model/segment-criteria";
import { useEffect, useState } from "react";
import { useApi } from "../../api/api-context";
import type { BuilderKind, BuiltRequest } from "./builder-model";

export type LiveCount =
  | { status: "idle" }
  | { status: "counting"; last?: ActionOutcome }
  | { status: "ok"; outcome: ActionOutcome }
  | { status: "error"; error: unknown };

export const LIVE_COUNT_DELAY_MS = 400;

/**
 * What the action would do, asked as a dry run while the user edits: once the criteria have
 * stood still for a moment, with the call before it aborted, so the number shown is always the
 * answer to what the builder shows now.
 */
export const useLiveCount = (
  segmentNo: string,
  kind: BuilderKind,
  request: BuiltRequest,
  enabled: boolean,
): LiveCount => {
  const { client } = useApi();
  const [count, setCount] = useState<LiveCount>({ status: "idle" });
  const key = JSON.stringify([kind, request.filter, request.options]);

  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    setCount((previous) => ({
      status: "counting",
      last:
        previous.status === "ok"
          ? previous.outcome
          : previous.status === "counting"
            ? previous.last
            : undefined,
    }));
    const timer = setTimeout(() => {
      client(kind, {
        params: { no: segmentNo },
        body: { filter: request.filter, options: request.options, dryRun: true },
        signal: abort.signal,
      }).then(
        (outcome) => !abort.signal.aborted && setCount({ status: "ok", outcome }),
        (error: unknown) => !abort.signal.aborted && setCount({ status: "error", error }),
      );
    }, LIVE_COUNT_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // The key stands for the request: a new object with the same content asks nothing new.
  }, [client, segmentNo, key, enabled]);

  return count;
};
