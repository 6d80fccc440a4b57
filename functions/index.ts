import { app } from "@azure/functions";
import { createAppDeps, lazyDeps } from "./app-deps";
import { loadConfig } from "./config";
import { handleSendMessage, maxDequeueCount, poisoned } from "./delivery/job/send-job-handler";
import { decodeSendMessage, sendQueueName } from "./delivery/job/send-queue";
import { jobRetentionSchedule, sweepEndedJobs } from "./jobs/job-retention";
import { createRoutes } from "./routes";

// Azure Functions (Node v4 programming model): every route of the table, and the send queue.
const getDeps = lazyDeps(() => createAppDeps(loadConfig()));
const routes = createRoutes(getDeps);
for (const route of routes) {
  app.http(route.name, {
    methods: [route.spec.method],
    route: route.spec.path.slice(1),
    authLevel: "anonymous",
    handler: route.handler,
  });
}

// The send job's queue trigger; the local host polls the same queue (send-queue-poller.ts).
app.storageQueue("sendJobs", {
  queueName: sendQueueName,
  connection: "AzureWebJobsStorage",
  handler: async (item, context) => {
    const deps = await getDeps();
    const message = decodeSendMessage(item);
    try {
      await handleSendMessage(deps, message);
    } catch (error) {
      // The runtime moves a message to mergeline-send-poison after maxDequeueCount tries; the
      // job then says why it stopped, and POST /send-jobs/{id}/retry starts it again.
      if (Number(context.triggerMetadata?.["dequeueCount"] ?? 0) >= maxDequeueCount)
        await poisoned(deps, message, error);
      throw error;
    }
  },
});

// Hourly: ends leased jobs whose server stopped (as a read would), then deletes ended jobs past
// MERGELINE_JOB_RETENTION_DAYS; the local host runs the same sweep (job-retention-timer.ts).
app.timer("jobRetention", {
  schedule: jobRetentionSchedule,
  handler: async () => {
    await sweepEndedJobs(await getDeps());
  },
});
