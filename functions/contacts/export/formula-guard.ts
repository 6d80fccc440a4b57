/**
 * CSV formula injection (OWASP): Excel and LibreOffice run a cell that starts with = + - @ (or
 * a tab or CR they skip) as a formula, so an exported "=HYPERLINK(...)" name would execute on the
 * marketer's machine. A leading apostrophe makes the spreadsheet show the text as it is.
 *
 * The apostrophe also goes before cells that already start with apostrophes followed by such a
 * character, so that unguardFormula can remove exactly one and the import gets back what was
 * exported: "+45 33 12 34 56" -> "'+45 33 12 34 56" -> "+45 33 12 34 56", and
 * "'=x" -> "''=x" -> "'=x".
 */
const guarded = /^'*[=+\-@\t\r]/;
const unguardable = /^'+[=+\-@\t\r]/;

export const guardFormula = (cell: string): string => (guarded.test(cell) ? `'${cell}` : cell);

/** Undoes guardFormula; an apostrophe the guard cannot have added is the user's and stays. */
export const unguardFormula = (cell: string): string =>
  unguardable.test(cell) ? cell.slice(1) : cell;
