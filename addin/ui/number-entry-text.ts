import type { Translate } from "../i18n/translate";
import {
  formatLocaleAmount,
  formatLocaleNumber,
  numberSeparators,
  type NumberEntry,
} from "./locale-number";

/**
 * Why a number box's text is refused, in the user's words and naming the box ("Cost (LCY):
 * …"); undefined when it is a number or empty. An ambiguous entry is answered with the number
 * it would be the other way round, written as this locale writes it.
 */
export const numberEntryText = (
  t: Translate,
  locale: string,
  field: string,
  typed: string,
  entry: NumberEntry,
): string | undefined => {
  const { decimal, group } = numberSeparators(locale);
  if (entry.kind === "ambiguous")
    return t("numbers.entry.ambiguous", {
      field,
      typed: typed.trim(),
      suggestion: formatLocaleNumber(locale, entry.otherReading),
      decimal,
      group,
    });
  if (entry.kind === "malformed")
    return t("numbers.entry.malformed", { field, example: formatLocaleAmount(locale, 1234.5) });
  return undefined;
};
