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
import { highestSeriesNumber } from "./series-numbers";
import { rowKeyOf, tableDigest } from "./row-identity";
import { series } from "../../store/number-series";

export interface ImportJob {
  readonly csv: string;
  readonly options: ContactImportOptions;
  /** Where the options came from (JSON body or query string), for the problems that name them. */
  readonly optionsIn: ProblemError["in"];
}

/** How far an import is, after its checks and after each page written. */
export interface ImportCounts {
  readonly total: number;
  readonly done: number;
  readonly created: number;
  /** Every problem row so far (checks first, then what the writes refused), in no set order. */
  readonly problems: readonly RowProblem[];
}

/**
 * Who follows an import (its job): told when the file has been read, then after each page;
 * answering true from `page` stops the import there (a cancel), with what it wrote kept.
 */
export interface ImportWatch {
  /** Rows per page: the import writes this many, then reports. */
  readonly pageRows: number;
  begin(total: number, mapping: Readonly<Record<string, string>>): Promise<void>;
  page(counts: ImportCounts): Promise<boolean>;
}

/** Without a watch the import writes everything in one go, as it always has. */
const unwatchedPageRows = Number.POSITIVE_INFINITY;

/**
 * Imports a CSV of contacts. A file that cannot be imported at all (not CSV, no rows, a mapping
 * that does not fit) is a ValidationError and nothing is written. Otherwise every row is checked
 * like POST /contacts, for duplicates, codes and references; the rows that pass are written and
 * the others reported with their row number. The store is asked a fixed number of questions for
 * the whole file, never one per row, and once more per page written.
 */
export const importContacts = async (
  deps: AppDeps,
  identity: Identity,
  job: ImportJob,
  watch?: ImportWatch,
): Promise<ContactImportResult & { readonly stopped: boolean }> => {
  const { options } = job;
  const table = readCsvTable(job.csv, options.delimiter);
  const mapping = resolveMapping(table.header, options.mapping, job.optionsIn);
  await watch?.begin(table.rows.length, mapping.used);

  const valid: Candidate[] = [];
  const problems: RowProblem[] = [];
  const digest = tableDigest(table);
  for (const [index, row] of table.rows.entries()) {
    const checked = validateRow(row, mapping, options.defaultType);
    if (!("candidate" in checked)) problems.push(checked.problem);
    else if (checked.candidate.contact.no || checked.candidate.contact.email)
      valid.push(checked.candidate);
    else valid.push({ ...checked.candidate, rowKey: rowKeyOf(identity.tenantId, digest, index) });
  }
  const facts = await loadStoreFacts(deps.store, identity.tenantId, valid);
  const unique = splitDuplicates(valid, facts);
  const columnFor = (field: string) => columnOf(mapping, field);
  // Codes before companies: a company row naming an unknown code is not imported, so its
  // persons must not count on it.
  const coded = splitUnknownCodes(unique.passed, facts, columnFor);
  const resolved = splitUnresolved(coded.passed, facts, columnFor);
  problems.push(...unique.problems, ...coded.problems, ...resolved.problems);

  let imported = options.dryRun ? resolved.passed.length : 0;
  let stopped = false;
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
    // Pages in file order: a company row comes before the persons that name it, and a cancel
    // leaves a prefix of the file written, which the same file imported again completes.
    const pageRows = watch?.pageRows ?? unwatchedPageRows;
    if (resolved.passed.length > pageRows) {
      // The rows without a No. continue after the file's highest series-style No., whichever
      // page each is on (writeCandidates moves the series only past its own page's Nos.).
      const highest = highestSeriesNumber(
        resolved.passed.flatMap((c) => (c.contact.no ? [c.contact.no] : [])),
      );
      if (highest > 0)
        await deps.store.numberSeries.advanceTo(identity.tenantId, series.contact, highest);
    }
    const checkedOut = problems.length;
    let written = 0;
    for (let start = 0; start < resolved.passed.length && !stopped; start += pageRows) {
      const page = resolved.passed.slice(start, start + pageRows);
      const outcome = await writeCandidates(deps, identity, page, {
        nosInFile,
        companyNames,
        importedRows: facts.importedRows,
      });
      imported += outcome.imported;
      written += page.length;
      problems.push(...outcome.problems);
      if (watch) {
        stopped = await watch.page({
          total: table.rows.length,
          done: checkedOut + written,
          created: imported,
          problems,
        });
      }
    }
  } else if (watch) {
    await watch.page({ total: table.rows.length, done: table.rows.length, created: 0, problems });
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
    stopped,
  };
};
