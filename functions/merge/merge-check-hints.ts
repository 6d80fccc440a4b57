/**
 * What fixes each kind of Check for Errors issue, for the grouped check. A code without a hint
 * here (one added later) still groups, with the general advice.
 */
const hints: Readonly<Record<string, string>> = {
  field_without_data: "Remove the field from the letter or choose a field the contacts have.",
  field_unmatched:
    "Match the field to a Mergeline field, or leave it empty on purpose (Match Fields), then merge.",
  empty_values: "Fill in the field on these contacts, or accept that their letters show it empty.",
  greeting_without_name:
    'Use a Greeting Line field (it greets a contact without a name with "Dear Sir or Madam,"), ' +
    "or fill in the name on these contacts.",
  email_without_address:
    "Give these contacts an e-mail address, or choose another correspondence type on the lines.",
  no_records: "Add contacts to the segment before merging.",
  template_warning: "Open the letter in Word and correct what the message names.",
  record_fields_per_contact:
    "Merge into one document to put several contacts in each letter (lists, label sheets), " +
    "or remove NEXT, NEXTIF and SKIPIF from the letter.",
  own_letter_missing:
    "Upload these contacts' own letters again, or remove them to use the segment's.",
};

export const mergeCheckHint = (code: string): string =>
  hints[code] ?? "Correct what the messages name, then check again.";
