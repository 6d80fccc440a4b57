import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Whether this code runs from its TypeScript sources (`npm start` and scripts through tsx, jest
 * through ts-jest) rather than from the Functions bundle (dist/functions/*.js).
 */
export const runsFromSources = (): boolean => __filename.endsWith(".ts");

/**
 * Starts a thread on a TypeScript entry file. A thread does not inherit the loader that runs
 * its parent's TypeScript (ts-jest transforms only what jest itself loads), so it registers
 * tsx's require hook first, with this repository's tsconfig for the @shared alias. tsx is a
 * devDependency: only ever reached from sources.
 */
export const startTypeScriptWorker = (entry: string): Worker => {
  const tsx = require.resolve("tsx/cjs/api");
  return new Worker(
    `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`,
    {
      eval: true,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: path.resolve(__dirname, "../../../tsconfig.json"),
      },
    },
  );
};
