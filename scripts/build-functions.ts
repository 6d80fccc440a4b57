/**
 * Bundles the Functions app to dist/functions/index.js (package.json "main"), which is what
 * `func start` and Azure load, and the merge threads' entry to dist/functions/merge-worker.js
 * beside it (functions/merge/worker/merge-worker-thread.ts starts it from there). esbuild
 * resolves the @shared/* alias from tsconfig.json; the Azure SDKs stay external and come from
 * the deployed production node_modules. `--outdir <dir>` builds elsewhere (the bundle's test).
 */
import { build, type BuildOptions } from "esbuild";
import { flag } from "./build-manifests";

export const functionsBuildOptions = (outdir = "dist/functions"): BuildOptions => ({
  entryPoints: {
    index: "functions/index.ts",
    "merge-worker": "functions/merge/worker/merge-worker.ts",
  },
  outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  // tsx: only named where threads start from sources, a branch the bundle never takes.
  external: ["@azure/functions", "@azure/cosmos", "@azure/storage-blob", "tsx"],
  logLevel: "info",
});

if (require.main === module) {
  build(functionsBuildOptions(flag(process.argv.slice(2), "--outdir"))).catch(() =>
    process.exit(1),
  );
}
