import { criteriaLimits } from "@shared/criteria/criteria-bounds";
import { CriteriaTree, type CriteriaNode as Tree } from "@shared/criteria/criteria-tree";
import { CriteriaError, normalizeCriteria, type CriteriaIssue } from "@shared/criteria/normalize";

const TODAY = "2026-03-15";

const leaf = (value = "x"): Tree => ({ kind: "field", field: "city", op: "eq", value });

/** `depth` levels in all: alternating and/not around one condition at the bottom. */
const nested = (depth: number): Tree => {
  let node = leaf();
  for (let level = 1; level < depth; level++)
    node = level % 2 ? { kind: "not", item: node } : { kind: "and", items: [node] };
  return node;
};

const issuesOf = (node: Tree): CriteriaIssue[] => {
  try {
    normalizeCriteria(node, TODAY);
  } catch (error) {
    if (error instanceof CriteriaError) return [...error.issues];
    throw error;
  }
  throw new Error("normalized without issues");
};

const ors = (groups: number, each: number): Tree => ({
  kind: "and",
  items: Array.from({ length: groups }, (_, i) => ({
    kind: "or" as const,
    items: Array.from({ length: each }, (_, j) => leaf(`c${i}-${j}`)),
  })),
});

describe("criteria bounds", () => {
  it("states limits a Business Central-style dialog never reaches", () => {
    expect(criteriaLimits).toEqual({
      depth: 20,
      nodes: 1_000,
      conditions: 500,
      values: 20_000,
    });
  });

  it("accepts a tree exactly at the depth limit", () => {
    expect(() => normalizeCriteria(nested(criteriaLimits.depth), TODAY)).not.toThrow();
  });

  it("refuses one level more, naming the rule and the limit", () => {
    const issues = issuesOf(nested(criteriaLimits.depth + 1));
    expect(issues).toEqual([
      expect.objectContaining({ rule: "max_depth", message: expect.stringContaining("20") }),
    ]);
  });

  it("refuses a tree far deeper than the stack without overflowing it", () => {
    // 100,000 levels: any recursion over it throws RangeError (Maximum call stack size exceeded).
    const issues = issuesOf(nested(100_000));
    expect(issues[0]?.rule).toBe("max_depth");
  });

  it("refuses an and of 100 ors of 100 conditions by its node count", () => {
    const issues = issuesOf(ors(100, 100));
    expect(issues).toEqual([
      expect.objectContaining({
        rule: "max_nodes",
        message: expect.stringContaining("1,000"),
      }),
    ]);
  });

  it("counts the conditions filter strings expand into", () => {
    // 5 nodes as sent; each filter string is an or of 200 post codes: 1,000 conditions.
    const codes = Array.from({ length: 200 }, (_, i) => String(1000 + i)).join("|");
    const tree: Tree = {
      kind: "or",
      items: Array.from({ length: 5 }, () => ({
        kind: "field" as const,
        field: "postCode",
        filter: codes,
      })),
    };
    const issues = issuesOf(tree);
    expect(issues).toEqual([
      expect.objectContaining({ rule: "max_conditions", message: expect.stringContaining("500") }),
    ]);
  });

  it("accepts 500 conditions from filter strings", () => {
    const codes = Array.from({ length: 100 }, (_, i) => String(1000 + i)).join("|");
    const tree: Tree = {
      kind: "or",
      items: Array.from({ length: 5 }, () => ({
        kind: "field" as const,
        field: "postCode",
        filter: codes,
      })),
    };
    expect(() => normalizeCriteria(tree, TODAY)).not.toThrow();
  });

  it("counts the depth filter strings add with parentheses", () => {
    // a|(a&(a|(a&...))): 120 levels from a 600-character filter string.
    let filter = "a";
    for (let i = 0; i < 120; i++) filter = `a${i % 2 ? "|" : "&"}(${filter})`;
    const issues = issuesOf({ kind: "field", field: "city", filter });
    expect(issues).toEqual([expect.objectContaining({ rule: "max_depth", path: ["filter"] })]);
  });

  it("refuses more values than the limit across the tree", () => {
    const values = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`);
    const tree: Tree = {
      kind: "or",
      items: ["a", "b", "c"].map((tag) => ({
        kind: "field" as const,
        field: "city",
        op: "in" as const,
        values: values(10_000, tag),
      })),
    };
    const issues = issuesOf(tree);
    expect(issues).toEqual([
      expect.objectContaining({ rule: "max_values", message: expect.stringContaining("20,000") }),
    ]);
  });

  it("the request's tree schema refuses a tree over the limits, naming the rule", () => {
    const rulesOf = (tree: Tree) => {
      const result = CriteriaTree.safeParse(tree);
      return result.success
        ? []
        : result.error.issues.map((i) => (i.code === "custom" ? i.params?.["rule"] : i.code));
    };
    expect(rulesOf(ors(100, 100))).toEqual(["max_nodes"]);
    expect(rulesOf(nested(criteriaLimits.depth + 1))).toEqual(["max_depth"]);
    expect(rulesOf(nested(criteriaLimits.depth))).toEqual([]);
  });
});
