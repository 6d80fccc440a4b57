import { ownLetterIssue } from "@shared/letter/own-letter-issue";
import { normalizeFieldName } from "@shared/merge/fields/field-name";
import type { FieldMatchSuggestion } from "@shared/model/field-match";
import type { MergeIssue as EngineIssue } from "@shared/merge";
import type { MergeIssue as ApiIssue } from "@shared/model/merge-job";
import type { z } from "zod";
import type { MessageKey } from "../../i18n/en-US";
import type { Translate } from "../../i18n/translate";
import type { MergeData } from "./merge-data";

/** An issue of Check for errors, from the engine in the pane or from the server. */
export interface CheckIssue {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  /** en-US, shown when the pane does not know the code. */
  readonly message: string;
  readonly params: Readonly<Record<string, string | number | readonly string[]>>;
}

export const fromEngine = (issue: EngineIssue): CheckIssue => issue;

export const fromApi = (issue: z.infer<typeof ApiIssue>): CheckIssue => ({
  code: issue.code,
  severity: issue.severity,
  message: issue.message,
  params: issue.params ?? {},
});

/**
 * In Word the engine checks the letter and the pane applies Match Fields: a field that is not
 * Mergeline's and has no match is the pane's `field_unmatched` (as the server says it), not the
 * engine's "stays empty", because the merge refuses it.
 */
export const withUnmatched = (
  issues: readonly CheckIssue[],
  unmatched: readonly FieldMatchSuggestion[],
): CheckIssue[] => {
  const names = new Set(unmatched.map((u) => normalizeFieldName(u.field)));
  return [
    ...unmatched.map((u): CheckIssue => ({
      code: "field_unmatched",
      severity: "error",
      message: `The letter's field "${u.field}" is not a Mergeline field.`,
      params: {
        field: u.field,
        reason: u.reason,
        ...(u.suggestion ? { suggestion: u.suggestion } : {}),
      },
    })),
    ...issues.filter(
      (i) =>
        !(
          i.code === "field_without_data" &&
          typeof i.params["field"] === "string" &&
          names.has(normalizeFieldName(i.params["field"]))
        ),
    ),
  ];
};

/** In Word the engine checks the letter; the lines with their own letter are noted beside it. */
export const ownLetterIssues = (data: readonly MergeData[]): CheckIssue[] =>
  data.flatMap((d, index) => (d.ownLetter ? [ownLetterIssue(d, d.ownLetter.fileName, index)] : []));

const TEXTS: Partial<Record<string, MessageKey>> = {
  no_records: "merge.issue.no_records",
  field_without_data: "merge.issue.field_without_data",
  field_unmatched: "merge.issue.field_unmatched",
  empty_values: "merge.issue.empty_values",
  greeting_without_name: "merge.issue.greeting_without_name",
  email_without_address: "merge.issue.email_without_address",
  template_warning: "merge.issue.template_warning",
  own_letter: "merge.issue.own_letter",
  record_fields_per_contact: "merge.issue.record_fields_per_contact",
};

/** The issue in the user's language, by its code and params; the server's English otherwise. */
export const issueText = (t: Translate, issue: CheckIssue): string => {
  const key = TEXTS[issue.code];
  if (!key) return issue.message;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(issue.params)) {
    values[name] = Array.isArray(value) ? value.join(", ") : (value as string | number);
  }
  return t(key, values);
};
