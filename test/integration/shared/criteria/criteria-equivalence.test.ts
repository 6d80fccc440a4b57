/**
 * The two back ends of the criteria language must agree: for random criteria trees and random
 * contacts, the contacts the compiled SQL selects from the embedded Cosmos DB server (through
 * the real @azure/cosmos SDK) are exactly those the in-memory evaluator accepts.
 *
 * Contacts are generated in batches of 60 (missing fields, "", mixed case, Danish letters,
 * wrong types, numbers vs strings in custom fields), inserted once per batch under a fresh
 * tenant, and queried with several trees each, so 200+ trees run in a few seconds.
 */
import type { Container } from "@azure/cosmos";
import fc from "fast-check";
import type { ContactDoc } from "../../../../functions/store/contact-repository";
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from "../../../../functions/store/embedded/embedded-cosmos";
import { connect, type ConnectedClient } from "../../store/embedded/embedded-client";
import { compileToSql } from "@shared/criteria/compile-sql";
import type { CriteriaNode, Operator, Scalar } from "@shared/criteria/criteria-tree";
import { evaluate, type ContactDocLike, type ResolvedSets } from "@shared/criteria/evaluate";
import { explainAsTyped } from "@shared/criteria/explain-as-typed";
import { contactFields, fieldDef, operatorsFor, type FieldType } from "@shared/criteria/fields";
import { normalizeCriteria } from "@shared/criteria/normalize";

// The stored document must satisfy what the criteria read (a compile-time check).
const storedDocIsReadable = (doc: ContactDoc): ContactDocLike => doc;
void storedDocIsReadable;

const TODAY = "2026-03-15";
const CONTACTS_PER_BATCH = 60;
const TREES_PER_BATCH = 5;
const BATCHES = 80;
/** Shrink steps per argument, each a batch inserted and its trees run again. */
const SHRINKS = { trees: 100, sets: 20, contacts: 60 } as const;

// ---------------------------------------------------------------- values both sides draw from

const TEXTS = [
  "aarhus",
  "Aarhus C",
  "AARHUS C",
  "aarhus c",
  "Odense",
  "odense",
  "Ødis",
  "øster",
  "Øster",
  "æble",
  "Æble",
  "ÆBLE",
  "Århus",
  "a",
  "A",
  "B",
  "b a",
  " a",
  "z",
  "Z",
  "10",
  "8000",
  "8999",
  "9000",
  "DK-8000",
  "dk-8000",
  "ab",
  "Ab",
  "@firma.dk",
  "x@firma.dk",
] as const;
const PREFIXES = [
  "a",
  "aa",
  "aar",
  "ø",
  "Æ",
  "8",
  "dk",
  "c",
  "us c",
  "B",
  "@firma.dk",
  "1",
] as const;
/** like patterns: ? is one character, * at one end. */
const PATTERNS = ["?", "a?", "?arhus c", "*?us", "8?00", "80??*", "??-8*", "aa??*", "*ø?", "Ø?is"];
const DATES_STORED = [
  "2026-03-15",
  "2026-03-15T12:00:00Z",
  "2026-03-14T23:59:59.999Z",
  "2026-03-16",
  "2026-03-09",
  "2026-03-08T10:00:00Z",
  "2026-03-01T00:00:00Z",
  "2026-02-28T23:59:59Z",
  "2026-02-01",
  "2026-02-13",
  "2025-12-31T23:00:00Z",
  "2026-01-01",
  "2027-01-01T00:00:00Z",
] as const;
const DATES_ASKED = [
  "today",
  "t",
  "-30D",
  "-1M",
  "+1W",
  "yesterday",
  "last month",
  "this month",
  "this week",
  "last week",
  "next year",
  "2026",
  "2026-02",
  "2026-W11",
  "2026-02-28",
  "2026-03-01",
  "last 30 days",
  "2026-03-15",
] as const;
const CODES = ["NYHED", "VIP", "B2B", "ÆBLE", "X"] as const;
const CUSTOM_KEYS = ["k1", "k2", "k3"] as const;

const textValue = fc.constantFrom(...TEXTS);
// Answers of one question as a Profile row ticks them, in the case contacts and rows write them.
const PROFILE_ANSWERS = ["Retail", "retail", "Wholesale", "WHOLESALE", "Online", "Ønsket"] as const;
const profileAnswer = fc.constantFrom(...PROFILE_ANSWERS);
const customValue = fc.oneof(
  textValue,
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(1.5, 0.25, 8000),
  fc.boolean(),
);

/** Present, missing, "", or of the wrong type: everything an old document may hold. */
const stored = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: value },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(8000, true, null) },
  );

// ---------------------------------------------------------------- contacts

const contactShape = fc.record(
  {
    type: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom("company", "person") },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    companyNo: fc.option(fc.constantFrom("C0", "C1", "C2", "C3", "C4", "C5", "CX"), {
      nil: undefined,
    }),
    name: stored(textValue),
    searchName: stored(textValue.map((t) => t.toUpperCase())),
    city: stored(textValue),
    postCode: stored(fc.constantFrom("8000", "8999", "9000", "DK-8000", "dk-8000", "10", "a")),
    salespersonCode: stored(fc.constantFrom("SP1", "SP2", "sp1")),
    countryRegionCode: stored(fc.constantFrom("DK", "SE", "dk")),
    territoryCode: stored(fc.constantFrom("JYL", "FYN")),
    languageCode: stored(fc.constantFrom("da-DK", "en-US", "da-dk")),
    emailKey: stored(fc.constantFrom("x@firma.dk", "anna@æblegården.dk", "b@other.com")),
    emailDomain: stored(fc.constantFrom("firma.dk", "æblegården.dk", "other.com")),
    correspondenceType: stored(fc.constantFrom("hardCopy", "email", "EMAIL")),
    excludeFromSegments: fc.oneof(fc.boolean(), fc.constant(undefined), fc.constant("true")),
    jobTitle: stored(textValue),
    firstName: stored(textValue),
    surname: stored(textValue),
    phone: stored(fc.constantFrom("+45 33 12 34 56", "12345678")),
    createdAt: stored(fc.constantFrom(...DATES_STORED)),
    modifiedAt: stored(fc.constantFrom(...DATES_STORED)),
    mailingGroups: fc.option(fc.subarray([...CODES]), { nil: undefined }),
    jobResponsibilities: fc.option(fc.subarray([...CODES]), { nil: undefined }),
    profileAnswers: fc.option(
      fc.array(
        fc.record(
          {
            questionnaire: fc.constantFrom("Q1", "Q2"),
            question: fc.constantFrom("size", "Size", "branche"),
            answer: fc.oneof(textValue, profileAnswer, fc.constant("")),
          },
          { requiredKeys: ["questionnaire", "question"] },
        ),
        { maxLength: 3 },
      ),
      { nil: undefined },
    ),
    customFields: fc.option(
      fc.dictionary(fc.constantFrom(...CUSTOM_KEYS), customValue, { maxKeys: 3 }),
      {
        nil: undefined,
      },
    ),
  },
  { requiredKeys: [] },
);

/** Numbered C0..C59 so that conditions and sets can name them; undefined keys dropped as JSON would. */
const contactBatch = fc
  .array(contactShape, { minLength: CONTACTS_PER_BATCH, maxLength: CONTACTS_PER_BATCH })
  .map((shapes) =>
    shapes.map(
      (shape, i) =>
        Object.fromEntries(
          Object.entries({ no: `C${i}`, ...shape }).filter(([, v]) => v !== undefined),
        ) as ContactDocLike,
    ),
  );

/** Six sets of numbers, some of contacts that do not exist; conditions pick theirs by a code. */
const setsSpec = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 69 }), { maxLength: 40 }), {
  minLength: 6,
  maxLength: 6,
});

const resolvedSets = (spec: readonly (readonly number[])[]): ResolvedSets => {
  const sets = spec.map((indexes) => new Set(indexes.map((i) => `C${i}`)));
  const pick = (key: string) =>
    sets[[...key].reduce((h, ch) => h + ch.charCodeAt(0), 0) % sets.length] ?? new Set<string>();
  return {
    contactsFor: (node) =>
      pick(node.kind === "segment" ? (node.segmentNo ?? "") : (node.campaignNo ?? "none")),
    companiesFor: (node) =>
      pick(`${node.list}${node.match === "all" ? "all" : ""}${node.codes.join("")}`),
  };
};

// ---------------------------------------------------------------- criteria

const FIELD_NAMES = [...Object.keys(contactFields), ...CUSTOM_KEYS.map((k) => `custom.${k}`)];

const FILTERS: Readonly<Record<FieldType, readonly string[]>> = {
  code: [
    "8000..8999",
    "DK*|8*",
    "<>''",
    "''",
    "*",
    "<>8000",
    "@dk*",
    "'DK-8000'|a",
    "(8*&<>8999)|9000",
    "<9",
    ">=a",
    "*000",
    "*-*",
    "8?00",
    "<>?K-*",
    "@dk-????",
  ],
  text: [
    "aar*|''",
    "*us c",
    "*rhu*",
    "<>aarhus c",
    "'Aarhus C'|Odense",
    "(a..c)&<>b",
    "<b",
    ">=ø",
    "Æ*",
    "*",
    "<>*",
    "@ØSTER",
    "..b",
    "x@*",
    "aarhus ?",
    "?d*|*?s",
  ],
  any: [
    "5",
    "'5'",
    "1..6",
    "aarhus*",
    "true",
    "<>''",
    "<10",
    "a..c",
    "<>false",
    "8000|'8000'",
    "*a*",
  ],
  // Filled in per field from its values (filtersFor).
  enum: [],
  boolean: ["Yes", "Nej|Ja", "<>1"],
  date: [
    "-30D..today",
    "last month",
    "<last month",
    ">=this week",
    "''",
    "<>today",
    "2026-02-01..",
    "..2025",
    "<=t",
    ">2026-03-14",
    "2026-W10|2026-W11",
    "<>this month",
  ],
  number: ["1..5"],
};

const filtersFor = (type: FieldType, enumValues: readonly string[]): readonly string[] => {
  const [first = "", second = ""] = enumValues;
  return type === "enum"
    ? [first, `${second.toUpperCase()}|''`, `<>${first}`, `${first}|${second}`]
    : FILTERS[type];
};

const notBoolean = fc.oneof(textValue, fc.integer({ min: -3, max: 12 }), fc.constant(1.5));

/** Values for one operator on one field type, always ones normalize accepts. */
const operandFor = (
  type: FieldType,
  op: Operator,
  enumValues: readonly string[],
): fc.Arbitrary<{ value?: Scalar; values?: Scalar[] }> => {
  const one: fc.Arbitrary<Scalar> =
    type === "enum"
      ? fc.constantFrom(...enumValues, ...enumValues.map((v) => v.toUpperCase()))
      : type === "boolean"
        ? fc.constantFrom<Scalar>(true, false, "Ja", "nej")
        : type === "date"
          ? fc.constantFrom(...DATES_ASKED)
          : type === "any"
            ? ["lt", "le", "gt", "ge", "between"].includes(op)
              ? notBoolean
              : op === "like"
                ? fc.constantFrom(...PATTERNS)
                : ["startsWith", "endsWith", "contains"].includes(op)
                  ? fc.oneof(fc.constantFrom(...PREFIXES), fc.integer({ min: 0, max: 12 }))
                  : customValue
            : op === "like"
              ? fc.constantFrom(...PATTERNS)
              : ["startsWith", "endsWith", "contains"].includes(op)
                ? fc.constantFrom(...PREFIXES)
                : textValue;
  switch (op) {
    case "empty":
    case "notEmpty":
      return fc.constant({});
    case "in":
    case "notIn":
      return fc.array(one, { minLength: 1, maxLength: 4 }).map((values) => ({ values }));
    case "between":
      return type === "any"
        ? fc
            .oneof(
              fc.tuple(fc.integer({ min: -3, max: 12 }), fc.integer({ min: -3, max: 12 })),
              fc.tuple(textValue, textValue),
            )
            .map((values) => ({ values }))
        : fc.tuple(one, one).map((values) => ({ values }));
    default:
      // eq '' is how Business Central says empty: exercise it now and then.
      return (op === "eq" || op === "ne") && (type === "code" || type === "text" || type === "any")
        ? fc
            .oneof({ weight: 9, arbitrary: one }, { weight: 1, arbitrary: fc.constant("") })
            .map((value) => ({ value }))
        : one.map((value) => ({ value }));
  }
};

const fieldCondition: fc.Arbitrary<CriteriaNode> = fc.constantFrom(...FIELD_NAMES).chain((name) => {
  const def = fieldDef(name);
  if (!def) throw new Error(name);
  const withOp = fc.constantFrom(...operatorsFor(def.type)).chain((op) =>
    fc
      .tuple(operandFor(def.type, op, def.enumValues ?? []), fc.boolean())
      .map(([operand, ignoreCase]): CriteriaNode => ({
        kind: "field",
        field: name,
        op,
        ...operand,
        ...(def.type === "code" && ignoreCase ? { ignoreCase } : {}),
      })),
  );
  const withFilter = fc
    .constantFrom(...filtersFor(def.type, def.enumValues ?? []))
    .map((filter): CriteriaNode => ({ kind: "field", field: name, filter }));
  return fc.oneof({ weight: 3, arbitrary: withOp }, { weight: 1, arbitrary: withFilter });
});

const profileCondition: fc.Arbitrary<CriteriaNode> = fc
  .record({
    questionnaire: fc.constantFrom("Q1", "Q2"),
    question: fc.constantFrom("size", "Size", "branche"),
    op: fc.constantFrom(...operatorsFor("text")),
  })
  .chain(({ questionnaire, question, op }) =>
    operandFor("text", op, []).map((operand): CriteriaNode => ({
      kind: "profile",
      questionnaire,
      question,
      op,
      ...operand,
    })),
  );

/** A Profile row with several answers ticked (any of them matches), or one as rows were stored. */
const tickedAnswers: fc.Arbitrary<CriteriaNode> = fc
  .record({
    questionnaire: fc.constantFrom("Q1", "Q2"),
    question: fc.constantFrom("size", "Size", "branche"),
    answers: fc.uniqueArray(profileAnswer, { minLength: 1, maxLength: 4 }),
  })
  .map(({ questionnaire, question, answers }): CriteriaNode =>
    answers.length === 1
      ? { kind: "profile", questionnaire, question, op: "eq", value: answers[0] as string }
      : { kind: "profile", questionnaire, question, op: "in", values: answers },
  );

const listCondition: fc.Arbitrary<CriteriaNode> = fc.record({
  kind: fc.constant("list" as const),
  list: fc.constantFrom(
    "mailingGroups",
    "jobResponsibilities",
    "industryGroups",
    "businessRelations",
  ),
  match: fc.constantFrom("any", "all", "none"),
  codes: fc.subarray([...CODES], { minLength: 1, maxLength: 3 }),
});

const externalCondition: fc.Arbitrary<CriteriaNode> = fc.oneof(
  fc.record({
    kind: fc.constant("interactions" as const),
    has: fc.boolean(),
    campaignNo: fc.constantFrom("K1", "K2", "K3"),
  }),
  fc.record({
    kind: fc.constant("segment" as const),
    in: fc.boolean(),
    segmentNo: fc.constantFrom("S1", "S2", "S3"),
  }),
);

const leaf = fc.oneof(
  { weight: 8, arbitrary: fieldCondition },
  { weight: 2, arbitrary: profileCondition },
  { weight: 2, arbitrary: tickedAnswers },
  { weight: 2, arbitrary: listCondition },
  { weight: 1, arbitrary: externalCondition },
);

const { tree } = fc.letrec<{
  tree: CriteriaNode;
  and: CriteriaNode;
  or: CriteriaNode;
  not: CriteriaNode;
}>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 4, depthIdentifier: "criteria" },
    leaf,
    tie("and"),
    tie("or"),
    tie("not"),
  ),
  and: fc
    .array(tie("tree"), { minLength: 1, maxLength: 4 })
    .map((items): CriteriaNode => ({ kind: "and", items })),
  or: fc
    .array(tie("tree"), { minLength: 1, maxLength: 4 })
    .map((items): CriteriaNode => ({ kind: "or", items })),
  not: tie("tree").map((item): CriteriaNode => ({ kind: "not", item })),
}));

// ---------------------------------------------------------------- the store

describe("criteria: the SQL compiler and the evaluator agree", () => {
  let store: EmbeddedCosmos;
  let connection: ConnectedClient;
  let container: Container;
  let tenants = 0;
  let treesRun = 0;
  let leavesMatching = 0;

  beforeAll(async () => {
    store = await startEmbeddedCosmos();
    connection = connect(store);
    const { database } = await connection.client.databases.createIfNotExists({ id: "criteria" });
    ({ container } = await database.containers.createIfNotExists({
      id: "contacts",
      partitionKey: { paths: ["/pk"] },
    }));
  });

  afterAll(async () => {
    connection?.dispose();
    await store?.close();
  });

  const insert = async (contacts: readonly ContactDocLike[]): Promise<string> => {
    tenants += 1;
    const tenant = `tenant-${tenants}`;
    await Promise.all(
      contacts.map((c) =>
        container.items.create({
          ...c,
          id: c.no,
          pk: tenant,
          tenantId: tenant,
          docType: "contact",
        }),
      ),
    );
    return tenant;
  };

  const selectNos = async (
    tenant: string,
    where: string,
    parameters: { name: string; value: unknown }[],
  ): Promise<string[]> => {
    const { resources } = await container.items
      .query<{ no: string }>(
        {
          query: `SELECT c.no FROM c WHERE c.tenantId = @t AND (${where})`,
          parameters: [...parameters, { name: "@t", value: tenant }] as {
            name: string;
            value: string;
          }[],
        },
        { partitionKey: tenant },
      )
      .fetchAll();
    return resources.map((r) => r.no).sort();
  };

  it("on random trees over random contacts in the embedded Cosmos DB server", async () => {
    await fc.assert(
      // Trees first: a failure shrinks the trees before the contacts, which is what one reads.
      // A failure shrinks by re-inserting batches: a bounded number of times (counted, not
      // timed), so a failing run reports its smallest case found well within the test's timeout.
      fc.asyncProperty(
        fc.limitShrink(
          fc.array(tree, { minLength: TREES_PER_BATCH, maxLength: TREES_PER_BATCH }),
          SHRINKS.trees,
        ),
        fc.limitShrink(setsSpec, SHRINKS.sets),
        fc.limitShrink(contactBatch, SHRINKS.contacts),
        async (trees, spec, contacts) => {
          const tenant = await insert(contacts);
          const sets = resolvedSets(spec);
          for (const raw of trees) {
            const normalized = normalizeCriteria(raw, TODAY);
            const { where, parameters } = compileToSql(normalized, sets);
            const bySql = await selectNos(tenant, where, parameters);
            const inMemory = contacts
              .filter((c) => evaluate(normalized, c, sets))
              .map((c) => c.no)
              .sort();
            // The explanation in the words typed reaches the same verdict as the whole tree.
            const typed = explainAsTyped(raw, TODAY);
            for (const c of contacts) {
              expect(typed.explain(c, sets).matched).toBe(evaluate(normalized, c, sets));
            }
            if (bySql.join() !== inMemory.join()) {
              const differing = contacts.filter(
                (c) => bySql.includes(c.no) !== inMemory.includes(c.no),
              );
              throw new Error(
                `SQL and evaluator disagree on ${differing.map((c) => c.no).join(", ")}\n` +
                  `tree: ${JSON.stringify(raw)}\nnormalized: ${JSON.stringify(normalized)}\n` +
                  `where: ${where}\nparameters: ${JSON.stringify(parameters)}\n` +
                  `first differing contact: ${JSON.stringify(differing[0])} (SQL: ${bySql.includes(differing[0]?.no ?? "")})`,
              );
            }
            treesRun += 1;
            if (inMemory.length > 0 && inMemory.length < contacts.length) leavesMatching += 1;
          }
        },
      ),
      { numRuns: BATCHES },
    );
    console.log(
      `${treesRun} trees over ${tenants} batches of ${CONTACTS_PER_BATCH} contacts agreed; ` +
        `${leavesMatching} of them selected some but not all contacts`,
    );
    // Trees that select nothing or everything prove little: most must split the batch.
    expect(leavesMatching).toBeGreaterThan(treesRun / 3);
  }, 300_000);
});
