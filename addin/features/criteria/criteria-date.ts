import { RelativeDateError, resolveDate } from "@shared/criteria/relative-date";
import type { Translate } from "../../i18n/translate";
import { dateEntryText, dateExample } from "../../ui/date-entry-text";
import { formatLocaleDate, parseLocaleDate } from "../../ui/locale-date";

/**
 * A date in criteria is stored as the API reads it: yyyy-mm-dd, or a relative date as typed
 * ("-30D", "last month"), which the server resolves against its own today. The user types and
 * reads the absolute ones the locale's way.
 */

const isRelative = (text: string, today: string): boolean => {
  try {
    resolveDate(text, today);
    return true;
  } catch (error) {
    if (error instanceof RelativeDateError) return false;
    throw error;
  }
};

/** What a criteria date box stores for its text: a date the locale's way becomes yyyy-mm-dd. */
export const criteriaDateValue = (locale: string, typed: string, today: string): string => {
  if (isRelative(typed, today)) return typed;
  const entry = parseLocaleDate(locale, typed, today);
  return entry.kind === "date" ? entry.iso : typed;
};

/** A stored criteria date as the box shows it: "07.12.2026" for 2026-12-07; "-30D" as it is. */
export const criteriaDateText = (locale: string, stored: string): string =>
  formatLocaleDate(locale, stored);

/** Why a stored criteria date is no date, naming the field; undefined when it is one or empty. */
export const criteriaDateProblem = (
  t: Translate,
  locale: string,
  field: string,
  stored: string,
  today: string,
): string | undefined => {
  if (stored.trim() === "" || isRelative(stored, today)) return undefined;
  const entry = parseLocaleDate(locale, stored, today);
  // The box's placeholder is the example: a date the locale's way, and two relative ones.
  if (entry.kind === "malformed")
    return t("dates.entry.malformed", {
      field,
      example: t("criteria.datePlaceholder", { example: dateExample(locale) }),
    });
  return dateEntryText(t, locale, field, stored, entry);
};
