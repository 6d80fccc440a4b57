/**
 * What fixes each of Log's rules, for the grouped check. A rule without a hint here (one added
 * later) still groups, with the general advice.
 */
const hints: Readonly<Record<string, string>> = {
  contact_exists: "Remove these lines: their contacts were deleted.",
  template_set:
    "Choose an interaction template on the segment (Apply template, updating the lines) or on each line.",
  description_present: "Give the segment a description, or each of these lines its own.",
  email_address:
    "Give these contacts an e-mail address, or choose another correspondence type on the lines.",
  attachment_exists:
    "Upload these contacts' own letters again, or remove them to use the segment's.",
  salesperson_set: "Choose a salesperson on the segment or on each of these lines.",
  fields_unmatched:
    "Match each of these fields of the interaction template's letter to a Mergeline field, or leave it empty (Match Fields on the template's letter), then log.",
};

export const logCheckHint = (rule: string): string =>
  hints[rule] ?? "Fix these lines (see the detail), then check again.";
