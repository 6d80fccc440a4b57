/**
 * Two things in the embedded server's query engine (@zeit/cosmosdb-query 0.7.2) would make
 * segment criteria unusable locally; patches/@zeit+cosmosdb-query+0.7.2.patch fixes both and
 * these tests fail without it:
 * - its parser re-parses an operand twice in three grammar rules, so each level of
 *   parentheses multiplied the parse by 8 (six levels: 13 s), and compiled criteria nest;
 * - ARRAY_CONTAINS(@set, c.no) scanned the whole set per document (20,000 x 20,000 = 4e8).
 * Work is counted in steps (string reads, array element reads), not in time, where it can be.
 */
import type { OperationInput } from "@azure/cosmos";
import createQuery from "@zeit/cosmosdb-query";
import { startEmbeddedCosmos } from "../../../../functions/store/embedded/embedded-cosmos";
import { connect } from "../../store/embedded/embedded-client";
import { compileToSql } from "@shared/criteria/compile-sql";
import { normalizeCriteria } from "@shared/criteria/normalize";

/** Counts String.prototype.charCodeAt calls, which the generated parser makes per character it tries. */
const parseSteps = (sql: string): number => {
  const original = String.prototype.charCodeAt;
  let steps = 0;
  String.prototype.charCodeAt = function counting(this: string, index: number): number {
    steps += 1;
    return original.call(this, index);
  };
  try {
    createQuery(sql);
  } finally {
    String.prototype.charCodeAt = original;
  }
  return steps;
};

const nested = (depth: number): string => {
  let where = "c.a = @p";
  for (let i = 0; i < depth; i += 1)
    where = i % 2 === 0 ? `(${where} AND NOT IS_STRING(c.b))` : `(${where} OR c["x"] > 1)`;
  return `SELECT c.no FROM c WHERE ${where}`;
};

/** The array seen by the engine, counting reads of its elements. */
const countingArray = (values: readonly string[]): { array: string[]; reads: () => number } => {
  let reads = 0;
  const array = new Proxy([...values], {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { array, reads: () => reads };
};

/**
 * Counts whole-array passes (some, filter) over arrays of strings of at least `minLength`, such
 * as a segment's numbers arriving as a query parameter, while `run` goes through the SDK and
 * the in-process server: the work the server does with them, with no clock.
 */
const scansOfStringArrays = async <T>(
  minLength: number,
  run: () => Promise<T>,
): Promise<{ value: T; scans: number }> => {
  const { some, filter } = Array.prototype;
  let scans = 0;
  const counts = (array: unknown[]): void => {
    if (array.length >= minLength && typeof array[0] === "string") scans += 1;
  };
  Array.prototype.some = function countingSome(this: unknown[], ...args: Parameters<typeof some>) {
    counts(this);
    return some.apply(this, args);
  };
  Array.prototype.filter = function countingFilter(
    this: unknown[],
    ...args: Parameters<typeof filter>
  ) {
    counts(this);
    return filter.apply(this, args);
  } as typeof filter;
  try {
    return { value: await run(), scans };
  } finally {
    Array.prototype.some = some;
    Array.prototype.filter = filter;
  }
};

const docs = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `C${i}`, no: `C${i}`, _rid: `r${i}` }));
const everyOther = (count: number) => Array.from({ length: count / 2 }, (_, i) => `C${i * 2}`);

describe("embedded query engine: what criteria need of it", () => {
  it("parses nested parentheses in linear time: one more level, a constant more steps", () => {
    const steps = [3, 4, 5].map((depth) => parseSteps(nested(depth)));
    const growth = [(steps[1] ?? 0) / (steps[0] ?? 1), (steps[2] ?? 0) / (steps[1] ?? 1)];
    // Linear: about 1.2x per level here. Unpatched: 8x per level.
    expect({ steps, linear: growth.every((g) => g < 2) }).toMatchObject({ linear: true });
    // And deep trees stay linear: 40 levels cost what 8 times 5 levels do, within a factor of 2
    // (unpatched, 8^35 times more, which would take longer than the universe has).
    const deep = parseSteps(nested(40));
    expect({ deep, linear: deep < 2 * (40 / 5) * (steps[2] ?? 0) }).toMatchObject({ linear: true });
  });

  it("keeps the parser's results: conditional, IN and BETWEEN still parse and run", () => {
    const rows = [
      { id: "1", no: "A", n: 5 },
      { id: "2", no: "B", n: 50 },
    ];
    const run = (sql: string) => createQuery(sql).exec(rows, {}).result;
    expect(run("SELECT VALUE (c.n > 10 ? c.no : 'small') FROM c")).toEqual(["small", "B"]);
    expect(run("SELECT VALUE c.no FROM c WHERE c.n IN (1, 5)")).toEqual(["A"]);
    expect(run("SELECT VALUE c.no FROM c WHERE ((c.n BETWEEN 40 AND 60))")).toEqual(["B"]);
    expect(() => createQuery("SELECT c.no FROM c WHERE (c.n > 1")).toThrow();
  });

  it("ARRAY_CONTAINS with a parameter reads the array once per query, not once per document", () => {
    const sql = "SELECT VALUE COUNT(1) FROM c WHERE ARRAY_CONTAINS(@set, c.no)";
    const small = countingArray(everyOther(2_000));
    expect(
      createQuery(sql).exec(docs(2_000), { parameters: [{ name: "@set", value: small.array }] })
        .result,
    ).toEqual([1_000]);
    // Patched: the 1,000 reads that build the Set. Unpatched: about 1,000 x 2,000 / 2.
    expect({ reads: small.reads(), once: small.reads() <= 2 * 1_000 }).toMatchObject({
      once: true,
    });

    // Unpatched this is 4e8 reads (minutes through the proxy); it fails on the small set first.
    const large = countingArray(everyOther(40_000));
    const result = createQuery(sql).exec(docs(20_000), {
      parameters: [{ name: "@set", value: large.array }],
    }).result;
    expect(result).toEqual([10_000]);
    expect({ reads: large.reads(), once: large.reads() <= 2 * 20_000 }).toMatchObject({
      once: true,
    });
  });

  it("still compares like deepEqual: objects scan, types stay apart, partial keeps its meaning", () => {
    const set = [...everyOther(100), 7, true, null, { a: 1 }, [1, 2]];
    const run = (needle: string) =>
      createQuery(`SELECT VALUE ARRAY_CONTAINS(@set, ${needle}) FROM c`).exec(
        [{ id: "1", n: "7" }],
        {
          parameters: [{ name: "@set", value: set }],
        },
      ).result;
    expect(run("'C4'")).toEqual([true]);
    expect(run("'C5'")).toEqual([false]);
    expect(run("7")).toEqual([true]);
    expect(run("c.n")).toEqual([false]);
    expect(run("null")).toEqual([true]);
    expect(run("true")).toEqual([true]);
    expect(run("{a: 1}")).toEqual([true]);
    expect(run("[1, 2]")).toEqual([true]);
    expect(run("c.missing")).toEqual([false]);
    expect(
      createQuery("SELECT VALUE ARRAY_CONTAINS(@set, {a: 1}, true) FROM c").exec([{ id: "1" }], {
        parameters: [{ name: "@set", value: [...everyOther(100), { a: 1, b: 2 }] }],
      }).result,
    ).toEqual([true]);
  });

  it("a segment of 20,000 against 20,000 contacts through the SDK scans the segment once per query, not per contact", async () => {
    const store = await startEmbeddedCosmos();
    const connection = connect(store);
    try {
      const { database } = await connection.client.databases.createIfNotExists({ id: "scaling" });
      const { container } = await database.containers.createIfNotExists({
        id: "contacts",
        partitionKey: { paths: ["/pk"] },
      });
      const operations: OperationInput[] = docs(20_000).map(({ id, no }) => ({
        operationType: "Create",
        partitionKey: "t1",
        resourceBody: { id, no, pk: "t1", tenantId: "t1", docType: "contact", type: "person" },
      }));
      await container.items.executeBulkOperations(operations);

      const segment = new Set(everyOther(40_000));
      const tree = normalizeCriteria({ kind: "segment", in: true, segmentNo: "S1" }, "2026-03-15");
      const { where, parameters } = compileToSql(tree, {
        contactsFor: () => segment,
        companiesFor: () => new Set(),
      });
      const { value: resources, scans } = await scansOfStringArrays(20_000, async () => {
        const { resources: counted } = await container.items
          .query<number>(
            {
              query: `SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t AND ${where}`,
              parameters: [...parameters, { name: "@t", value: "t1" }] as {
                name: string;
                value: string;
              }[],
            },
            { partitionKey: "t1" },
          )
          .fetchAll();
        return counted;
      });
      expect(resources).toEqual([10_000]);
      // The server builds one Set per query run (it runs each query twice: for the plan and for
      // the rows). Unpatched it scans the 20,000 numbers once per contact: 20,000 scans or more.
      expect({ scans, once: scans >= 1 && scans <= 4 }).toMatchObject({ once: true });
    } finally {
      connection.dispose();
      await store.close();
    }
  }, 60_000);
});
