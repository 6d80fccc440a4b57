/**
 * CSV formula injection (OWASP): Excel and LibreOffice run a cell that starts with = + - @ (or
 * a tab or CR they skip) as a formula, so an exported "=HYPERLINK(...)" name would execute on the
 * marketer's machine. A leading apostrophe makes the spreadsheet show the text as it is.
 *
 * The cell is not the only start to guard: a reader may split the file at another delimiter than
 * the one it was written with (our `;` file opened with commas, or split at tabs or blanks), and
 * then "x,=cmd|..." is two fields, the second a formula. Quoting does not help, because a reader
 * with another delimiter does not see our quotes where we put them. So every place where such a
 * reader could start a field is guarded: the start of the cell and right after any separator a
 * spreadsheet offers or a line reader breaks at (comma, semicolon, tab, blank, pipe, colon, CR,
 * LF), past blanks and double quotes that the reader may trim or take as an opening quote. A
 * delimiter chosen as "other" (any letter) cannot be guarded against short of guarding every
 * formula character, which would garble ordinary text ("a-b").
 *
 * The apostrophe also goes before runs of apostrophes followed by such a character, so that
 * unguardFormula can remove exactly one and the import gets back what was exported:
 * "+45 33 12 34 56" -> "'+45 33 12 34 56" -> "+45 33 12 34 56", "'=x" -> "''=x" -> "'=x", and
 * "Hansen - Byg" -> "Hansen '- Byg" -> "Hansen - Byg".
 */
export const readerSeparators = [",", ";", "\t", " ", "|", ":", "\r", "\n"] as const;

const separator = `[,;\\t |:\\r\\n]`;
/** A place a reader may start a field at, then blanks or quotes it may skip. */
const fieldStart = `(?<=^|${separator})([ "]*)`;
const formulaStart = `('*[=+\\-@\\t\\r])`;

const guarded = new RegExp(`${fieldStart}${formulaStart}`, "g");
const unguardable = new RegExp(`${fieldStart}'${formulaStart}`, "g");

export const guardFormula = (cell: string): string => cell.replace(guarded, "$1'$2");

/** Undoes guardFormula; an apostrophe the guard cannot have added is the user's and stays. */
export const unguardFormula = (cell: string): string => cell.replace(unguardable, "$1$2");
