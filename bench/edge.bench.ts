import { request as httpRequest } from "node:http";
import type { Socket } from "node:net";
import { createLocalHost } from "../functions/http/local-host";
import { createRoutes } from "../functions/routes";
import { seedDemoTenant } from "../functions/demo/seed-demo-tenant";
import { asTenantId } from "../functions/store/tenant";
import { startApi } from "../test/integration/harness/api-harness";
import type { BenchRow } from "./bench-row";
import { sideBySide } from "./measure";

const mb = 1024 * 1024;

/**
 * What the edge costs when someone sends what it must refuse, measured on the real socket and
 * the demo tenant (3,300 contacts):
 * - an unauthenticated 512 MB upload: the bytes the server reads and the memory it grows by,
 *   against a 1 KB request (before the local host read every byte: 0.66 -> 3.1 GB for 500 MB);
 * - criteria over the bounds (an and of 100 ors of 100, not/and 500 deep), refused, against a
 *   three-section Add Contacts dry run that runs (before: 21-28 s and a 500).
 */
export const benchEdge = async (): Promise<BenchRow[]> => {
  const api = await startApi();
  const rows: BenchRow[] = [];
  const local = createLocalHost(
    createRoutes(async () => api.deps),
    { corsOrigins: [], maxBodyBytes: mb },
  );
  const server = await local.listen(0, "127.0.0.1");
  const port = (server.address() as { port: number }).port;
  const sockets: Socket[] = [];
  server.on("connection", (socket: Socket) => sockets.push(socket));
  try {
    /** Streams up to `total` bytes to POST /api/segments without a token; peak RSS growth. */
    const upload = (total: number) =>
      new Promise<{ status: number; read: number; grewMb: number }>((resolve, reject) => {
        const before = process.memoryUsage().rss;
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
        const req = httpRequest({
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/segments",
          headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        });
        const chunk = Buffer.alloc(Math.min(total, 64 * 1024), 0x20);
        let sent = 0;
        let status = 0;
        const done = () => {
          clearInterval(sampler);
          peak = Math.max(peak, process.memoryUsage().rss);
          const socket = sockets.at(-1);
          resolve({ status, read: socket?.bytesRead ?? 0, grewMb: (peak - before) / mb });
        };
        req.on("response", (res) => {
          status = res.statusCode ?? 0;
          res.resume();
          res.on("end", () => {
            req.destroy();
            done();
          });
        });
        req.on("error", (error) => (status ? undefined : reject(error)));
        const pump = () => {
          while (!status && sent < total) {
            sent += chunk.length;
            if (!req.write(chunk)) {
              req.once("drain", pump);
              return;
            }
          }
          if (!status) req.end();
        };
        pump();
      });

    const small = await upload(1024);
    const big = await upload(512 * mb);
    if (big.status !== 413) throw new Error(`expected 413, got ${big.status}`);
    rows.push({
      name: "Unauthenticated 512 MB upload: bytes the local host read",
      ours: big.read / mb,
      peer: 512,
      peerName: "the bytes offered",
      unit: "MB",
      ratio: big.read / (512 * mb),
      target: "limit (1 MB) + 256 KB drain",
    });
    rows.push({
      name: "Unauthenticated 512 MB upload: server memory growth",
      ours: big.grewMb,
      peer: Math.max(small.grewMb, 0.01),
      peerName: "a 1 KB request",
      unit: "MB",
      ratio: big.grewMb / Math.max(small.grewMb, 0.01),
      note: "RSS peak minus RSS before, same process as the client",
    });

    // Criteria over the bounds against a small dry run that runs, on the demo tenant.
    const tenant = "tenant-a";
    await seedDemoTenant(api.deps.store, asTenantId(tenant));
    await api.call("POST", "/api/segments", { body: { no: "EDGE" } });
    const dryRun = (filter: unknown) =>
      api.call("POST", "/api/segments/EDGE/add-contacts", { body: { filter, dryRun: true } });
    const wide = {
      kind: "and",
      items: Array.from({ length: 100 }, (_, i) => ({
        kind: "or",
        items: Array.from({ length: 100 }, (_, j) => ({
          kind: "field",
          field: "city",
          op: "eq",
          value: `c${i}-${j}`,
        })),
      })),
    };
    let deep: unknown = { kind: "field", field: "city", op: "eq", value: "x" };
    for (let level = 1; level < 500; level++)
      deep = level % 2 ? { kind: "not", item: deep } : { kind: "and", items: [deep] };
    const threeSections = {
      kind: "and",
      items: [
        { kind: "field", field: "countryRegionCode", op: "eq", value: "DK" },
        { kind: "list", list: "mailingGroups", match: "any", codes: ["NYHEDSBREV", "EVENT"] },
        { kind: "field", field: "postCode", filter: "1000..4999|8000..8999" },
      ],
    };
    for (const [name, filter] of [
      ["an and of 100 ors of 100", wide],
      ["not/and 500 deep", deep],
    ] as const) {
      const check = await dryRun(filter);
      if (check.status !== 400) throw new Error(`${name}: expected 400, got ${check.status}`);
      const times = await sideBySide(
        7,
        () => dryRun(filter),
        () => dryRun(threeSections),
      );
      rows.push({
        name: `Criteria refused: ${name} (demo tenant)`,
        ours: times.ours,
        peer: times.peer,
        peerName: "3-section Add Contacts dry run",
        unit: "ms",
        ratio: times.ours / times.peer,
        target: "< 1 s, 400 naming rule and limit",
      });
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await api.close();
  }
  return rows;
};
