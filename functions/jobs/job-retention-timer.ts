import type { AppDeps } from "../app-deps";
import { jobRetentionIntervalMs, sweepEndedJobs } from "./job-retention";

export interface JobRetentionTimer {
  stop(): Promise<void>;
}

/**
 * The local host's timer trigger: the retention sweep at start and then every hour, as
 * app.timer runs it in Azure. A sweep that fails (the store away) is logged and waits for the next one.
 */
export const startJobRetentionTimer = (
  deps: AppDeps,
  intervalMs = jobRetentionIntervalMs,
): JobRetentionTimer => {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running
      .then(() => sweepEndedJobs(deps))
      .catch((error: unknown) => {
        // Told, not thrown: the local host goes on, and the next hour's sweep tries again.
        console.error("[job retention] the sweep failed; it runs again within the hour:", error);
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
