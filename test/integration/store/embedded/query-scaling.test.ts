/**
 * The embedded server's query engine (@zeit/cosmosdb-query 0.7.2) ships quadratic: its generated
 * code and its stripUndefined helper grow arrays by spreading the accumulator once per row.
 * patches/@zeit+cosmosdb-query+0.7.2.patch turns both into pushes; these tests fail without it.
 */
import type { OperationInput } from "@azure/cosmos";
import createQuery from "@zeit/cosmosdb-query";
import * as helpers from "@zeit/cosmosdb-query/lib/helpers";
import { startEmbeddedCosmos } from "../../../../functions/store/embedded/embedded-cosmos";
import { connect } from "./embedded-client";

/** `[...$` / `[...o`: an array literal that copies the accumulator, the quadratic shape. */
const SPREAD_ACCUMULATION = /\[\s*\.\.\.\s*[$o]\b/;

interface ContactDoc {
  readonly id: string;
  readonly pk: string;
  readonly _rid: string;
  readonly name: string;
  readonly city: string;
  readonly tags: ReadonlyArray<{ readonly name: string }>;
}

const contacts = (count: number): ContactDoc[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    pk: `tenant-a|${i % 16}`,
    _rid: `rid${String(i).padStart(8, "0")}`,
    name: `Contact ${i}`,
    city: i % 3 === 0 ? "Odense" : "Aarhus",
    tags: [{ name: i % 2 === 0 ? "vip" : "lead" }],
  }));

const QUERIES = {
  count: "SELECT VALUE COUNT(1) FROM c WHERE c.city = @city",
  rows: "SELECT c.id, c.name FROM c WHERE c.city = @city",
  join: "SELECT VALUE COUNT(1) FROM c JOIN t IN c.tags WHERE t.name = 'vip'",
} as const;

const PARAMETERS = [{ name: "@city", value: "Odense" }];

/**
 * Counts array iteration steps while `run` executes. Spreading an array walks its iterator, so
 * the quadratic `[...$, row]` shows up as N^2/2 steps; this counts work exactly, with no clock.
 * (Replacing the iterator turns off V8's fast path for spreads in this worker; only speed
 * changes, and only in this test process.)
 */
const iterationSteps = (run: () => unknown): number => {
  const original = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator);
  const values = Array.prototype.values;
  let steps = 0;
  Object.defineProperty(Array.prototype, Symbol.iterator, {
    configurable: true,
    writable: true,
    value: function countingIterator(this: unknown[]): IterableIterator<unknown> {
      const inner = values.call(this);
      const counting: IterableIterator<unknown> = {
        next: () => {
          const step = inner.next();
          if (!step.done) steps += 1;
          return step;
        },
        [Symbol.iterator]: () => counting,
      };
      return counting;
    },
  });
  try {
    run();
  } finally {
    if (original) Object.defineProperty(Array.prototype, Symbol.iterator, original);
  }
  return steps;
};

describe("embedded Cosmos DB store: query engine scaling", () => {
  it("generates no spread accumulation, so the patch is applied", () => {
    for (const sql of [
      ...Object.values(QUERIES),
      "SELECT f.id FROM Families f JOIN c IN f.children JOIN p IN c.pets",
    ]) {
      expect(createQuery(sql).code).not.toMatch(SPREAD_ACCUMULATION);
    }
    expect(createQuery(QUERIES.count).code).toContain("$.push(");
    expect(createQuery(QUERIES.join).code).toContain("$h.pushAll(");
    const stripUndefinedCode = helpers.stripUndefined.toString().replace(/\/\/.*$/gm, "");
    expect(stripUndefinedCode).not.toMatch(SPREAD_ACCUMULATION);
    expect(Object.keys(helpers)).toContain("pushAll");
  });

  it("keeps the engine's results: undefined stripped, joins, aggregates and order", () => {
    const docs = contacts(10);
    const exec = (sql: string): unknown[] =>
      createQuery(sql).exec(docs, { parameters: PARAMETERS }).result;
    expect(exec(QUERIES.count)).toEqual([4]);
    expect(exec(QUERIES.join)).toEqual([5]);
    expect(exec("SELECT VALUE [c.missing, c.id] FROM c WHERE c.id = 'c1'")).toEqual([["c1"]]);
    expect(exec("SELECT c.id FROM c WHERE c.city = 'Odense' ORDER BY c.name DESC")).toEqual([
      { id: "c9" },
      { id: "c6" },
      { id: "c3" },
      { id: "c0" },
    ]);
  });

  it("does work proportional to the documents: 2x and 4x the documents, 2x and 4x the steps, not 4x and 16x", () => {
    const sizes = { small: contacts(2_000), double: contacts(4_000), quadruple: contacts(8_000) };
    for (const sql of [...Object.values(QUERIES), "SELECT c.id FROM c ORDER BY c.name"]) {
      const query = createQuery(sql);
      const steps = (docs: ContactDoc[]): number =>
        iterationSteps(() => query.exec(docs, { parameters: PARAMETERS })) + 1;
      const small = steps(sizes.small);
      const double = steps(sizes.double);
      // Linear: ratio 2 (ORDER BY's n log n slightly less per step here). Unpatched: 4, and
      // about a thousand steps per document at this size. Checked before the larger run, which
      // unpatched would take a while.
      expect({
        sql,
        small,
        double,
        linear: double / small < 2.5 && double < 25 * sizes.double.length,
      }).toMatchObject({ sql, linear: true });
      const quadruple = steps(sizes.quadruple);
      expect({ sql, small, quadruple, linear: quadruple / small < 5 }).toMatchObject({
        sql,
        linear: true,
      });
    }
  });

  // How fast is for `npm run bench` (bench/embedded-store.bench.ts): this checks it all arrives.
  it("loads 100,000 contacts with executeBulkOperations and counts them through the SDK", async () => {
    const store = await startEmbeddedCosmos();
    const connection = connect(store);
    try {
      const { database } = await connection.client.databases.createIfNotExists({ id: "mergeline" });
      const { container } = await database.containers.createIfNotExists({
        id: "contacts",
        partitionKey: { paths: ["/pk"] },
      });
      const operations: OperationInput[] = contacts(100_000).map(
        ({ id, pk, name, city, tags }) => ({
          operationType: "Create",
          partitionKey: pk,
          resourceBody: { id, pk, name, city, tags: [...tags] },
        }),
      );

      // One call for all of them: the SDK waits about a second per call for partial batches.
      const results = await container.items.executeBulkOperations(operations);
      expect(results.filter((result) => result.response?.statusCode === 201)).toHaveLength(100_000);

      const { resources } = await container.items
        .query<number>({ query: QUERIES.count, parameters: PARAMETERS })
        .fetchAll();
      expect(resources).toEqual([33_334]);
    } finally {
      connection.dispose();
      await store.close();
    }
  }, 180_000);
});
