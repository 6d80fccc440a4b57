import createQuery from "@zeit/cosmosdb-query";
import { SqlCompileError, compileToSql } from "@shared/criteria/compile-sql";
import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import type { ResolvedSets } from "@shared/criteria/evaluate";
import { externalConditions } from "@shared/criteria/external-conditions";
import { normalizeCriteria } from "@shared/criteria/normalize";
import type { NormalizedNode } from "@shared/criteria/normalized-tree";

const TODAY = "2026-03-15";
const noSets: ResolvedSets = { contactsFor: () => new Set(), companiesFor: () => new Set() };
const compile = (node: CriteriaNode, sets = noSets) =>
  compileToSql(normalizeCriteria(node, TODAY), sets);

/** Runs the compiled expression in the embedded engine over plain documents. */
const run = (node: CriteriaNode, docs: object[], sets = noSets): string[] => {
  const { where, parameters } = compile(node, sets);
  return createQuery(`SELECT VALUE c.no FROM c WHERE ${where}`).exec(docs, {
    parameters: parameters as { name: string; value: never }[],
  }).result as string[];
};

describe("compileToSql", () => {
  it("puts every value in a parameter, never in the text", () => {
    const hostile = `x" OR true OR "`;
    const { where, parameters } = compile({
      kind: "and",
      items: [
        { kind: "field", field: "city", op: "eq", value: hostile },
        { kind: "field", field: "custom.note", op: "in", values: [hostile, 7] },
        { kind: "profile", questionnaire: "Q", question: hostile, op: "contains", value: hostile },
      ],
    });
    expect(where).not.toContain("OR true");
    expect(where).not.toMatch(/x"/);
    expect(parameters.map((p) => p.value)).toContain(hostile.toLowerCase());
    expect(parameters.map((p) => p.name)).toEqual(parameters.map((_, i) => `@p${i}`));
  });

  it("reads custom fields in bracket notation, which the embedded engine parses", () => {
    const { where } = compile({ kind: "field", field: "custom.value", op: "eq", value: 1 });
    expect(where).toBe(
      '(IS_NUMBER(c["customFields"]["value"]) AND c["customFields"]["value"] = @p0)',
    );
    expect(
      run({ kind: "field", field: "custom.value", op: "eq", value: 1 }, [
        { no: "A", customFields: { value: 1 } },
        { no: "B", customFields: { value: "1" } },
        { no: "C" },
      ]),
    ).toEqual(["A"]);
  });

  it("makes leaves total, so NOT of a missing field is true as in the evaluator", () => {
    const docs = [
      { no: "A", city: "Aarhus" },
      { no: "B" },
      { no: "C", city: "" },
      { no: "D", city: 42 },
    ];
    expect(
      run({ kind: "not", item: { kind: "field", field: "city", op: "lt", value: "b" } }, docs),
    ).toEqual(["B", "C", "D"]);
    expect(run({ kind: "field", field: "city", op: "empty" }, docs)).toEqual(["B", "C"]);
    expect(run({ kind: "field", field: "city", op: "ne", value: "aarhus" }, docs)).toEqual([
      "B",
      "C",
      "D",
    ]);
  });

  it("shares one array parameter per set and writes false for an empty one", () => {
    const segment = new Set(["K2", "K1"]);
    const sets: ResolvedSets = {
      contactsFor: (node) => (node.kind === "segment" ? segment : new Set()),
      companiesFor: () => new Set(),
    };
    const { where, parameters } = compile(
      {
        kind: "or",
        items: [
          { kind: "segment", in: true, segmentNo: "S1" },
          { kind: "segment", in: false, segmentNo: "S2" },
          { kind: "interactions", has: true },
        ],
      },
      sets,
    );
    expect(parameters).toEqual([{ name: "@p0", value: ["K1", "K2"] }]);
    expect(where).toBe(
      '((IS_STRING(c["no"]) AND ARRAY_CONTAINS(@p0, c["no"])) OR (NOT (IS_STRING(c["no"]) AND ARRAY_CONTAINS(@p0, c["no"]))) OR false)',
    );
  });

  it("asks the sets for exactly the nodes externalConditions lists", () => {
    const tree = normalizeCriteria(
      {
        kind: "and",
        items: [
          { kind: "list", list: "industryGroups", match: "none", codes: ["IT"] },
          { kind: "not", item: { kind: "interactions", has: true, campaignNo: "K1" } },
          { kind: "list", list: "mailingGroups", match: "any", codes: ["A"] },
        ],
      },
      TODAY,
    );
    const asked: NormalizedNode[] = [];
    compileToSql(tree, {
      contactsFor: (node) => (asked.push(node), new Set()),
      companiesFor: (node) => (asked.push(node), new Set()),
    });
    expect(asked).toEqual(externalConditions(tree));
    expect(asked).toHaveLength(2);
    expect(asked.every((node) => externalConditions(tree).includes(node as never))).toBe(true);
  });

  it("compiles empty and/or to their identities, and refuses a bad alias or prefix", () => {
    expect(compileToSql({ kind: "and", items: [] }, noSets).where).toBe("true");
    expect(compileToSql({ kind: "or", items: [] }, noSets).where).toBe("false");
    const tree = normalizeCriteria({ kind: "field", field: "city", op: "empty" }, TODAY);
    expect(compileToSql(tree, noSets, "contact", "@crit").where).toContain('contact["city"]');
    expect(() => compileToSql(tree, noSets, "c; DROP", "@p")).toThrow(SqlCompileError);
    expect(() => compileToSql(tree, noSets, "c", "p")).toThrow(SqlCompileError);
    const forged: NormalizedNode = {
      kind: "field",
      field: "x",
      path: ["customFields", 'a"]) OR ('],
      type: "any",
      ignoreCase: true,
      op: "empty",
    };
    expect(() => compileToSql(forged, noSets)).toThrow(/not a property name/);
  });
});
