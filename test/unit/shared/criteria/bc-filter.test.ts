import { BcFilterError, parseBcFilter } from "@shared/criteria/bc-filter";
import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { fieldDef, type FieldDef } from "@shared/criteria/fields";

const TODAY = "2026-03-15";

const field = (name: string): FieldDef => {
  const def = fieldDef(name);
  if (!def) throw new Error(`no field ${name}`);
  return def;
};
/** The catalog has no number field yet; the parser must handle one all the same. */
const score: FieldDef = {
  name: "score",
  path: ["score"],
  type: "number",
  label: { "en-US": "Score", "da-DK": "Point" },
};

const parse = (filter: string, name = "city"): CriteriaNode =>
  parseBcFilter(filter, name === "score" ? score : field(name), TODAY);

const failure = (filter: string, name = "city"): BcFilterError => {
  try {
    parse(filter, name);
  } catch (error) {
    if (error instanceof BcFilterError) return error;
    throw error;
  }
  throw new Error(`"${filter}" parsed`);
};

const f = (fieldName: string, op: string, operand: object = {}) => ({
  kind: "field",
  field: fieldName,
  op,
  ...operand,
});
const city = (op: string, operand: object = {}) => f("city", op, operand);
const code = (op: string, operand: object = {}) => f("postCode", op, operand);

describe("parseBcFilter: the forms", () => {
  it.each<[string, object]>([
    ["Aarhus", city("eq", { value: "Aarhus" })],
    ["=Aarhus", city("eq", { value: "Aarhus" })],
    ["<>Aarhus", city("ne", { value: "Aarhus" })],
    ["<B", city("lt", { value: "B" })],
    ["<=B", city("le", { value: "B" })],
    [">B", city("gt", { value: "B" })],
    [">=B", city("ge", { value: "B" })],
    ["A..C", city("between", { values: ["A", "C"] })],
    ["..C", city("le", { value: "C" })],
    ["A..", city("ge", { value: "A" })],
    ["''", city("empty")],
    ["=''", city("empty")],
    ["<>''", city("notEmpty")],
    ["Aar*", city("startsWith", { value: "Aar" })],
    ["*hus", city("endsWith", { value: "hus" })],
    ["*rhu*", city("contains", { value: "rhu" })],
    ["*", city("notEmpty")],
    ["**", city("notEmpty")],
    ["<>*", city("empty")],
    ["<>Aar*", { kind: "not", item: city("startsWith", { value: "Aar" }) }],
    ["Aar?us", city("like", { value: "Aar?us" })],
    ["?", city("like", { value: "?" })],
    ["Aarhus ?", city("like", { value: "Aarhus ?" })],
    ["*?us", city("like", { value: "*?us" })],
    ["A??*", city("like", { value: "A??*" })],
    ["<>A?", { kind: "not", item: city("like", { value: "A?" }) }],
    ["'A?'", city("eq", { value: "A?" })],
    ["'A'?", city("like", { value: "A?" })],
  ])("%s", (filter, expected) => {
    expect(parse(filter)).toEqual(expected);
  });

  it("| is or, & is and, and & binds tighter", () => {
    expect(parse("A|B")).toEqual({
      kind: "or",
      items: [city("eq", { value: "A" }), city("eq", { value: "B" })],
    });
    expect(parse("A&B")).toEqual({
      kind: "and",
      items: [city("eq", { value: "A" }), city("eq", { value: "B" })],
    });
    expect(parse("A|B&C")).toEqual({
      kind: "or",
      items: [
        city("eq", { value: "A" }),
        { kind: "and", items: [city("eq", { value: "B" }), city("eq", { value: "C" })] },
      ],
    });
  });

  it("parentheses group, to any depth", () => {
    expect(parse("(A|B)&<>C")).toEqual({
      kind: "and",
      items: [
        { kind: "or", items: [city("eq", { value: "A" }), city("eq", { value: "B" })] },
        city("ne", { value: "C" }),
      ],
    });
    expect(parse("((A*|(*B)))")).toEqual({
      kind: "or",
      items: [city("startsWith", { value: "A" }), city("endsWith", { value: "B" })],
    });
  });

  it("keeps spaces inside a plain value and trims them around it", () => {
    expect(parse("  Aarhus C | Odense  ")).toEqual({
      kind: "or",
      items: [city("eq", { value: "Aarhus C" }), city("eq", { value: "Odense" })],
    });
  });

  it("quoted literals keep special characters and spaces; '' inside is one '", () => {
    expect(parse("'a|b'")).toEqual(city("eq", { value: "a|b" }));
    expect(parse("'O''Brien'")).toEqual(city("eq", { value: "O'Brien" }));
    expect(parse("' Odense '")).toEqual(city("eq", { value: " Odense " }));
    expect(parse("'A*B'")).toEqual(city("eq", { value: "A*B" }));
    expect(parse("'(x)'*")).toEqual(city("startsWith", { value: "(x)" }));
    expect(parse("'a..b'..c")).toEqual(city("between", { values: ["a..b", "c"] }));
  });

  it("@ at the start of a value makes a code field case-insensitive; text fields always are", () => {
    expect(parse("@dk-80*", "postCode")).toEqual(
      code("startsWith", { value: "dk-80", ignoreCase: true }),
    );
    expect(parse("@a..@c", "postCode")).toEqual(
      code("between", { values: ["a", "c"], ignoreCase: true }),
    );
    expect(parse("@aarhus")).toEqual(city("eq", { value: "aarhus" }));
    // Only at the start: an address ending is an address ending.
    expect(parse("*@firma.dk", "email")).toEqual(f("email", "endsWith", { value: "@firma.dk" }));
  });
});

describe("parseBcFilter: values typed by the field", () => {
  it("numbers, with a point or a Danish comma", () => {
    expect(parse("10..20", "score")).toEqual(f("score", "between", { values: [10, 20] }));
    expect(parse("3,5|<-5", "score")).toEqual({
      kind: "or",
      items: [f("score", "eq", { value: 3.5 }), f("score", "lt", { value: -5 })],
    });
    expect(failure("ten", "score")).toMatchObject({
      position: 0,
      message: 'expected a number, found "ten"',
    });
  });

  it("dates through relative dates, periods by their first or last day", () => {
    const created = (op: string, operand: object = {}) => f("createdAt", op, operand);
    expect(parse("-30D..today", "createdAt")).toEqual(
      created("between", { values: ["2026-02-13", "2026-03-15"] }),
    );
    expect(parse("today", "createdAt")).toEqual(created("eq", { value: "2026-03-15" }));
    expect(parse("<>t", "createdAt")).toEqual(created("ne", { value: "2026-03-15" }));
    expect(parse("last month", "createdAt")).toEqual(
      created("between", { values: ["2026-02-01", "2026-02-28"] }),
    );
    expect(parse("<>last month", "createdAt")).toEqual({
      kind: "not",
      item: created("between", { values: ["2026-02-01", "2026-02-28"] }),
    });
    expect(parse("<last month", "createdAt")).toEqual(created("lt", { value: "2026-02-01" }));
    expect(parse("<=last month", "createdAt")).toEqual(created("le", { value: "2026-02-28" }));
    expect(parse(">last month", "createdAt")).toEqual(created("gt", { value: "2026-02-28" }));
    expect(parse(">=last month", "createdAt")).toEqual(created("ge", { value: "2026-02-01" }));
    expect(parse("2026-01..2026-02", "createdAt")).toEqual(
      created("between", { values: ["2026-01-01", "2026-02-28"] }),
    );
    expect(parse("..2025", "createdAt")).toEqual(created("le", { value: "2025-12-31" }));
    expect(parse("last week..", "createdAt")).toEqual(created("ge", { value: "2026-03-02" }));
    expect(parse("''", "createdAt")).toEqual(created("empty"));
    expect(failure("2026-02-30", "createdAt")).toMatchObject({
      position: 0,
      message: expect.stringMatching(/^expected a date/),
    });
    expect(failure("today|yesteryear", "createdAt").position).toBe(6);
    expect(failure("A*", "createdAt").message).toMatch(
      /wildcards \(\*\) only work on text and code fields; createdAt is a date field/,
    );
  });

  it("booleans in English, Danish, JSON and bits", () => {
    const excl = (value: boolean) => f("excludeFromSegments", "eq", { value });
    expect(parse("Yes", "excludeFromSegments")).toEqual(excl(true));
    expect(parse("nej", "excludeFromSegments")).toEqual(excl(false));
    expect(parse("JA|false", "excludeFromSegments")).toEqual({
      kind: "or",
      items: [excl(true), excl(false)],
    });
    expect(parse("<>1", "excludeFromSegments")).toEqual(
      f("excludeFromSegments", "ne", { value: true }),
    );
    expect(failure("maybe", "excludeFromSegments").message).toBe(
      'expected Yes, No, Ja, Nej, true, false, 1 or 0, found "maybe"',
    );
    expect(failure("<Yes", "excludeFromSegments").message).toBe(
      "< does not apply to boolean fields such as excludeFromSegments",
    );
    expect(failure("0..1", "excludeFromSegments").message).toBe(
      "ranges (x..y) do not apply to boolean fields such as excludeFromSegments",
    );
  });

  it("enums, in any case, stored spelling out", () => {
    expect(parse("Company|PERSON", "type")).toEqual({
      kind: "or",
      items: [f("type", "eq", { value: "company" }), f("type", "eq", { value: "person" })],
    });
    expect(parse("<>hardcopy", "correspondenceType")).toEqual(
      f("correspondenceType", "ne", { value: "hardCopy" }),
    );
    expect(failure("robot", "type")).toMatchObject({
      position: 0,
      message: 'expected one of company, person, found "robot"',
    });
    expect(failure("p*", "type").message).toMatch(/wildcards/);
  });

  it("custom fields: unquoted numbers and true/false are typed, quoted values are text", () => {
    const custom = (op: string, operand: object) => f("custom.n", op, operand);
    expect(parse("42", "custom.n")).toEqual(custom("eq", { value: 42 }));
    expect(parse("'42'", "custom.n")).toEqual(custom("eq", { value: "42" }));
    expect(parse("true", "custom.n")).toEqual(custom("eq", { value: true }));
    expect(parse("Abc*", "custom.n")).toEqual(custom("startsWith", { value: "Abc" }));
    expect(parse("1..5", "custom.n")).toEqual(custom("between", { values: [1, 5] }));
    expect(failure("1..'5'", "custom.n").message).toMatch(
      /both ends of a range must be numbers, or both text/,
    );
    expect(failure("<true", "custom.n").message).toBe("true and false cannot be compared with <");
  });
});

describe("parseBcFilter: errors say where and what was expected", () => {
  it.each<[string, number, RegExp]>([
    ["", 0, /^expected a filter, found nothing$/],
    ["   ", 0, /^expected a filter/],
    ["A|", 2, /^expected a value, found the end of the filter$/],
    ["A||B", 2, /^expected a value, found "\|"$/],
    ["&A", 0, /^expected a value, found "&"$/],
    ["A*B", 1, /^a wildcard in the middle of a value \(A\*B\) is not supported/],
    ["Aa|*x*y", 5, /wildcard in the middle/],
    ["(A|B", 4, /^expected \) to close the \( at character 1, found the end of the filter$/],
    [
      "A)",
      1,
      /^expected \|, & or the end of the filter, found "\)" \(there is no \( for it to close\)$/,
    ],
    [
      "A<B",
      1,
      /^expected \|, & or the end of the filter, found "<" \(quote a value that contains it/,
    ],
    ["1..2..3", 4, /^expected \|, & or the end of the filter, found "\."/],
    ["10000...", 7, /^three dots \(\.\.\.\) are not a range: write x\.\. for "at least x"/],
    ["...5", 2, /^three dots \(\.\.\.\) are not a range/],
    ["1...5", 3, /^three dots/],
    ["'abc", 0, /^expected ' to close the quoted value/],
    ["x|'abc''", 2, /^expected ' to close the quoted value/],
    ["<>", 2, /^expected a value after <>, found the end of the filter$/],
    ["..", 0, /^expected a value before or after \.\.$/],
    ["<5..6", 0, /^a range \(x\.\.y\) cannot follow <$/],
    ["*A?B*", 0, /^\? cannot be combined with \* at both ends/],
    ["A?..B", 0, /^a range \(x\.\.y\) needs plain values: no wildcards \(\* or \?\)/],
    ["<A?", 1, /^< cannot be combined with a wildcard \(\?\)/],
    ["'a*'?", 0, /^a quoted \? or \* cannot stand in a value that uses \? as a wildcard/],
    ["<*", 1, /^< needs a value, not a lone \*$/],
    [">=''", 2, /^>= needs a value: '' means empty$/],
    ["<A*", 1, /^< cannot be combined with a wildcard/],
    ["A*..B", 0, /^a range \(x\.\.y\) needs plain values/],
    ["()", 1, /^expected a value, found "\)"$/],
  ])("%j at %i", (filter, position, message) => {
    const error = failure(filter);
    expect(error).toBeInstanceOf(BcFilterError);
    expect(error.name).toBe("BcFilterError");
    expect(error.filter).toBe(filter);
    expect({ position: error.position, message: error.message }).toEqual({
      position,
      message: expect.stringMatching(message),
    });
  });
});
