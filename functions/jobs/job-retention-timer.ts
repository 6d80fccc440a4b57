import type { AppDeps } from "../app-deps";
import { jobRetentionIntervalMs, sweepEndedJobs } from "./job-retention";

export interface JobRetentionTimer {
  stop(): Promise<void>;
}

/**
 * The local host's timer trigger: the retention sweep at start and then every hour, as
 * app.timer runs it in Azure. A sweep that fails (the store away) waits for the next one.
 */
export const startJobRetentionTimer = (
  deps: AppDeps,
  intervalMs = jobRetentionIntervalMs,
): JobRetentionTimer => {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => sweepEndedJobs(deps)).catch(() => undefined);
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
