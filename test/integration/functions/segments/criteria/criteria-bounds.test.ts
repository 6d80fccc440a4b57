import type { ApiHarness } from "../../../harness/api-harness";
import { field, lineContacts, startCriteriaApi } from "./criteria-fixture";

/**
 * Criteria trees have bounds (shared/criteria/criteria-bounds.ts): too deep, too many nodes,
 * too many conditions after filter strings expand, too many values. Above them the API answers
 * 400 problem+json naming the rule and the limit, and writes nothing.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startCriteriaApi();
  await api.call("POST", "/api/segments", { body: { no: "BOUNDS" } });
  await api.call("POST", "/api/segments/BOUNDS/add-contacts", {
    body: { filter: field("no", "eq", "KT1") },
  });
});
afterAll(() => api.close());

type Tree = Record<string, unknown>;

/** As the issue sent it: not and and alternating, `depth` levels around one condition. */
const notAnd = (depth: number): Tree => {
  let node: Tree = field("no", "eq", "KT98");
  for (let level = 1; level < depth; level++)
    node = level % 2 ? { kind: "not", item: node } : { kind: "and", items: [node] };
  return node;
};

/** `depth` levels of single-item and/or around a condition that matches KT98 only. */
const levels = (depth: number): Tree => {
  let node: Tree = field("no", "eq", "KT98");
  for (let level = 1; level < depth; level++)
    node = level % 2 ? { kind: "and", items: [node] } : { kind: "or", items: [node] };
  return node;
};

const state = async () => [
  await lineContacts(api, "BOUNDS"),
  (await api.call("GET", "/api/segments/BOUNDS/criteria-actions")).text,
];

const attempt = async (filter: Tree, dryRun = false) => {
  const before = await state();
  const res = await api.call("POST", "/api/segments/BOUNDS/add-contacts", {
    body: { filter, dryRun },
  });
  expect(res.status).toBe(400);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(await state()).toEqual(before);
  return res.json.errors as { in: string; field: string; rule: string; message: string }[];
};

const postCodes = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + i)).join("|");

describe("criteria bounds over the API", () => {
  it("refuses not/and nested 500 deep (an 11 KB body) with 400, not a stack overflow", async () => {
    const errors = await attempt(notAnd(500));
    expect(errors).toContainEqual(
      expect.objectContaining({ in: "body", rule: "max_depth", message: expect.any(String) }),
    );
  });

  it("refuses one level more than the limit of 20, naming it", async () => {
    const errors = await attempt(levels(21));
    expect(errors).toEqual([
      expect.objectContaining({
        in: "body",
        field: "filter",
        rule: "max_depth",
        message: expect.stringContaining("20"),
      }),
    ]);
  });

  it("refuses an and of 100 ors of 100 by its node count", async () => {
    const filter = {
      kind: "and",
      items: Array.from({ length: 100 }, (_, i) => ({
        kind: "or",
        items: Array.from({ length: 100 }, (_, j) => field("city", "eq", `c${i}-${j}`)),
      })),
    };
    const errors = await attempt(filter, true);
    expect(errors).toEqual([
      expect.objectContaining({
        field: "filter",
        rule: "max_nodes",
        message: expect.stringContaining("1,000"),
      }),
    ]);
  });

  it("refuses filter strings that expand to more than 500 conditions", async () => {
    const filter = {
      kind: "or",
      items: Array.from({ length: 5 }, () => ({
        kind: "field",
        field: "postCode",
        filter: postCodes(200),
      })),
    };
    const errors = await attempt(filter);
    expect(errors).toEqual([
      expect.objectContaining({ rule: "max_conditions", message: expect.stringContaining("500") }),
    ]);
  });

  it("refuses more than 20,000 values across the tree", async () => {
    const filter = {
      kind: "or",
      items: ["a", "b", "c"].map((tag) => ({
        kind: "field",
        field: "city",
        op: "in",
        values: Array.from({ length: 10_000 }, (_, i) => `${tag}${i}`),
      })),
    };
    const errors = await attempt(filter, true);
    expect(errors).toEqual([expect.objectContaining({ rule: "max_values" })]);
  });

  it("runs a tree exactly at the depth limit, and one with 500 conditions", async () => {
    const deep = await api.call("POST", "/api/segments/BOUNDS/add-contacts", {
      body: { filter: levels(20), dryRun: true },
    });
    expect(deep.status).toBe(200);
    expect(deep.json.linesAdded).toBe(1);

    const wide = await api.call("POST", "/api/segments/BOUNDS/add-contacts", {
      body: {
        filter: {
          kind: "or",
          items: [
            // A filter string holds at most 1,000 characters: 200 post codes.
            { kind: "field", field: "postCode", filter: postCodes(200) },
            { kind: "field", field: "postCode", filter: postCodes(200) },
            { kind: "field", field: "postCode", filter: `${postCodes(99)}|7100` },
          ],
        },
        dryRun: true,
      },
    });
    expect(wide.status).toBe(200);
    expect(wide.json.linesAdded).toBe(1);
  });
});
