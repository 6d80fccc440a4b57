import type { TenantId } from "../store/tenant";

/** How often a running merge reads its job document for a cancel sent to another instance. */
const watchEveryMs = 1_000;

export interface RunningMerge {
  /** Aborts when the merge is canceled: its worker tasks stop with it. */
  readonly signal: AbortSignal;
  /** The merge is over: stop watching, and stop whatever of it still runs. */
  end(): void;
}

/**
 * The merges this instance runs, so that a cancel reaches their worker threads. A cancel that
 * arrives here aborts at once; one that arrives at another instance of a scaled-out app is
 * seen within a second, from the job document both instances read.
 */
export interface RunningMerges {
  start(tenant: TenantId, jobId: string, isCanceled: () => Promise<boolean>): RunningMerge;
  /** Stops the merge if it runs here; whether it did. */
  cancel(tenant: TenantId, jobId: string): boolean;
}

export const createRunningMerges = (): RunningMerges => {
  const running = new Map<string, AbortController>();
  const key = (tenant: TenantId, jobId: string) => `${tenant}|${jobId}`;
  return {
    start(tenant, jobId, isCanceled) {
      const controller = new AbortController();
      running.set(key(tenant, jobId), controller);
      const watch = setInterval(() => {
        isCanceled().then(
          (canceled) => canceled && controller.abort(),
          // A read that fails says nothing about a cancel; the next one may.
          () => undefined,
        );
      }, watchEveryMs);
      watch.unref();
      return {
        signal: controller.signal,
        end() {
          clearInterval(watch);
          if (running.get(key(tenant, jobId)) === controller) running.delete(key(tenant, jobId));
          controller.abort();
        },
      };
    },
    cancel(tenant, jobId) {
      const controller = running.get(key(tenant, jobId));
      controller?.abort();
      return !!controller;
    },
  };
};
