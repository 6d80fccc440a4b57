import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { evaluate, type ContactDocLike, type ResolvedSets } from "@shared/criteria/evaluate";
import { normalizeCriteria } from "@shared/criteria/normalize";

const TODAY = "2026-03-15";

const full: ContactDocLike = {
  no: "K1",
  type: "person",
  companyNo: "F1",
  name: "Ærø Æbler",
  city: "Aarhus C",
  postCode: "8000",
  createdAt: "2026-02-10T09:30:00.000Z",
  modifiedAt: "2026-03-15",
  excludeFromSegments: false,
  mailingGroups: ["NYHEDSBREV", "VIP"],
  profileAnswers: [
    { questionnaire: "KUNDE", question: "Size", answer: "Big" },
    { questionnaire: "KUNDE", question: "Colour", answer: "" },
  ],
  customFields: { n: 5, s: "Abc", flag: true, numStr: "42" },
};
const bare: ContactDocLike = { no: "K2" };
/** Empty strings, wrong types and empty lists: what old imports leave behind. */
const odd: ContactDocLike = {
  no: "K3",
  type: "company",
  city: "",
  postCode: 8000,
  name: null,
  createdAt: 20260210,
  mailingGroups: [],
  customFields: { n: "5", s: 42 },
};
const company: ContactDocLike = { no: "F1", type: "company", name: "Firma" };

const sets: ResolvedSets = {
  contactsFor: (node) => new Set(node.kind === "segment" ? ["K1", "K3"] : ["K2"]),
  companiesFor: () => new Set(["F1", "K3"]),
};

const matches = (node: CriteriaNode): string[] =>
  [full, bare, odd, company]
    .filter((c) => evaluate(normalizeCriteria(node, TODAY), c, sets))
    .map((c) => c.no);

const f = (field: string, rest: object): CriteriaNode =>
  ({ kind: "field", field, ...rest }) as CriteriaNode;

describe("evaluate: the semantics table", () => {
  it.each<[string, CriteriaNode, string[]]>([
    // A missing field is empty; "" is empty too.
    ["eq on a missing field is false", f("city", { op: "eq", value: "aarhus c" }), ["K1"]],
    [
      "ne on a missing field is true",
      f("city", { op: "ne", value: "aarhus c" }),
      ["K2", "K3", "F1"],
    ],
    [
      "notIn on a missing field is true",
      f("city", { op: "notIn", values: ["aarhus c", "odense"] }),
      ["K2", "K3", "F1"],
    ],
    ["empty: missing or ''", f("city", { op: "empty" }), ["K2", "K3", "F1"]],
    ["notEmpty", f("city", { op: "notEmpty" }), ["K1"]],
    ["null is empty", f("name", { op: "empty" }), ["K2", "K3"]],
    ["lt on a missing or '' field is false", f("city", { op: "lt", value: "b" }), ["K1"]],
    ["ge on a missing field is false", f("city", { op: "ge", value: "a" }), ["K1"]],
    [
      "startsWith '' value is refused, but a missing field never starts with anything",
      f("city", { op: "startsWith", value: "a" }),
      ["K1"],
    ],
    // Case.
    ["text compares case-insensitively", f("city", { op: "eq", value: "AARHUS C" }), ["K1"]],
    ["Danish letters lower-case too", f("name", { op: "startsWith", value: "ÆRØ" }), ["K1"]],
    ["text ordering is on lower case", f("name", { op: "gt", value: "z" }), ["K1"]],
    ["code compares exactly", f("no", { op: "eq", value: "k1" }), []],
    ["code with ignoreCase does not", f("no", { op: "eq", value: "k1", ignoreCase: true }), ["K1"]],
    // Types.
    ["a number in a code field is no text", f("postCode", { op: "eq", value: "8000" }), ["K1"]],
    ["...and it is not empty", f("postCode", { op: "empty" }), ["K2", "F1"]],
    ["custom number eq number", f("custom.n", { op: "eq", value: 5 }), ["K1"]],
    ["custom string eq string", f("custom.n", { op: "eq", value: "5" }), ["K3"]],
    [
      "custom number ne string is true",
      f("custom.numStr", { op: "ne", value: 42 }),
      ["K1", "K2", "K3", "F1"],
    ],
    [
      "custom in mixes types, each matching its own",
      f("custom.s", { op: "in", values: ["ABC", 42] }),
      ["K1", "K3"],
    ],
    ["custom lt across types is false", f("custom.n", { op: "lt", value: "9" }), ["K3"]],
    ["custom between numbers", f("custom.n", { op: "between", values: [1, 5] }), ["K1"]],
    ["custom boolean", f("custom.flag", { op: "eq", value: true }), ["K1"]],
    ["custom notEmpty", f("custom.flag", { op: "notEmpty" }), ["K1"]],
    [
      "boolean field: false is a value, missing is not",
      f("excludeFromSegments", { op: "eq", value: false }),
      ["K1"],
    ],
    [
      "boolean ne true includes missing",
      f("excludeFromSegments", { op: "ne", value: true }),
      ["K1", "K2", "K3", "F1"],
    ],
    // Dates by day, against dates and date-times.
    [
      "date eq a day matches a date-time on it",
      f("createdAt", { op: "eq", value: "2026-02-10" }),
      ["K1"],
    ],
    ["date in a period", f("createdAt", { op: "eq", value: "last month" }), ["K1"]],
    ["date le includes the whole day", f("modifiedAt", { op: "le", value: "today" }), ["K1"]],
    ["date lt excludes it", f("modifiedAt", { op: "lt", value: "today" }), []],
    ["date gt a number is false", f("createdAt", { op: "gt", value: "2000-01-01" }), ["K1"]],
    [
      "date ne includes missing",
      f("createdAt", { op: "ne", value: "last month" }),
      ["K2", "K3", "F1"],
    ],
    // Lists on the contact.
    [
      "list any",
      { kind: "list", list: "mailingGroups", match: "any", codes: ["VIP", "X"] },
      ["K1"],
    ],
    [
      "list all",
      { kind: "list", list: "mailingGroups", match: "all", codes: ["VIP", "NYHEDSBREV"] },
      ["K1"],
    ],
    [
      "list all, one missing",
      { kind: "list", list: "mailingGroups", match: "all", codes: ["VIP", "X"] },
      [],
    ],
    [
      "list none: missing and empty lists too",
      { kind: "list", list: "mailingGroups", match: "none", codes: ["VIP"] },
      ["K2", "K3", "F1"],
    ],
    // Lists of the company.
    [
      "company list: a person through its company, a company through itself",
      { kind: "list", list: "industryGroups", match: "any", codes: ["IT"] },
      ["K1", "K3", "F1"],
    ],
    [
      "company list none is the complement",
      { kind: "list", list: "businessRelations", match: "none", codes: ["IT"] },
      ["K2"],
    ],
    // Profile.
    [
      "profile eq, case-insensitive",
      { kind: "profile", questionnaire: "KUNDE", question: "Size", op: "eq", value: "BIG" },
      ["K1"],
    ],
    [
      "profile question matches exactly",
      { kind: "profile", questionnaire: "KUNDE", question: "size", op: "eq", value: "big" },
      [],
    ],
    [
      "profile ne: some other answer to that question",
      { kind: "profile", questionnaire: "KUNDE", question: "Size", op: "ne", value: "small" },
      ["K1"],
    ],
    [
      "profile in: any of the answers ticked, in any case",
      {
        kind: "profile",
        questionnaire: "KUNDE",
        question: "Size",
        op: "in",
        values: ["Small", "BIG", "Medium"],
      },
      ["K1"],
    ],
    [
      "profile in: none of the answers ticked",
      {
        kind: "profile",
        questionnaire: "KUNDE",
        question: "Size",
        op: "in",
        values: ["Small", "Medium"],
      },
      [],
    ],
    [
      "profile empty: an empty answer",
      { kind: "profile", questionnaire: "KUNDE", question: "Colour", op: "empty" },
      ["K1"],
    ],
    // External sets.
    ["segment in", { kind: "segment", in: true, segmentNo: "S1" }, ["K1", "K3"]],
    [
      "segment not in is the complement",
      { kind: "segment", in: false, segmentNo: "S1" },
      ["K2", "F1"],
    ],
    [
      "interactions has=false is the complement",
      { kind: "interactions", has: false },
      ["K1", "K3", "F1"],
    ],
    // Logic.
    [
      "not is the exact complement, missing fields included",
      { kind: "not", item: f("city", { op: "lt", value: "b" }) },
      ["K2", "K3", "F1"],
    ],
    [
      "and",
      {
        kind: "and",
        items: [f("type", { op: "eq", value: "company" }), f("name", { op: "notEmpty" })],
      },
      ["F1"],
    ],
    [
      "or",
      {
        kind: "or",
        items: [f("type", { op: "eq", value: "company" }), f("city", { op: "notEmpty" })],
      },
      ["K1", "K3", "F1"],
    ],
  ])("%s", (_name, node, expected) => {
    expect(matches(node)).toEqual(expected);
  });
});
