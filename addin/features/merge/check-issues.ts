import { ownLetterIssue } from "@shared/letter/own-letter-issue";
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

/** In Word the engine checks the letter; the lines with their own letter are noted beside it. */
export const ownLetterIssues = (data: readonly MergeData[]): CheckIssue[] =>
  data.flatMap((d, index) => (d.ownLetter ? [ownLetterIssue(d, d.ownLetter.fileName, index)] : []));

const TEXTS: Partial<Record<string, MessageKey>> = {
  no_records: "merge.issue.no_records",
  field_without_data: "merge.issue.field_without_data",
  empty_values: "merge.issue.empty_values",
  greeting_without_name: "merge.issue.greeting_without_name",
  email_without_address: "merge.issue.email_without_address",
  template_warning: "merge.issue.template_warning",
  own_letter: "merge.issue.own_letter",
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
