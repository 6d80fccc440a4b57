import { guardFormula } from "./formula-guard";

export type ExportDelimiter = "," | ";";

/** The byte order mark that makes Excel read the file as UTF-8 rather than the ANSI code page. */
export const utf8Bom = "\uFEFF";

/** Excel on Windows expects CRLF; RFC 4180 says so too. */
export const lineBreak = "\r\n";

/**
 * One cell as RFC 4180 writes it. Leading or trailing blanks are quoted too: the import trims
 * unquoted cells (Excel leaves stray spaces), so only quoting keeps such a value intact.
 */
export const encodeCell = (value: string, delimiter: ExportDelimiter): string => {
  const cell = guardFormula(value);
  const needsQuotes = cell.includes(delimiter) || /["\r\n]/.test(cell) || /^\s|\s$/.test(cell);
  return needsQuotes ? `"${cell.replace(/"/g, '""')}"` : cell;
};

export const encodeLine = (cells: readonly string[], delimiter: ExportDelimiter): string =>
  cells.map((c) => encodeCell(c, delimiter)).join(delimiter);
