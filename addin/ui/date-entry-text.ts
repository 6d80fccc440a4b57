import type { Translate } from "../i18n/translate";
import { formatLocaleDate, formatLongDate, type DateEntry } from "./locale-date";

/** A day after the 12th, so the example shows which number is the day. */
const EXAMPLE = "2026-12-31";

/** How a date is written in `locale`, shown as an example: "31.12.2026", "12/31/2026". */
export const dateExample = (locale: string): string => formatLocaleDate(locale, EXAMPLE);

/**
 * Why a date box's text is refused, in the user's words and naming the box ("Date: …");
 * undefined when it is a date or empty. An ambiguous entry names both days in words, each with
 * how this locale writes it, so the user can type the one meant.
 */
export const dateEntryText = (
  t: Translate,
  locale: string,
  field: string,
  typed: string,
  entry: DateEntry,
): string | undefined => {
  if (entry.kind === "ambiguous")
    return t("dates.entry.ambiguous", {
      field,
      typed: typed.trim(),
      first: formatLongDate(locale, entry.iso),
      firstTyped: formatLocaleDate(locale, entry.iso),
      second: formatLongDate(locale, entry.otherReading),
      secondTyped: formatLocaleDate(locale, entry.otherReading),
    });
  if (entry.kind === "malformed")
    return t("dates.entry.malformed", { field, example: dateExample(locale) });
  return undefined;
};
