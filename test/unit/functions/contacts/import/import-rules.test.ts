import { ContactCreate } from "@shared/model/contact";
import { splitDuplicates } from "../../../../../functions/contacts/import/duplicate-rules";
import type { Candidate } from "../../../../../functions/contacts/import/import-row";
import { splitUnresolved } from "../../../../../functions/contacts/import/reference-rules";
import type { StoreFacts } from "../../../../../functions/contacts/import/store-facts";
import { ProfileLookup } from "../../../../../functions/setup/profile-lookup";

const candidate = (row: number, input: Record<string, unknown>): Candidate => ({
  row,
  contact: ContactCreate.parse({ type: "person", name: `Row ${row}`, ...input }),
});
const facts = (partial: Partial<StoreFacts> = {}): StoreFacts => ({
  contacts: new Map(),
  importedRows: new Map(),
  emailOwners: new Map(),
  salespeople: new Set(),
  codeTables: { codes: {}, profiles: new ProfileLookup([]) },
  ...partial,
});
const rowsOf = (candidates: readonly Candidate[]) => candidates.map((c) => c.row);
const problemsOf = (split: ReturnType<typeof splitDuplicates>) =>
  split.problems.map((p) => [p.row, p.status, p.errors.map((e) => `${e.field}:${e.rule}`)]);

describe("splitDuplicates", () => {
  it("keeps the first of a No. or e-mail in the file and reports later ones", () => {
    const split = splitDuplicates(
      [
        candidate(1, { no: "A", email: "x@x.dk" }),
        candidate(2, { no: "A" }),
        candidate(3, { email: "X@X.DK" }),
        candidate(4, { no: "B", email: "y@x.dk" }),
      ],
      facts(),
    );
    expect(rowsOf(split.passed)).toEqual([1, 4]);
    expect(problemsOf(split)).toEqual([
      [2, "duplicate", ["no:unique"]],
      [3, "duplicate", ["email:unique"]],
    ]);
  });

  it("reports Nos. and e-mails the store already has", () => {
    const split = splitDuplicates(
      [
        candidate(1, { no: "A" }),
        candidate(2, { email: "used@x.dk" }),
        candidate(3, { no: "A2", email: "free@x.dk" }),
      ],
      facts({
        contacts: new Map([["A", { type: "person" as const, name: "A" }]]),
        emailOwners: new Map([["used@x.dk", "KT9"]]),
      }),
    );
    expect(rowsOf(split.passed)).toEqual([3]);
    expect(split.problems[1]?.errors[0]?.message).toContain("KT9");
  });

  it("does not let a duplicate row claim its other key", () => {
    const split = splitDuplicates(
      [
        candidate(1, { no: "A" }),
        candidate(2, { no: "A", email: "z@x.dk" }),
        candidate(3, { email: "z@x.dk" }),
      ],
      facts(),
    );
    expect(rowsOf(split.passed)).toEqual([1, 3]);
  });
});

describe("splitUnresolved", () => {
  const noColumn = () => undefined;

  it("accepts a company in the store or a company row of the file, wherever it is", () => {
    const split = splitUnresolved(
      [
        candidate(1, { companyNo: "C2" }),
        candidate(2, { no: "C2", type: "company" }),
        candidate(3, { companyNo: "C9" }),
        candidate(4, { companyNo: "P1" }),
      ],
      facts({
        contacts: new Map([
          ["C9", { type: "company" as const, name: "C9" }],
          ["P1", { type: "person" as const, name: "P1" }],
        ]),
      }),
      noColumn,
    );
    expect(rowsOf(split.passed)).toEqual([1, 2, 3]);
    expect(problemsOf(split)).toEqual([[4, "invalid", ["companyNo:exists"]]]);
  });

  it("checks salespeople, and a company row that fails takes its persons with it", () => {
    const split = splitUnresolved(
      [
        candidate(1, { no: "C1", type: "company", salespersonCode: "NOPE" }),
        candidate(2, { companyNo: "C1", salespersonCode: "JR" }),
      ],
      facts({ salespeople: new Set(["JR"]) }),
      (field) => (field === "salespersonCode" ? "Sælgerkode" : undefined),
    );
    expect(rowsOf(split.passed)).toEqual([]);
    expect(problemsOf(split)).toEqual([
      [1, "invalid", ["salespersonCode:exists"]],
      [2, "invalid", ["companyNo:exists"]],
    ]);
    expect(split.problems[0]?.errors[0]?.message).toContain('column "Sælgerkode"');
  });
});
