import { ContactCreate, type ContactType } from "@shared/model/contact";
import type { ProblemError } from "@shared/model/problem";
import type { z } from "zod";
import { issuesToErrors } from "../../errors/validation-issues";
import { unguardFormula } from "../export/formula-guard";
import { convertCell, toCustomValue } from "./cell-values";
import { contactColumns } from "./contact-columns";
import { columnOf, inColumn, type ColumnMapping } from "./column-mapping";
import type { CsvRow } from "./csv-table";
import type { Candidate, RowProblem } from "./import-row";

type ContactTypeValue = z.infer<typeof ContactType>;

/** The field a problem is about, without list indexes or custom keys: "mailingGroups.2" -> "mailingGroups". */
const topField = (field: string) => field.split(".")[0] ?? field;

/**
 * One CSV row as the JSON a client would have sent to POST /contacts, with the cells that could
 * not be read as their field's type reported instead of passed on.
 */
export const rowToInput = (
  csvRow: CsvRow,
  mapping: ColumnMapping,
  defaultType: ContactTypeValue,
): { input: Record<string, unknown>; errors: ProblemError[] } => {
  const input: Record<string, unknown> = {};
  const custom: Record<string, string | number | boolean> = {};
  const errors: ProblemError[] = [];
  mapping.targets.forEach((target, i) => {
    if (!target) return;
    // A leading apostrophe is how our export keeps spreadsheets from running a cell as a formula.
    const cell = unguardFormula(csvRow.cells[i] ?? "");
    if (cell === "") return;
    if (target.kind === "custom") {
      custom[target.key] = toCustomValue(cell);
      return;
    }
    const converted = convertCell(contactColumns[target.field].kind, cell);
    if (converted.ok) input[target.field] = converted.value;
    else
      errors.push({
        in: "body",
        field: target.field,
        rule: "invalid_value",
        message: inColumn(converted.message, mapping.headers[i]),
        row: csvRow.row,
      });
  });
  if (Object.keys(custom).length) input["customFields"] = custom;
  if (input["type"] === undefined && !errors.some((e) => e.field === "type"))
    input["type"] = defaultType;
  const extra = csvRow.cells.slice(mapping.headers.length).filter((c) => c !== "").length;
  if (extra > 0) {
    errors.push({
      in: "body",
      field: "",
      rule: "too_many_cells",
      message: `has ${extra} filled cell(s) after the last of the header's ${mapping.headers.length} columns; is a delimiter inside an unquoted cell?`,
      row: csvRow.row,
    });
  }
  return { input, errors };
};

/** A row through the same rules as POST /contacts (ContactCreate with contactRules). */
export const validateRow = (
  csvRow: CsvRow,
  mapping: ColumnMapping,
  defaultType: ContactTypeValue,
): { candidate: Candidate } | { problem: RowProblem } => {
  const { input, errors } = rowToInput(csvRow, mapping, defaultType);
  const parsed = ContactCreate.safeParse(input);
  const unreadable = new Set(errors.map((e) => e.field));
  const ruleErrors = parsed.success
    ? []
    : issuesToErrors(parsed.error.issues, "body", input)
        // A cell that could not be read is reported once, not again as "required".
        .filter((e) => !unreadable.has(topField(e.field)))
        .map((e) => ({
          ...e,
          message: inColumn(e.message, columnOf(mapping, e.field)),
          row: csvRow.row,
        }));
  const all = [...errors, ...ruleErrors];
  if (parsed.success && all.length === 0)
    return { candidate: { row: csvRow.row, contact: parsed.data } };
  const no = typeof input["no"] === "string" ? input["no"] : undefined;
  return { problem: { row: csvRow.row, ...(no ? { no } : {}), status: "invalid", errors: all } };
};
