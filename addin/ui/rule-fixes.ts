import type { MessageKey } from "../i18n/en-US";
import type { FixTarget } from "./go-to-fix";

/** Where each rule of a check (Log's, Check for errors', the merge's refusals) is fixed. */
const FIXES: Readonly<Record<string, FixTarget>> = {
  template_set: { tab: "lines", field: "interactionTemplateCode" },
  salesperson_set: { tab: "lines", field: "salespersonCode" },
  description_present: { tab: "lines", field: "description" },
  contact_exists: { tab: "lines" },
  email_address: { tab: "lines" },
  email_without_address: { tab: "lines" },
  empty_values: { tab: "lines" },
  attachment_exists: { tab: "lines" },
  own_letter_missing: { tab: "lines" },
  fields_unmatched: { tab: "merge" },
  field_without_data: { tab: "letter" },
  no_records: { tab: "criteria" },
  template_warning: { tab: "letter" },
};

export const fixOf = (rule: string): FixTarget | undefined => FIXES[rule];

/** The button's words: what it opens, or the field it takes the user to. */
export const fixLabel = (target: FixTarget): MessageKey =>
  target.field ? `checks.goTo.field.${target.field}` : `checks.goTo.tab.${target.tab}`;
