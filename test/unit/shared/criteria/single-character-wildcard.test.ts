import createQuery from "@zeit/cosmosdb-query";
import { compileToSql } from "@shared/criteria/compile-sql";
import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { evaluate, type ContactDocLike, type ResolvedSets } from "@shared/criteria/evaluate";
import { normalizeCriteria } from "@shared/criteria/normalize";
import { CriteriaError } from "@shared/criteria/criteria-error";

/** Business Central's ? (exactly one character), the same in SQL and in memory. */
const TODAY = "2026-03-15";
const noSets: ResolvedSets = { contactsFor: () => new Set(), companiesFor: () => new Set() };

const docs: ContactDocLike[] = [
  { no: "K1", name: "Hansen", postCode: "8000", city: "Aarhus C" },
  { no: "K2", name: "Hanson", postCode: "8200", city: "Aarhus N" },
  { no: "K3", name: "Hansens", postCode: "80001", city: "Århus" },
  { no: "K4", name: "hansen", postCode: "DK-8000" },
  { no: "K5", name: "Han?en", postCode: "" },
  { no: "K6", postCode: 8000 },
];

const inMemory = (node: CriteriaNode): string[] => {
  const normalized = normalizeCriteria(node, TODAY);
  return docs.filter((d) => evaluate(normalized, d, noSets)).map((d) => d.no);
};
const inSql = (node: CriteriaNode): string[] => {
  const { where, parameters } = compileToSql(normalizeCriteria(node, TODAY), noSets);
  return createQuery(`SELECT VALUE c.no FROM c WHERE ${where}`).exec(docs, {
    parameters: parameters as { name: string; value: never }[],
  }).result as string[];
};
const filter = (field: string, text: string): CriteriaNode => ({
  kind: "field",
  field,
  filter: text,
});

describe("? matches exactly one character, in SQL and in memory alike", () => {
  it.each<[string, string, string[]]>([
    ["name", "Hans?n", ["K1", "K2", "K4"]],
    ["name", "H?ns?n", ["K1", "K2", "K4"]],
    ["name", "Hans?n*", ["K1", "K2", "K3", "K4"]],
    ["name", "*?sen", ["K1", "K4"]],
    ["name", "<>Hans?n", ["K3", "K5", "K6"]],
    ["name", "'Han?en'", ["K5"]],
    ["postCode", "8?00", ["K1", "K2"]],
    ["postCode", "8???", ["K1", "K2"]],
    ["postCode", "8???*", ["K1", "K2", "K3"]],
    ["postCode", "??-8*", ["K4"]],
    ["postCode", "@dk-?000", ["K4"]],
    ["postCode", "dk-?000", []],
    ["postCode", "8?00|80001", ["K1", "K2", "K3"]],
    ["city", "?rhus", ["K3"]],
    ["city", "Aarhus ?", ["K1", "K2"]],
  ])("%s %s", (field, text, expected) => {
    expect(inMemory(filter(field, text))).toEqual(expected);
    expect(inSql(filter(field, text))).toEqual(expected);
  });

  it("the operator can be sent as a tree too", () => {
    const node: CriteriaNode = { kind: "field", field: "postCode", op: "like", value: "8?00" };
    expect(inMemory(node)).toEqual(["K1", "K2"]);
    expect(inSql(node)).toEqual(["K1", "K2"]);
  });

  it.each<[string, object, RegExp]>([
    ["? with * at both ends", { field: "postCode", op: "like", value: "*?*" }, /\* at both ends/],
    ["* in the middle", { field: "name", op: "like", value: "H*n?" }, /\* only at the start/],
    ["a non-text field", { field: "excludeFromSegments", op: "like", value: "?" }, /like/],
  ])("refuses %s", (_what, node, message) => {
    const run = () => normalizeCriteria({ kind: "field", ...node } as CriteriaNode, TODAY);
    expect(run).toThrow(CriteriaError);
    expect(run).toThrow(message);
  });
});
