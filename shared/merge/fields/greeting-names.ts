import { normalizeFieldName } from "./field-name";

/**
 * Fields a letter greets its reader with ("Dear { MERGEFIELD First_Name },"): when one is empty
 * the greeting reads "Dear ,", which no letter may say unwarned. Mergeline's names, Word's
 * address-field names, and the Danish ones.
 */
const GREETING_NAMES: ReadonlySet<string> = new Set(
  [
    "Salutation",
    "Tiltale",
    "Courtesy Title",
    "First Name",
    "Fornavn",
    "Surname",
    "Last Name",
    "Efternavn",
    "Name",
    "Navn",
  ].map(normalizeFieldName),
);

export const isGreetingName = (fieldName: string): boolean =>
  GREETING_NAMES.has(normalizeFieldName(fieldName));
