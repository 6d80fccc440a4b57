import type { ProblemError } from "@shared/model/problem";
import { inColumn } from "./column-mapping";
import type { Candidate, RowProblem, Split } from "./import-row";
import type { StoreFacts } from "./store-facts";

/**
 * Table relations as Business Central enforces them, for a whole file at once: a salesperson code
 * must exist, and a person's company must be a company in the store or a company row of this file
 * that will be imported. Companies are settled first, so that a person does not point at a
 * company row that fails its own check.
 */
export const splitUnresolved = (
  candidates: readonly Candidate[],
  facts: StoreFacts,
  columnFor: (field: string) => string | undefined,
): Split => {
  const salespersonErrors = (c: Candidate): ProblemError[] =>
    c.contact.salespersonCode && !facts.salespeople.has(c.contact.salespersonCode)
      ? [
          {
            in: "body",
            field: "salespersonCode",
            rule: "exists",
            message: inColumn(
              `salesperson ${c.contact.salespersonCode} does not exist`,
              columnFor("salespersonCode"),
            ),
            row: c.row,
          },
        ]
      : [];
  const companiesInFile = new Set(
    candidates.flatMap((c) =>
      c.contact.type === "company" && c.contact.no && salespersonErrors(c).length === 0
        ? [c.contact.no]
        : [],
    ),
  );
  const passed: Candidate[] = [];
  const problems: RowProblem[] = [];
  for (const candidate of candidates) {
    const { companyNo, no } = candidate.contact;
    const errors = salespersonErrors(candidate);
    if (
      companyNo &&
      !companiesInFile.has(companyNo) &&
      facts.contacts.get(companyNo)?.type !== "company"
    ) {
      errors.push({
        in: "body",
        field: "companyNo",
        rule: "exists",
        message: inColumn(`company contact ${companyNo} does not exist`, columnFor("companyNo")),
        row: candidate.row,
      });
    }
    if (errors.length)
      problems.push({ row: candidate.row, ...(no ? { no } : {}), status: "invalid", errors });
    else passed.push(candidate);
  }
  return { passed, problems };
};
