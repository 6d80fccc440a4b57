import path from "node:path";
import { Worker } from "node:worker_threads";
import { runsFromSources, startTypeScriptWorker } from "./worker-thread";

/**
 * Starts one merge thread. In the Functions bundle this file is part of dist/functions/index.js
 * and merge-worker.js lies beside it (scripts/build-functions.ts builds both); from sources the
 * thread runs merge-worker.ts through tsx.
 */
export const startMergeWorker = (): Worker =>
  runsFromSources()
    ? startTypeScriptWorker(path.join(__dirname, "merge-worker.ts"))
    : new Worker(path.join(__dirname, "merge-worker.js"));
