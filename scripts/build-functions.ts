/**
 * Bundles the Functions app to dist/functions/index.js (package.json "main"), which is what
 * `func start` and Azure load. esbuild resolves the @shared/* alias from tsconfig.json; the Azure
 * SDKs stay external and come from the deployed production node_modules.
 */
import { build } from "esbuild";

build({
  entryPoints: ["functions/index.ts"],
  outfile: "dist/functions/index.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  external: ["@azure/functions", "@azure/cosmos", "@azure/storage-blob"],
  logLevel: "info",
}).catch(() => process.exit(1));
