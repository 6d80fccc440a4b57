/**
 * A contact's address label: the lines of its letter's Address Block (formatAddressLines, laid
 * out by the contact's country in the line's language), so a label and a letter's ADDRESSBLOCK
 * never differ. A person without an address of their own is labelled at the company's, as the
 * Address Block is.
 */
type Value = string | number | boolean | Date | null | undefined;

export const labelAddressLines = (values: Readonly<Record<string, Value>>): string[] => {
  const block = values["Address Block"];
  if (typeof block !== "string") return [];
  return String(block)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
};
