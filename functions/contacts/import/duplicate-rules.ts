import type { ProblemError } from "@shared/model/problem";
import type { Candidate, RowProblem, Split } from "./import-row";
import type { StoreFacts } from "./store-facts";

/** A row of this very file that an earlier import of it created, as contact `no`. */
export const importedBefore = (row: number, no: string, when = "before"): ProblemError => ({
  in: "body",
  field: "",
  rule: "imported_before",
  message: `was imported ${when} from this same file, as contact ${no}`,
  row,
});

/**
 * Contacts that are already there, by No. or by e-mail (case-insensitive), in the store or
 * earlier in the file. The first occurrence in the file is kept and later ones are reported, so
 * importing the same file twice doubles nothing; rows with neither are recognised as rows of the
 * same file imported before (row-identity.ts). Only rows that passed validation take part: an
 * invalid row is not imported, so it claims neither its No. nor its e-mail.
 */
export const splitDuplicates = (candidates: readonly Candidate[], facts: StoreFacts): Split => {
  const rowOfNo = new Map<string, number>();
  const rowOfEmail = new Map<string, number>();
  const passed: Candidate[] = [];
  const problems: RowProblem[] = [];
  for (const candidate of candidates) {
    const { no, email } = candidate.contact;
    const before = candidate.rowKey ? facts.importedRows.get(candidate.rowKey) : undefined;
    // A row without No. and e-mail that this file's earlier import created is recognised by its
    // claim; one whose contact is gone (a crash between claim and contact, or a deletion) is
    // written again under the same No., as a keyed row whose contact was deleted would be.
    if (before !== undefined && facts.contacts.has(before)) {
      problems.push({
        row: candidate.row,
        no: before,
        status: "duplicate",
        errors: [importedBefore(candidate.row, before)],
      });
      continue;
    }
    const emailKey = email?.toLowerCase();
    const errors: ProblemError[] = [];
    const dup = (field: string, message: string) =>
      errors.push({ in: "body", field, rule: "unique", message, row: candidate.row });
    if (no) {
      const earlier = rowOfNo.get(no);
      if (earlier !== undefined) dup("no", `No. ${no} is also in row ${earlier}`);
      else if (facts.contacts.has(no)) dup("no", `contact ${no} already exists`);
    }
    if (emailKey) {
      const earlier = rowOfEmail.get(emailKey);
      const owner = facts.emailOwners.get(emailKey);
      if (earlier !== undefined) dup("email", `${email} is also in row ${earlier}`);
      else if (owner !== undefined) dup("email", `${email} is already used by contact ${owner}`);
    }
    if (errors.length) {
      problems.push({ row: candidate.row, ...(no ? { no } : {}), status: "duplicate", errors });
      continue;
    }
    if (no) rowOfNo.set(no, candidate.row);
    if (emailKey) rowOfEmail.set(emailKey, candidate.row);
    passed.push(candidate);
  }
  return { passed, problems };
};
