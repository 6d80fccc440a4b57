/**
 * A merge thread's entry point: its own entry in the Functions bundle (dist/functions/
 * merge-worker.js), run from sources through tsx (merge-worker-thread.ts).
 */
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { runMergeTask } from "./merge-task-runner";
import { serveTasks } from "./worker-serve";

/** 0 is the event loop's, 19 the least: merges still get a core that nothing else wants. */
const mergeThreadNice = 10;

if (!parentPort) throw new Error("merge-worker runs as a worker thread, not on its own.");
// Where the merge and the event loop compete for a core, the event loop answering requests
// goes first. On Linux (Azure Functions' host) a thread has its own nice value and this sets
// only this thread's; elsewhere it would lower the whole process, so it is left alone there.
if (process.platform === "linux") setPriority(0, mergeThreadNice);
serveTasks(parentPort, runMergeTask);
