import { generateDemoTenant, type DemoTenant } from "@shared/demo/demo-data";
import type { BenchRow } from "./bench-row";
import { sideBySide } from "./measure";

/**
 * The demo tenant is generated on the first `npm start` and for benchmarks. Its floor is
 * reading the very same tenant back from its JSON: building the same objects with no choices
 * to make. Each run generates with another seed, so no run reuses another's work.
 */
const generationRow = async (
  name: string,
  runs: number,
  options: Parameters<typeof generateDemoTenant>[0],
): Promise<BenchRow> => {
  const tenant: DemoTenant = generateDemoTenant(options);
  const json = JSON.stringify(tenant);
  const { ours, peer } = await sideBySide(
    runs,
    async (run) => generateDemoTenant({ ...options, seed: 1000 + run }),
    async () => JSON.parse(json) as unknown,
  );
  return {
    name,
    ours,
    peer,
    peerName: "JSON.parse of the same tenant (floor)",
    unit: "ms",
    ratio: ours / peer,
    target: "<= 5x",
    note: `${tenant.contacts.length} contacts, ${(json.length / 1e6).toFixed(1)} MB as JSON`,
  };
};

export const benchDemo = async (): Promise<BenchRow[]> => {
  // Warms the generator's code up, as the first request of a running server would find it.
  generateDemoTenant({ seed: 1 });
  return [
    await generationRow("demo tenant, default size", 9, {}),
    await generationRow("demo tenant, large (10,000 companies)", 3, { companies: 10_000 }),
  ];
};
