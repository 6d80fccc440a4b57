import type { ContactImportOptions, ContactImportResult } from "@shared/model/contact-import";
import type { ProblemError } from "@shared/model/problem";
import type { AppDeps } from "../../app-deps";
import type { Identity } from "../../auth/identity";
import { columnOf, resolveMapping } from "./column-mapping";
import { readCsvTable } from "./csv-table";
import { splitUnknownCodes } from "./code-rules";
import { splitDuplicates } from "./duplicate-rules";
import type { Candidate, RowProblem } from "./import-row";
import { splitUnresolved } from "./reference-rules";
import { validateRow } from "./row-conversion";
import { loadStoreFacts } from "./store-facts";
import { writeCandidates } from "./write-contacts";

export interface ImportJob {
  readonly csv: string;
  readonly options: ContactImportOptions;
  /** Where the options came from (JSON body or query string), for the problems that name them. */
  readonly optionsIn: ProblemError["in"];
}

/**
 * Imports a CSV of contacts. A file that cannot be imported at all (not CSV, no rows, a mapping
 * that does not fit) is a ValidationError and nothing is written. Otherwise every row is checked
 * like POST /contacts, for duplicates, codes and references; the rows that pass are written and
 * the others reported with their row number. The store is asked a fixed number of questions for
 * the whole file, never one per row.
 */
export const importContacts = async (
  deps: AppDeps,
  identity: Identity,
  job: ImportJob,
): Promise<ContactImportResult> => {
  const { options } = job;
  const table = readCsvTable(job.csv, options.delimiter);
  const mapping = resolveMapping(table.header, options.mapping, job.optionsIn);

  const valid: Candidate[] = [];
  const problems: RowProblem[] = [];
  for (const row of table.rows) {
    const checked = validateRow(row, mapping, options.defaultType);
    if ("candidate" in checked) valid.push(checked.candidate);
    else problems.push(checked.problem);
  }
  const facts = await loadStoreFacts(deps.store, identity.tenantId, valid);
  const unique = splitDuplicates(valid, facts);
  const columnFor = (field: string) => columnOf(mapping, field);
  // Codes before companies: a company row naming an unknown code is not imported, so its
  // persons must not count on it.
  const coded = splitUnknownCodes(unique.passed, facts, columnFor);
  const resolved = splitUnresolved(coded.passed, facts, columnFor);
  problems.push(...unique.problems, ...coded.problems, ...resolved.problems);

  let imported = resolved.passed.length;
  if (!options.dryRun && resolved.passed.length > 0) {
    // Every No. the file names, imported or not, so that a reserved number never takes the No.
    // of a row the user is about to fix and import again.
    const nosInFile = new Set([
      ...valid.flatMap((c) => (c.contact.no ? [c.contact.no] : [])),
      ...problems.flatMap((p) => (p.no ? [p.no] : [])),
    ]);
    const companyNames = new Map([
      ...[...facts.contacts].flatMap(([no, c]) =>
        c.type === "company" ? [[no, c.name] as const] : [],
      ),
      ...resolved.passed.flatMap(({ contact: c }) =>
        c.type === "company" && c.no ? [[c.no, c.name] as const] : [],
      ),
    ]);
    const written = await writeCandidates(deps, identity, resolved.passed, nosInFile, companyNames);
    imported = written.imported;
    problems.push(...written.problems);
  }
  problems.sort((a, b) => a.row - b.row);
  return {
    rows: table.rows.length,
    imported,
    invalid: problems.filter((p) => p.status === "invalid").length,
    duplicates: problems.filter((p) => p.status === "duplicate").length,
    dryRun: options.dryRun,
    mapping: mapping.used,
    problems,
  };
};
