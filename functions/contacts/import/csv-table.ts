import { CsvError, parse } from "csv-parse/sync";
import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../../errors/app-errors";
import { detectDelimiter, type CsvDelimiter } from "./delimiter-detect";

export interface CsvRow {
  /** 1-based; blank lines count, so row + 1 is the row number the spreadsheet shows. */
  readonly row: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  readonly header: readonly string[];
  /** Data rows, blank ones left out. */
  readonly rows: readonly CsvRow[];
}

const bom = "\uFEFF";

const csvProblem = (rule: string, message: string): ValidationError => {
  const error: ProblemError = { in: "body", field: "csv", rule, message };
  return new ValidationError([error], "The CSV cannot be imported.");
};

const isBlank = (cells: readonly string[]) => cells.every((c) => c === "");

/**
 * Reads a CSV text into a header and data rows: UTF-8 with or without BOM, comma, semicolon or
 * tab, quoted cells with delimiters, "" and line breaks, CRLF or LF. Problems with the file as a
 * whole (not text, not CSV, no rows) are thrown as a ValidationError naming `csv`.
 */
export const readCsvTable = (input: string, delimiter?: CsvDelimiter): CsvTable => {
  const text = input.startsWith(bom) ? input.slice(1) : input;
  if (text.trim() === "")
    throw csvProblem("required", "is empty: send a header row and at least one data row");
  // NUL bytes mean a binary file, an .xlsx for instance, rather than text.
  if (text.includes("\u0000"))
    throw csvProblem("invalid_csv", "is not text: save the sheet as CSV UTF-8 and send that");
  // The body was decoded as UTF-8; replacement characters mean it was not (Excel's plain
  // "CSV" is Windows-1252). Importing would store names with "?" in place of æ, ø and å.
  if (text.includes("\uFFFD")) {
    throw csvProblem(
      "invalid_encoding",
      'is not UTF-8: in Excel choose "CSV UTF-8 (comma delimited)" when saving',
    );
  }
  const used = delimiter ?? detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: used,
      relax_column_count: true,
      // Quotes inside an unquoted cell (12" skærm) are kept as text, as Excel does.
      relax_quotes: true,
      // Unquoted cells only: a quoted cell keeps its spaces.
      trim: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError)
      throw csvProblem("invalid_csv", `is not valid CSV: ${error.message}`);
    throw error;
  }
  const headerIndex = records.findIndex((r) => !isBlank(r));
  const header = records[headerIndex];
  if (headerIndex < 0 || !header)
    throw csvProblem("required", "is empty: send a header row and at least one data row");
  const rows: CsvRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i] as string[];
    if (!isBlank(cells)) rows.push({ row: i - headerIndex, cells });
  }
  if (rows.length === 0) throw csvProblem("no_rows", "has a header row but no data rows");
  return { delimiter: used, header, rows };
};
