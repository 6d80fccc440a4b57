/**
 * A merge thread's entry point: its own entry in the Functions bundle (dist/functions/
 * merge-worker.js), run from sources through tsx (merge-worker-thread.ts).
 */
import { parentPort } from "node:worker_threads";
import { runMergeTask } from "./merge-task-runner";
import { serveTasks } from "./worker-serve";

if (!parentPort) throw new Error("merge-worker runs as a worker thread, not on its own.");
serveTasks(parentPort, runMergeTask);
