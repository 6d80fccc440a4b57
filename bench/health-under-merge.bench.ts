/**
 * /health while big merges run, against /health idle, in the same run: the API must go on
 * answering others while one user merges thousands of letters. A prober in its own process
 * (health-probe.ts) asks /health over a real socket one request after another, 5 ms apart,
 * while the merges run, and for 2 s before them with nothing running; p95 and the worst sample
 * of each phase are compared. The embedded store runs in a process of its own
 * (cosmos-process.ts), as Cosmos DB is a service apart in Azure: its query work is not the
 * API's; /health still reads from it, so each row's note also gives the API process's own
 * event-loop delay (its longest stall) over the same phase.
 *
 * Loads, each over the same 3,000 contacts: two concurrent merges of a one-page letter into one
 * document each; a letter holding one 0.1 MB run of varied text merged into one document and one
 * document per contact; and the issue's 1-2 KB letter holding one 0.3 MB run of one repeated
 * character, which the engine now refuses as a zip bomb (the note says so).
 */
import { spawn } from "node:child_process";
import type { Server } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { buildDocx, control, p, t } from "../test/unit/shared/merge/docx-builder";
import { startApi, type ApiHarness } from "../test/integration/harness/api-harness";
import { toContactDoc } from "../functions/contacts/contact-service";
import { ContactFields } from "@shared/model/contact";
import type { MergeOutputKind } from "@shared/model/merge-job";
import { stampNew } from "../functions/audit/stamp";
import { asTenantId } from "../functions/store/tenant";
import type { BenchRow } from "./bench-row";
import { startCosmosProcess } from "./cosmos-process";

const contacts = 3_000;
const tenantName = "bench-health";
const idleMs = 2_000;

const prose =
  "We are writing to follow up on our recent conversation about how our services can support your organisation over the coming year. ";

/** A one-page letter: address block, greeting, prose with a field, signature. */
const pageLetter = buildDocx({
  body:
    p(control("Name")) +
    p(control("Company Name")) +
    p(control("Address")) +
    p(control("Post Code"), t(" "), control("City")) +
    p(t("Dear "), control("Name"), t(",")) +
    Array.from({ length: 12 }, (_, i) =>
      p(t(prose.repeat(2)), ...(i === 5 ? [t(" "), control("Personal Note")] : [])),
    ).join("") +
    p(t("Kind regards,")) +
    p(control("Salesperson Name")),
});

/** The issue's letter: a few KB zipped, one 0.3 MB run of one character inside. */
const bombRunLetter = buildDocx({
  body: p(t("Dear "), control("Name"), t(",")) + p(t("x".repeat(300_000))),
});

/** Words drawn by a fixed linear congruential sequence: text that compresses as prose does. */
const variedText = (chars: number): string => {
  const words = prose.trim().split(" ");
  let seed = 1;
  let out = "";
  while (out.length < chars) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out += `${words[seed % words.length]}${seed % 7} `;
  }
  return out.slice(0, chars);
};

/** A letter holding one 0.1 MB run of varied text: big, but no zip bomb. */
const bigRunLetter = buildDocx({
  body: p(t("Dear "), control("Name"), t(",")) + p(t(variedText(100_000))),
});

const kb = (bytes: Uint8Array) => (bytes.byteLength / 1024).toFixed(1);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

const percentile = (xs: readonly number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
};

/** /health from another process while `work` runs; each request's milliseconds. */
const probeWhile = async (url: string, work: () => Promise<unknown>): Promise<number[]> => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "health-probe.ts"), url],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  // The prober is up (tsx compiles it) well within a second; the work starts after it.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  try {
    await work();
  } finally {
    child.stdin.end("stop\n");
  }
  if ((await exited) !== 0) throw new Error("the /health prober failed");
  return JSON.parse(out.trim().split("\n").pop() ?? "[]") as number[];
};

const seed = async (api: ApiHarness) => {
  const tenant = asTenantId(tenantName);
  const stamp = stampNew(
    { tenantId: tenant, userId: "bench", userName: "bench", roles: [] },
    new Date(),
  );
  const docs = Array.from({ length: contacts }, (_, i) => ({
    ...toContactDoc(
      ContactFields.parse({
        no: `KT${String(i + 1).padStart(6, "0")}`,
        type: "person",
        name: `Kontakt ${i + 1}`,
        address: `${i + 1} High Street`,
        postCode: String(1000 + (i % 9000)),
        city: "Aarhus C",
      }),
    ),
    ...stamp,
  }));
  await api.deps.store.contacts.bulkCreate(tenant, docs);
  const call = async (route: string, body: object) => {
    const res = await api.call("POST", route, { tenant: tenantName, body });
    if (res.status >= 300) throw new Error(`${route}: ${res.status} ${res.text.slice(0, 300)}`);
  };
  await call("/api/interaction-templates", { code: "LETTER", description: "Letter" });
  await call("/api/segments", {
    no: "BENCH",
    description: "Bench",
    interactionTemplateCode: "LETTER",
  });
  await call("/api/segments/BENCH/add-contacts", {
    filter: { kind: "field", field: "type", op: "eq", value: "person" },
  });
};

/** "" when the merge finished, or why it was refused. */
const merge = async (
  api: ApiHarness,
  letter: Uint8Array,
  output: MergeOutputKind,
): Promise<string> => {
  const res = await api.call("POST", "/api/segments/BENCH/merge", {
    tenant: tenantName,
    body: { template: { documentBase64: base64(letter) }, output },
  });
  if (res.status === 200 && res.json.status === "done") return "";
  if (res.status >= 400 && res.status < 500)
    return `refused: ${res.status} ${String(res.json?.detail ?? "")}`;
  throw new Error(`merge: ${res.status} ${res.text.slice(0, 300)}`);
};

const row = (
  name: string,
  idle: readonly number[],
  loaded: readonly number[],
  note: string,
): BenchRow => {
  const ours = percentile(loaded, 0.95);
  const peer = percentile(idle, 0.95);
  return {
    name,
    ours,
    peer,
    peerName: "/health p95 idle, same run",
    unit: "ms p95",
    ratio: ours / peer,
    target: "<= 3x or <= 50 ms; none > 250 ms",
    note: `${loaded.length} samples, worst ${Math.max(...loaded).toFixed(0)} ms${note ? `; ${note}` : ""}`,
  };
};

const idle = (url: string) =>
  probeWhile(url, () => new Promise((resolve) => setTimeout(resolve, idleMs)));

export const benchHealthUnderMerge = async (): Promise<BenchRow[]> => {
  const cosmos = await startCosmosProcess();
  const api = await startApi({}, cosmos, { blobs: true });
  let server: Server | undefined;
  try {
    await seed(api);
    server = await api.host.listen(0, "127.0.0.1");
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/health`;
    // Warm up (JIT, and the merge workers where there are any) on one small merge.
    await merge(api, pageLetter, "document");

    const rows: BenchRow[] = [];
    const loads: [string, () => Promise<string[]>][] = [
      [
        "/health while 2 concurrent 3,000-letter merges run",
        () => Promise.all([merge(api, pageLetter, "document"), merge(api, pageLetter, "document")]),
      ],
      [
        `/health while a ${kb(bigRunLetter)} KB letter with a 0.1 MB run merges into one document for 3,000`,
        async () => [await merge(api, bigRunLetter, "document")],
      ],
      [
        "/health while the same letter merges one document per contact for 3,000",
        async () => [await merge(api, bigRunLetter, "perContact")],
      ],
      [
        `/health while the issue's ${kb(bombRunLetter)} KB letter with a 0.3 MB run is sent to merge for 3,000`,
        async () => [await merge(api, bombRunLetter, "document")],
      ],
    ];
    for (const [name, load] of loads) {
      const quiet = await idle(url);
      let notes: string[] = [];
      // The API's own event loop, beside what /health shows (which waits for the store too).
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const busy = await probeWhile(url, async () => (notes = await load()));
      loop.disable();
      notes.unshift(`API event loop delay max ${(loop.max / 1e6).toFixed(0)} ms`);
      rows.push(row(name, quiet, busy, notes.filter(Boolean).join("; ")));
    }
    return rows;
  } finally {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await api.close();
    await cosmos.close();
  }
};
