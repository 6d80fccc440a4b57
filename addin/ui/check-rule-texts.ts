import { enUS, type MessageKey } from "../i18n/en-US";
import { messagesFor, type Translate } from "../i18n/translate";

/**
 * What a check's rule says about one line, and what fixes it, in the pane's language. The server
 * words its findings in English; the pane says them by rule code from the line's own data, so a
 * Danish marketer never reads the server's English.
 */
const exampleKeys: Readonly<Record<string, MessageKey>> = {
  contact_exists: "checks.rule.contact_exists",
  template_set: "checks.rule.template_set",
  description_present: "checks.rule.description_present",
  email_address: "checks.rule.email_address",
  attachment_exists: "checks.rule.attachment_exists",
  salesperson_set: "checks.rule.salesperson_set",
  fields_unmatched: "checks.rule.fields_unmatched",
};

const hintKeys: Readonly<Record<string, MessageKey>> = {
  contact_exists: "checks.hint.contact_exists",
  template_set: "checks.hint.template_set",
  description_present: "checks.hint.description_present",
  email_address: "checks.hint.email_address",
  attachment_exists: "checks.hint.attachment_exists",
  salesperson_set: "checks.hint.salesperson_set",
  fields_unmatched: "checks.hint.fields_unmatched",
  field_without_data: "checks.hint.field_without_data",
  field_unmatched: "checks.hint.field_unmatched",
  empty_values: "checks.hint.empty_values",
  email_without_address: "checks.hint.email_address",
  no_records: "checks.hint.no_records",
  template_warning: "checks.hint.template_warning",
  own_letter: "checks.hint.own_letter",
  own_letter_missing: "checks.hint.attachment_exists",
};

/** The server speaks English: its own words may be shown only to a pane that does too. */
export const readsServerText = (language: string): boolean => messagesFor(language) === enUS;

export interface RuleLine {
  readonly lineNo: number;
  readonly contactNo?: string | undefined;
}

/**
 * One finding in the pane's language, from its rule and line. A rule the pane does not know yet
 * keeps the server's message where the pane speaks English, and is named by its code otherwise.
 */
export const ruleMessage = (
  t: Translate,
  language: string,
  finding: { readonly rule: string; readonly message: string },
  line: RuleLine | undefined,
): string => {
  const key = exampleKeys[finding.rule];
  if (key) return t(key, { contactNo: line?.contactNo ?? "", lineNo: line?.lineNo ?? "" }).trim();
  return readsServerText(language)
    ? finding.message
    : t("checks.rule.other", { rule: finding.rule });
};

/** What fixes a rule, in the pane's language; the server's hint only where it can be read. */
export const ruleHint = (
  t: Translate,
  language: string,
  group: { readonly rule: string; readonly hint: string },
): string => {
  const key = hintKeys[group.rule];
  if (key) return t(key);
  return group.hint && readsServerText(language) ? group.hint : t("checks.groups.fallback");
};
