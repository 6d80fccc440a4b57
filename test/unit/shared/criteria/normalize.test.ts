import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { CriteriaError, normalizeCriteria, type CriteriaIssue } from "@shared/criteria/normalize";

const TODAY = "2026-03-15";

const normalize = (node: CriteriaNode) => normalizeCriteria(node, TODAY);

const issuesOf = (node: CriteriaNode): CriteriaIssue[] => {
  try {
    normalize(node);
  } catch (error) {
    if (error instanceof CriteriaError) return [...error.issues];
    throw error;
  }
  throw new Error("normalized without issues");
};

const field = (
  name: string,
  rest: Omit<Extract<CriteriaNode, { kind: "field" }>, "kind" | "field">,
): CriteriaNode => ({
  kind: "field",
  field: name,
  ...rest,
});

const at = (name: string, path: string[], type: string, ignoreCase: boolean) => ({
  kind: "field",
  field: name,
  path,
  type,
  ignoreCase,
});

describe("normalizeCriteria: what comes out", () => {
  it("text is lower-cased and case-insensitive; codes stay exact unless ignoreCase", () => {
    expect(normalize(field("city", { op: "eq", value: "Aarhus C" }))).toEqual({
      ...at("city", ["city"], "text", true),
      op: "eq",
      value: "aarhus c",
    });
    expect(
      normalize(field("postCode", { op: "in", values: ["DK-8000", "8000", "DK-8000"] })),
    ).toEqual({
      ...at("postCode", ["postCode"], "code", false),
      op: "in",
      values: ["DK-8000", "8000"],
    });
    expect(
      normalize(field("postCode", { op: "startsWith", value: "DK", ignoreCase: true })),
    ).toEqual({
      ...at("postCode", ["postCode"], "code", true),
      op: "startsWith",
      value: "dk",
    });
    // A number for a code field is what a form sends for a post code: taken as its text.
    expect(normalize(field("postCode", { op: "ge", value: 8000 }))).toMatchObject({
      op: "ge",
      value: "8000",
    });
  });

  it("the e-mail field reads the stored lower-cased key", () => {
    expect(normalize(field("email", { op: "endsWith", value: "@Firma.DK" }))).toEqual({
      ...at("email", ["emailKey"], "text", true),
      op: "endsWith",
      value: "@firma.dk",
    });
  });

  it("enums take their stored spelling, booleans their words, '' means empty", () => {
    expect(normalize(field("type", { op: "eq", value: "Person" }))).toMatchObject({
      op: "eq",
      value: "person",
    });
    expect(normalize(field("excludeFromSegments", { op: "eq", value: "Ja" }))).toMatchObject({
      op: "eq",
      value: true,
    });
    expect(normalize(field("city", { op: "eq", value: "" }))).toMatchObject({ op: "empty" });
    expect(normalize(field("type", { op: "ne", value: "" }))).toMatchObject({ op: "notEmpty" });
    expect(normalize(field("phone", { op: "empty", value: "stale" }))).toEqual({
      ...at("phone", ["phone"], "text", true),
      op: "empty",
    });
  });

  it("custom fields keep the value's type; strings are lower-cased", () => {
    expect(normalize(field("custom.Branche", { op: "in", values: ["Byg", 42, true] }))).toEqual({
      ...at("custom.Branche", ["customFields", "Branche"], "any", true),
      op: "in",
      values: ["byg", 42, true],
    });
    expect(normalize(field("custom.n", { op: "contains", value: 42 }))).toMatchObject({
      op: "contains",
      value: "42",
    });
  });

  it.each<[string, object, object]>([
    ["eq a day", { op: "eq", value: "today" }, { op: "eq", value: "2026-03-15" }],
    [
      "eq a period",
      { op: "eq", value: "last month" },
      { op: "between", values: ["2026-02-01", "2026-02-28"] },
    ],
    ["lt uses the first day", { op: "lt", value: "this month" }, { op: "lt", value: "2026-03-01" }],
    ["le uses the last day", { op: "le", value: "last week" }, { op: "le", value: "2026-03-08" }],
    ["gt uses the last day", { op: "gt", value: "2026" }, { op: "gt", value: "2026-12-31" }],
    ["ge uses the first day", { op: "ge", value: "-1M" }, { op: "ge", value: "2026-02-15" }],
    [
      "between: first of the first, last of the second",
      { op: "between", values: ["2025-W01", "last month"] },
      { op: "between", values: ["2024-12-30", "2026-02-28"] },
    ],
  ])("relative dates: %s", (_name, condition, expected) => {
    expect(normalize(field("createdAt", condition))).toEqual({
      ...at("createdAt", ["createdAt"], "date", false),
      ...expected,
    });
  });

  it("ne a period is outside it", () => {
    expect(normalize(field("modifiedAt", { op: "ne", value: "this year" }))).toEqual({
      kind: "not",
      item: {
        ...at("modifiedAt", ["modifiedAt"], "date", false),
        op: "between",
        values: ["2026-01-01", "2026-12-31"],
      },
    });
  });

  it("expands filter strings into the same conditions", () => {
    expect(normalize(field("postCode", { filter: "8000..8999|<>''" }))).toEqual({
      kind: "or",
      items: [
        { ...at("postCode", ["postCode"], "code", false), op: "between", values: ["8000", "8999"] },
        { ...at("postCode", ["postCode"], "code", false), op: "notEmpty" },
      ],
    });
    expect(normalize(field("city", { filter: "Aar*" }))).toMatchObject({
      op: "startsWith",
      value: "aar",
    });
  });

  it("profile answers are text; lists lose duplicates; externals get their defaults and absolute dates", () => {
    expect(
      normalize({
        kind: "profile",
        questionnaire: "KUNDE",
        question: "Size",
        op: "in",
        values: ["Big", 3],
      }),
    ).toEqual({
      kind: "profile",
      questionnaire: "KUNDE",
      question: "Size",
      op: "in",
      values: ["big", "3"],
    });
    expect(
      normalize({ kind: "list", list: "mailingGroups", match: "all", codes: ["A", "B", "A"] }),
    ).toEqual({
      kind: "list",
      list: "mailingGroups",
      match: "all",
      codes: ["A", "B"],
    });
    expect(
      normalize({
        kind: "interactions",
        has: false,
        from: "last month",
        to: "-1D",
        campaignNo: "K1",
      }),
    ).toEqual({
      kind: "interactions",
      has: false,
      from: "2026-02-01",
      to: "2026-03-14",
      campaignNo: "K1",
    });
    expect(normalize({ kind: "segment", in: true, segmentNo: "S1" })).toEqual({
      kind: "segment",
      in: true,
      segmentNo: "S1",
    });
  });
});

describe("normalizeCriteria: issues, every rule, all at once, with exact paths", () => {
  it.each<[string, CriteriaNode, Partial<CriteriaIssue>]>([
    [
      "unknown field",
      field("shoeSize", { op: "eq", value: 1 }),
      { path: ["field"], rule: "unknown_field" },
    ],
    [
      "bad custom key",
      field("custom.1abc", { op: "eq", value: 1 }),
      {
        path: ["field"],
        rule: "unknown_field",
        message: expect.stringMatching(/custom field key "1abc"/),
      },
    ],
    [
      "custom key too long",
      field(`custom.${"a".repeat(51)}`, { op: "empty" }),
      { path: ["field"], rule: "unknown_field" },
    ],
    ["no op, no filter", field("city", {}), { path: ["op"], rule: "missing_value" }],
    [
      "operator on a boolean",
      field("excludeFromSegments", { op: "lt", value: true }),
      {
        path: ["op"],
        rule: "operator_mismatch",
        message: "lt does not apply to boolean field excludeFromSegments; use one of eq, ne",
      },
    ],
    [
      "wildcard operator on an enum",
      field("type", { op: "startsWith", value: "p" }),
      { path: ["op"], rule: "operator_mismatch" },
    ],
    [
      "in on a date",
      field("createdAt", { op: "in", values: ["today"] }),
      { path: ["op"], rule: "operator_mismatch" },
    ],
    [
      "eq without value",
      field("city", { op: "eq", values: ["x"] }),
      {
        path: ["value"],
        rule: "missing_value",
        message: "eq needs a value (in value, not values)",
      },
    ],
    [
      "in without values",
      field("city", { op: "in", value: "x" }),
      { path: ["values"], rule: "missing_value" },
    ],
    [
      "in with an empty list",
      field("city", { op: "notIn", values: [] }),
      { path: ["values"], rule: "missing_value" },
    ],
    [
      "between without values",
      field("postCode", { op: "between" }),
      { path: ["values"], rule: "missing_value" },
    ],
    [
      "between with three",
      field("postCode", { op: "between", values: ["1", "2", "3"] }),
      {
        path: ["values"],
        rule: "invalid_value",
        message: "between needs exactly 2 values [from, to], not 3",
      },
    ],
    [
      "between with an empty end",
      field("postCode", { op: "between", values: ["1", ""] }),
      { path: ["values", 1], rule: "missing_value" },
    ],
    [
      "contains nothing",
      field("city", { op: "contains", value: "" }),
      { path: ["value"], rule: "missing_value" },
    ],
    [
      "enum value",
      field("type", { op: "in", values: ["person", "robot"] }),
      {
        path: ["values", 1],
        rule: "invalid_value",
        message: 'type expects one of company, person, not "robot"',
      },
    ],
    [
      "boolean value",
      field("excludeFromSegments", { op: "eq", value: "maybe" }),
      { path: ["value"], rule: "invalid_value" },
    ],
    [
      "boolean for a text",
      field("city", { op: "eq", value: true }),
      { path: ["value"], rule: "invalid_value" },
    ],
    [
      "'' in a list",
      field("city", { op: "in", values: ["a", ""] }),
      { path: ["values", 1], rule: "invalid_value" },
    ],
    [
      "ordered booleans",
      field("custom.flag", { op: "gt", value: false }),
      { path: ["value"], rule: "invalid_value" },
    ],
    [
      "between mixed types",
      field("custom.n", { op: "between", values: [1, "5"] }),
      { path: ["values"], rule: "invalid_value" },
    ],
    [
      "starts with a boolean",
      field("custom.flag", { op: "startsWith", value: true }),
      { path: ["value"], rule: "invalid_value" },
    ],
    [
      "filter that does not parse",
      field("city", { filter: "A*B" }),
      {
        path: ["filter"],
        rule: "invalid_filter",
        position: 1,
        message: expect.stringMatching(/^a wildcard in the middle/),
      },
    ],
    [
      "filter and op",
      field("city", { filter: "A", op: "eq", value: "A" }),
      { path: ["filter"], rule: "invalid_filter" },
    ],
    [
      "date value",
      field("createdAt", { op: "eq", value: "someday" }),
      {
        path: ["value"],
        rule: "invalid_date",
        message: expect.stringMatching(/^createdAt: "someday" is not a date/),
      },
    ],
    [
      "date range end",
      field("createdAt", { op: "between", values: ["today", "2026-02-30"] }),
      { path: ["values", 1], rule: "invalid_date" },
    ],
    [
      "date that is a number",
      field("createdAt", { op: "gt", value: 20260101 }),
      { path: ["value"], rule: "invalid_date" },
    ],
    [
      "interaction dates",
      { kind: "interactions", has: true, from: "bogus" },
      { path: ["from"], rule: "invalid_date" },
    ],
    [
      "interaction dates reversed",
      { kind: "interactions", has: true, from: "today", to: "-1D" },
      { path: ["to"], rule: "invalid_value" },
    ],
    [
      "membership naming both",
      { kind: "segment", in: true, segmentNo: "S1", loggedSegmentEntryNo: 3 },
      { path: ["segmentNo"], rule: "invalid_value" },
    ],
    [
      "list without codes",
      { kind: "list", list: "mailingGroups", match: "any", codes: [] },
      { path: ["codes"], rule: "missing_value" },
    ],
  ])("%s", (_name, node, expected) => {
    const issues = issuesOf(node);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject(expected);
  });

  it("collects every issue of a nested tree, each with its path into the tree as given", () => {
    const tree: CriteriaNode = {
      kind: "and",
      items: [
        field("city", { op: "eq", value: "Aarhus" }),
        {
          kind: "or",
          items: [
            field("nope", { op: "eq", value: "x" }),
            field("postCode", { filter: "8000..|(A" }),
          ],
        },
        field("city", { op: "eq", value: "fine" }),
        {
          kind: "not",
          item: field("createdAt", { op: "between", values: ["yesterday", "tomorrow", "today"] }),
        },
        {
          kind: "not",
          item: {
            kind: "and",
            items: [
              field("type", { op: "eq", value: "robot" }),
              field("excludeFromSegments", { op: "contains", value: "x" }),
            ],
          },
        },
      ],
    };
    let error: unknown;
    try {
      normalize(tree);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CriteriaError);
    expect(error).toMatchObject({
      name: "CriteriaError",
      message: expect.stringMatching(/^criteria: 5 problems/),
    });
    expect((error as CriteriaError).issues.map(({ path, rule }) => ({ path, rule }))).toEqual([
      { path: ["items", 1, "items", 0, "field"], rule: "unknown_field" },
      { path: ["items", 1, "items", 1, "filter"], rule: "invalid_filter" },
      { path: ["items", 3, "item", "values"], rule: "invalid_value" },
      { path: ["items", 4, "item", "items", 0, "value"], rule: "invalid_value" },
      { path: ["items", 4, "item", "items", 1, "op"], rule: "operator_mismatch" },
    ]);
    expect((error as CriteriaError).issues[1]).toMatchObject({
      position: 9,
      message: "expected ) to close the ( at character 8, found the end of the filter",
    });
  });
});
