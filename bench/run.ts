/**
 * `npm run bench`: every benchmark, each comparing ours with a peer or a floor in the same run,
 * printed as one table of ratios. Absolute times on shared machines mislead; ratios do not.
 * `npm run bench -- <name>` runs only the benchmarks whose name contains <name>.
 *
 * Each benchmark runs in a fresh child process: the heap and the embedded servers one leaves
 * behind (100,000 contacts, 10,000 merged letters) must not slow the next one down.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { BenchRow } from "./bench-row";
import { benchApiOverhead } from "./api-overhead.bench";
import { benchCriteria } from "./criteria.bench";
import { benchDemo } from "./demo.bench";
import { benchEdge } from "./edge.bench";
import { benchEmail } from "./email.bench";
import { benchEmbeddedStore } from "./embedded-store.bench";
import { benchHealthUnderMerge } from "./health-under-merge.bench";
import { benchImportUnkeyed } from "./import-unkeyed.bench";
import { benchLabels } from "./labels.bench";
import { benchLog } from "./log.bench";
import { benchMerge } from "./merge.bench";
import { benchPane } from "./pane.bench";
import { benchPdf } from "./pdf.bench";
import { benchTemplateRead } from "./template-read.bench";

const benches: [string, () => Promise<BenchRow[]>][] = [
  ["embedded-store", benchEmbeddedStore],
  ["api-overhead", benchApiOverhead],
  ["import-unkeyed", benchImportUnkeyed],
  ["criteria", benchCriteria],
  ["demo", benchDemo],
  ["edge", benchEdge],
  ["log", benchLog],
  ["merge", benchMerge],
  ["labels", benchLabels],
  ["template-read", benchTemplateRead],
  ["health-under-merge", benchHealthUnderMerge],
  ["pane", benchPane],
  ["pdf", benchPdf],
  ["email", benchEmail],
];

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** In the child: one benchmark, its rows as JSON on the last line of stdout. */
const runOne = async (name: string) => {
  const bench = benches.find(([n]) => n === name)?.[1];
  if (!bench) throw new Error(`no benchmark named ${name}`);
  process.stdout.write(`\n${JSON.stringify(await bench())}\n`);
};

const runChild = (name: string): BenchRow[] => {
  const child = spawnSync(
    path.join(__dirname, "../node_modules/.bin/tsx"),
    [path.join(__dirname, "run.ts"), "--one", name],
    { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`benchmark ${name} failed (${child.status})`);
  const last = child.stdout.trim().split("\n").pop() ?? "[]";
  return JSON.parse(last) as BenchRow[];
};

const main = async () => {
  if (process.argv[2] === "--one") {
    await runOne(process.argv[3] ?? "");
    return;
  }
  const only = process.argv[2];
  const rows: BenchRow[] = [];
  for (const [name] of benches) {
    if (only && !name.includes(only)) continue;
    process.stderr.write(`running ${name}...\n`);
    rows.push(...runChild(name));
  }
  const header = ["benchmark", "ours", "peer / floor", "peer", "unit", "ratio", "target", "note"];
  const table = rows.map((r) => [
    r.name,
    fmt(r.ours),
    r.peerName,
    fmt(r.peer),
    r.unit,
    `${r.ratio.toFixed(2)}x`,
    r.target ?? "",
    r.note ?? "",
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...table.map((row) => (row[i] as string).length)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const row of table) console.log(line(row));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
