import { randomUUID } from "node:crypto";
import type { AppDeps } from "../../app-deps";
import { handleSendMessage, maxDequeueCount, poisoned, workerOptions } from "./send-job-handler";

export interface SendQueuePoller {
  stop(): Promise<void>;
}

/**
 * The local host's queue trigger: polls the send queue on Azurite and runs the same handler as
 * app.storageQueue does in Azure. A message is deleted once handled; one that throws comes back
 * when its visibility runs out, and after maxDequeueCount tries its job stops with a problem.
 */
export const startSendQueuePoller = (
  deps: AppDeps,
  options: { readonly idleMs?: number; readonly workerId?: string } = {},
): SendQueuePoller => {
  const queue = deps.delivery.queue;
  let stopping = false;
  const idleMs = options.idleMs ?? 1000;
  const pollerId = options.workerId ?? randomUUID();
  let handledCount = 0;
  const loop = async () => {
    while (!stopping && queue) {
      let handled = 0;
      try {
        // Hidden for longer than a slice runs, so no other reader takes it meanwhile.
        const received = await queue.receive(
          4,
          deps.delivery.sliceMs + deps.delivery.leaseMs + deps.delivery.inlineWaitMs,
        );
        handled = received.length;
        await Promise.all(
          received.map(async (item) => {
            try {
              // A lease per message, never per poller: two messages of one job handled side by
              // side here must not both think they hold it.
              const worker = workerOptions(deps, `${pollerId}:${++handledCount}`);
              await handleSendMessage(deps, item.message, worker);
              await item.delete();
            } catch (error) {
              if (item.dequeueCount >= maxDequeueCount) {
                await poisoned(deps, item.message, error);
                await item.delete();
              }
            }
          }),
        );
      } catch {
        // The queue service is away (Azurite restarting): try again after a pause.
      }
      if (handled === 0 && !stopping) await new Promise((resolve) => setTimeout(resolve, idleMs));
    }
  };
  const running = loop();
  return {
    stop: async () => {
      stopping = true;
      await running;
    },
  };
};
