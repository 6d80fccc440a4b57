import { randomUUID } from "node:crypto";
import type { AppDeps } from "../../app-deps";
import { PreconditionFailedError } from "../../errors/app-errors";
import { asTenantId, type TenantId } from "../../store/tenant";
import { endSession } from "./send-session";
import { runSendJobSlice, type SliceOutcome, type WorkerOptions } from "./send-job-run";
import type { SendJobMessage } from "./send-queue";

/** A message that failed this many times is poison: its job stops with a problem, it goes away. */
export const maxDequeueCount = 5;

const tenantOf = (message: SendJobMessage): TenantId | undefined => {
  try {
    return asTenantId(message.tenant);
  } catch {
    return undefined;
  }
};

export const workerOptions = (deps: AppDeps, workerId: string = randomUUID()): WorkerOptions => ({
  workerId,
  sliceMs: deps.delivery.sliceMs,
  inlineWaitMs: deps.delivery.inlineWaitMs,
  sleep: deps.delivery.sleep,
});

/**
 * The queue trigger's body, in Azure (app.storageQueue) and locally (send-queue-poller.ts): one
 * slice of the job the message names, then the message again, delayed to when the job is due,
 * if it must wait. A message that is not ours, or names no job, is dropped.
 */
export const handleSendMessage = async (
  deps: AppDeps,
  message: SendJobMessage | undefined,
  worker: WorkerOptions = workerOptions(deps),
): Promise<SliceOutcome | undefined> => {
  if (!message) return undefined;
  const tenant = tenantOf(message);
  if (!tenant) return undefined;
  const outcome = await runSendJobSlice(deps, tenant, message.jobId, worker);
  if (outcome.kind === "again" || outcome.kind === "busy")
    await deps.delivery.queue?.enqueue(message, outcome.delayMs);
  return outcome;
};

/**
 * The last try of a message that kept failing: its job stops with a problem (state paused, its
 * lines as they are) until someone retries it, so the message never loops forever.
 */
export const poisoned = async (
  deps: AppDeps,
  message: SendJobMessage | undefined,
  error: unknown,
): Promise<void> => {
  const tenant = message && tenantOf(message);
  if (!message || !tenant) return;
  const repo = deps.store.sendJobs;
  for (let round = 0; round < 5; round++) {
    const job = await repo.findJob(tenant, message.jobId);
    if (!job || job.state === "done" || job.state === "canceled") return;
    const { leaseOwner: _o, leaseUntil: _u, ...rest } = job;
    try {
      await repo.replaceJob(tenant, {
        ...rest,
        state: "paused",
        problem: {
          code: "send_failed",
          message: `Sending stopped after ${maxDequeueCount} failed tries: ${
            error instanceof Error ? error.message : String(error)
          }`,
        },
      });
      await endSession(deps, tenant, message.jobId);
      return;
    } catch (e) {
      if (!(e instanceof PreconditionFailedError)) throw e;
    }
  }
};
