import { checkContactCodes } from "../contact-code-check";
import { inColumn } from "./column-mapping";
import type { Candidate, RowProblem, Split } from "./import-row";
import type { StoreFacts } from "./store-facts";

/**
 * Every row's codes checked against the tenant's setup tables as POST /contacts checks them, with
 * the tables read once for the whole file. A row naming a code nobody set up is reported (field,
 * rule, nearest code, column) and not imported; the other rows go on.
 */
export const splitUnknownCodes = (
  candidates: readonly Candidate[],
  facts: StoreFacts,
  columnFor: (field: string) => string | undefined,
): Split => {
  const passed: Candidate[] = [];
  const problems: RowProblem[] = [];
  for (const candidate of candidates) {
    const { errors, profileAnswers } = checkContactCodes(candidate.contact, facts.codeTables);
    if (errors.length === 0) {
      passed.push({ ...candidate, contact: { ...candidate.contact, profileAnswers } });
      continue;
    }
    const { no } = candidate.contact;
    problems.push({
      row: candidate.row,
      ...(no ? { no } : {}),
      status: "invalid",
      errors: errors.map((e) => ({
        ...e,
        message: inColumn(e.message, columnFor(e.field)),
        row: candidate.row,
      })),
    });
  }
  return { passed, problems };
};
