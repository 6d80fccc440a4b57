import { randomUUID } from "node:crypto";
import { startApi } from "../test/integration/harness/api-harness";
import type { BenchRow } from "./bench-row";
import { sideBySide } from "./measure";

const N = 5000;

/**
 * What recognising rows without No. and e-mail costs: a claim written per row before its contact,
 * and one lookup of the claims per 1,000 rows on every import. Importing N such rows (and the
 * same file again) against the same rows each with an e-mail, which need no claim (the e-mail is
 * their key), through the same API and store in one run.
 */
export const benchImportUnkeyed = async (): Promise<BenchRow[]> => {
  const api = await startApi({ maxBodyBytes: 16 * 1024 * 1024 });
  try {
    const rows = Array.from({ length: N }, (_, i) => `Kontakt ${i + 1};person;By ${i % 50}`);
    const unkeyed = ["Name;Type;City", ...rows].join("\r\n");
    const keyed = [
      "Name;Type;City;E-mail",
      ...rows.map((r, i) => `${r};kontakt${i + 1}@example.dk`),
    ].join("\r\n");
    const tenants = Array.from({ length: 6 }, () => `bench-${randomUUID().slice(0, 8)}`);
    const importInto =
      (tenant: string, csv: string, expect: "imported" | "duplicates") => async () => {
        const res = await api.call("POST", "/api/contacts/import", { tenant, body: { csv } });
        if (res.status !== 200 || res.json[expect] !== N)
          throw new Error(`import: ${res.status} ${res.text.slice(0, 300)}`);
      };
    const first = await sideBySide(
      3,
      (run) => importInto(tenants[run] as string, unkeyed, "imported")(),
      (run) => importInto(tenants[run + 3] as string, keyed, "imported")(),
    );
    const again = await sideBySide(
      3,
      (run) => importInto(tenants[run] as string, unkeyed, "duplicates")(),
      (run) => importInto(tenants[run + 3] as string, keyed, "duplicates")(),
    );
    return [
      {
        name: `import ${N.toLocaleString("en-US")} rows without No. or e-mail`,
        ours: first.ours,
        peer: first.peer,
        peerName: "the same rows, each with an e-mail",
        unit: "ms",
        ratio: first.ours / first.peer,
        target: "<2",
        note: "a claim per row is written before its contact",
      },
      {
        name: "the same file again (every row recognised)",
        ours: again.ours,
        peer: again.peer,
        peerName: "the same rows, each with an e-mail",
        unit: "ms",
        ratio: again.ours / again.peer,
        target: "<2",
      },
    ];
  } finally {
    await api.close();
  }
};
