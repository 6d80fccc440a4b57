import { normalizeFieldName } from "./fields/field-name";
import { isGreetingName } from "./fields/greeting-names";
import type { MergeRecord, MergeValue } from "./merge-record";
import { ValueLookup } from "./render/value-lookup";
import type { Template } from "./template";

/**
 * Word's "Check for errors" before a merge, as data: the pane lists the issues (translated by
 * `code` and `params`; `message` is the en-US text) and the user may merge all the same.
 */
export type MergeIssueCode =
  /** There is nothing to merge. */
  | "no_records"
  /** The template uses a field that no record (nor the given field list) provides. */
  | "field_without_data"
  /** A record leaves fields the letter shows empty. */
  | "empty_values"
  /** A record leaves a name the letter greets with empty: "Dear ,". */
  | "greeting_without_name"
  /** A record to be sent by e-mail has no usable e-mail address. */
  | "email_without_address"
  /** A field the template holds but the merge leaves as it is (see template.warnings). */
  | "template_warning"
  /** NEXT, NEXTIF or SKIPIF in a letter merged one document per record: one record each. */
  | "record_fields_per_contact";

export type MergeIssueSeverity = "error" | "warning" | "info";

export interface MergeIssue {
  readonly code: MergeIssueCode;
  readonly severity: MergeIssueSeverity;
  /** en-US, for logs and as the pane's fallback. */
  readonly message: string;
  readonly params: Readonly<Record<string, string | number | readonly string[]>>;
  /** 0-based index of the record the issue is about. */
  readonly record?: number;
}

export interface CheckMergeOptions {
  /** The data source's field names; inferred from the records' keys (and row items) when omitted. */
  readonly availableFields?: readonly string[];
  /** Which records go out by e-mail (e.g. the segment line's correspondence type). */
  readonly isEmail?: (record: MergeRecord, index: number) => boolean;
  /** The field holding the e-mail address, matched like a merge field; "Email" by default. */
  readonly emailField?: string;
  /** How a record is named in messages; its fileName or "record n" by default. */
  readonly describe?: (record: MergeRecord, index: number) => string;
  /** Fields the user chose to leave empty (Match Fields): not reported as empty. */
  readonly leftEmpty?: readonly string[];
  /** Each record is merged into a document of its own (one per contact), not one document. */
  readonly documentPerRecord?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isEmpty = (value: MergeValue): boolean =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

export const checkMerge = (
  template: Template,
  records: readonly MergeRecord[],
  options: CheckMergeOptions = {},
): MergeIssue[] => {
  const issues: MergeIssue[] = [];
  const describe =
    options.describe ?? ((record, index) => record.fileName || `record ${index + 1}`);
  if (records.length === 0) {
    issues.push({
      code: "no_records",
      severity: "error",
      message: "There are no records to merge.",
      params: {},
    });
  }

  const available = new Set<string>();
  if (options.availableFields)
    for (const name of options.availableFields) available.add(normalizeFieldName(name));
  else {
    for (const record of records) {
      for (const name in record.values) available.add(normalizeFieldName(name));
      for (const group in record.rows ?? {}) {
        for (const item of record.rows?.[group] ?? []) {
          for (const name in item) {
            available.add(normalizeFieldName(name));
            available.add(normalizeFieldName(group) + normalizeFieldName(name));
          }
        }
      }
    }
  }

  // One entry per field: where it is used, and whether the letter shows it unconditionally.
  const fields = new Map<
    string,
    { name: string; parts: Set<string>; shown: boolean; inRow: boolean }
  >();
  for (const use of template.fields) {
    const key = normalizeFieldName(use.name);
    let entry = fields.get(key);
    if (!entry)
      fields.set(key, (entry = { name: use.name, parts: new Set(), shown: false, inRow: true }));
    entry.parts.add(use.part);
    const optional =
      use.insideIf || use.switches.some((s) => s.startsWith("\\b") || s.startsWith("\\f"));
    if (!optional) entry.shown = true;
    if (!use.inTableRow) entry.inRow = false;
  }
  for (const [key, entry] of fields) {
    if (available.has(key)) continue;
    issues.push({
      code: "field_without_data",
      severity: "error",
      message: `The merge field "${entry.name}" is not in the data source; it will be left empty.`,
      params: { field: entry.name, parts: [...entry.parts] },
    });
  }

  const emailKey = normalizeFieldName(options.emailField ?? "Email");
  const chosenEmpty = new Set((options.leftEmpty ?? []).map(normalizeFieldName));
  records.forEach((record, index) => {
    const values = new ValueLookup(record.values);
    const empty: string[] = [];
    for (const [key, entry] of fields) {
      if (!entry.shown || !available.has(key) || (entry.inRow && record.rows)) continue;
      if (chosenEmpty.has(key)) continue;
      if (isEmpty(values.get(key))) empty.push(entry.name);
    }
    const label = describe(record, index);
    if (empty.length > 0) {
      issues.push({
        code: "empty_values",
        severity: "warning",
        message: `${label}: ${empty.join(", ")} ${empty.length === 1 ? "is" : "are"} empty.`,
        params: { record: label, fields: empty },
        record: index,
      });
      const nameless = empty.filter(isGreetingName);
      if (nameless.length > 0) {
        issues.push({
          code: "greeting_without_name",
          severity: "warning",
          message:
            `${label}: ${nameless.join(", ")} ${nameless.length === 1 ? "is" : "are"} empty, so ` +
            `a greeting with ${nameless.length === 1 ? "it" : "them"} reads "Dear ,".`,
          params: { record: label, fields: nameless },
          record: index,
        });
      }
    }
    if (options.isEmail?.(record, index)) {
      const address = values.get(emailKey);
      if (typeof address !== "string" || !EMAIL.test(address.trim())) {
        issues.push({
          code: "email_without_address",
          severity: "error",
          message: `${label} is to be sent by e-mail but has no e-mail address.`,
          params: { record: label },
          record: index,
        });
      }
    }
  });

  const flow = template.compiled.document.flow;
  if (options.documentPerRecord && flow) {
    // A document of one record has no next record: NEXT leaves what follows it blank and
    // SKIPIF drops no one (README, "One document per contact"). Said once, not per record.
    const kinds = [...new Set(flow.steps.map((s) => s.flow))];
    issues.push({
      code: "record_fields_per_contact",
      severity: "warning",
      message:
        `The letter has ${kinds.join(", ")}, which put several records in one letter; merged one ` +
        "document per contact, each document shows its own contact only.",
      params: { fields: kinds },
    });
  }

  for (const warning of template.warnings) {
    issues.push({
      code: "template_warning",
      severity: "warning",
      message: `${warning.part}: ${warning.message}`,
      params: { warning: warning.code, part: warning.part, field: warning.field },
    });
  }
  return issues;
};
