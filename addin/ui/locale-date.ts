/**
 * Dates a user types and reads in a date box, in the display language's own way of writing
 * them: "07.12.2026" in Danish, "12/07/2026" in American English, "07/12/2026" in British
 * English. One reader and one writer for every date box of the pane; the API gets yyyy-mm-dd.
 *
 * Like the number boxes (locale-number.ts), the pane asks rather than guesses: text written with
 * another convention's separator ("12/07/2026" on a Danish pane, "07.12.2026" on an American
 * one) that names a different real day when read in that convention's order is ambiguous, and
 * the user is asked which day was meant. Text with the locale's own separator is read in the
 * locale's order, and yyyy-mm-dd is read as itself everywhere.
 */

import {
  daysInMonth,
  formatIsoDate,
  parseIsoDate,
  type CivilDate,
} from "@shared/criteria/calendar";
import { usableLocale } from "../i18n/usable-locale";

export type DateEntry =
  | { readonly kind: "date"; readonly iso: string }
  | { readonly kind: "empty" }
  /** Read the locale's way it is `iso`; read the other convention's way, `otherReading`. */
  | { readonly kind: "ambiguous"; readonly iso: string; readonly otherReading: string }
  | { readonly kind: "malformed" };

type Part = "day" | "month" | "year";

export interface DatePattern {
  /** The order the locale writes a date's numbers in, e.g. day, month, year in Danish. */
  readonly order: readonly Part[];
  /** What stands between them: "." in Danish, "/" in English. */
  readonly separator: string;
}

/** Parts and names are read in UTC: a date has no zone, and its day must not shift. */
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const patterns = new Map<string, DatePattern>();

export const datePattern = (locale: string): DatePattern => {
  let found = patterns.get(locale);
  if (!found) {
    const parts = new Intl.DateTimeFormat(usableLocale(locale), {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      timeZone: "UTC",
    }).formatToParts(utc("2026-12-07"));
    const order = parts
      .map((p) => p.type)
      .filter((type): type is Part => type === "day" || type === "month" || type === "year");
    const separator = parts.find((p) => p.type === "literal")?.value.trim() || "/";
    found = { order: order.length === 3 ? order : ["month", "day", "year"], separator };
    patterns.set(locale, found);
  }
  return found;
};

const numericFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as a date box shows it: "07.12.2026" (da-DK), "12/07/2026" (en-US). */
export const formatLocaleDate = (locale: string, iso: string): string => {
  if (!parseIsoDate(iso)) return iso;
  let format = numericFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(usableLocale(locale), {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      timeZone: "UTC",
    });
    numericFormats.set(locale, format);
  }
  return format.format(utc(iso));
};

const longFormats = new Map<string, Intl.DateTimeFormat>();

/** A date with its month named, which no reader can take the wrong way: "7. december 2026". */
export const formatLongDate = (locale: string, iso: string): string => {
  if (!parseIsoDate(iso)) return iso;
  let format = longFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(usableLocale(locale), { dateStyle: "long", timeZone: "UTC" });
    longFormats.set(locale, format);
  }
  return format.format(utc(iso));
};

/**
 * A two-digit year as Business Central reads one: 00-29 in this century, 30-99 in the last.
 * Other lengths are taken as written (four digits, mostly).
 */
const fullYear = (digits: string): number => {
  const year = Number(digits);
  if (digits.length !== 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
};

const civil = (numbers: Record<Part, string>): CivilDate | undefined => {
  const year = fullYear(numbers.year);
  const month = Number(numbers.month);
  const day = Number(numbers.day);
  if (numbers.year.length !== 2 && numbers.year.length !== 4) return undefined;
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  return day <= daysInMonth(year, month) ? { year, month, day } : undefined;
};

const readInOrder = (groups: readonly string[], order: readonly Part[]): string | undefined => {
  const numbers = { day: "", month: "", year: "" };
  order.forEach((part, i) => (numbers[part] = groups[i] ?? ""));
  const date = civil(numbers);
  return date ? formatIsoDate(date) : undefined;
};

/** Day and month swapped: the order the other convention writes a date in. */
const swapped = (order: readonly Part[]): Part[] =>
  order.map((part) => (part === "day" ? "month" : part === "month" ? "day" : part));

/**
 * What a date box holds, read in `locale`. Day and month without a year ("7.12") are in the
 * year of `today` (yyyy-mm-dd), as in Business Central.
 */
export const parseLocaleDate = (locale: string, typed: string, today: string): DateEntry => {
  const text = typed.trim();
  if (text === "") return { kind: "empty" };
  const iso = parseIsoDate(text);
  if (iso) return { kind: "date", iso: formatIsoDate(iso) };
  const match = /^(\d{1,4})([./\-\s]+)(\d{1,2})(?:\2(\d{1,4}))?\.?$/u.exec(text);
  if (!match) return { kind: "malformed" };
  const [, first = "", between = "", second = "", third] = match;
  const { order, separator } = datePattern(locale);
  // The year first (2026.12.07, 2026/12/07) is read as ISO orders it, whatever the locale.
  if (first.length > 2) {
    const date =
      third === undefined
        ? undefined
        : readInOrder([first, second, third], ["year", "month", "day"]);
    return date ? { kind: "date", iso: date } : { kind: "malformed" };
  }
  const dayMonth = order.filter((part) => part !== "year");
  const groups = third === undefined ? [first, second, today.slice(0, 4)] : [first, second, third];
  const partsOrder = third === undefined ? [...dayMonth, "year" as const] : order;
  const ownReading = readInOrder(groups, partsOrder);
  const ownSeparator = between.trim() === separator || (between.trim() === "" && separator === "");
  const otherReading = ownSeparator ? undefined : readInOrder(groups, swapped(partsOrder));
  if (ownReading && otherReading && otherReading !== ownReading)
    return { kind: "ambiguous", iso: ownReading, otherReading };
  const date = ownReading ?? otherReading;
  return date ? { kind: "date", iso: date } : { kind: "malformed" };
};

export interface CalendarNames {
  readonly months: readonly string[];
  readonly shortMonths: readonly string[];
  readonly shortDays: readonly string[];
  readonly days: readonly string[];
  /** 0 = Sunday ... 6 = Saturday: the first column of the locale's calendar. */
  readonly firstDayOfWeek: number;
}

interface WeekInfo {
  readonly firstDay: number;
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** Regions whose week starts on Sunday, for a browser whose Intl cannot tell. */
const SUNDAY_REGIONS = new Set(["US", "CA", "MX", "BR", "JP", "KR", "IL", "PH", "IN", "ZA"]);

/** The locale's first day of the week: Monday in Denmark and Britain, Sunday in America. */
export const firstDayOfWeek = (locale: string): number => {
  const intl = new Intl.Locale(usableLocale(locale)) as LocaleWithWeek;
  const info = intl.getWeekInfo?.() ?? intl.weekInfo;
  // Intl counts Monday 1 ... Sunday 7.
  if (info) return info.firstDay % 7;
  return SUNDAY_REGIONS.has(intl.maximize().region ?? "") ? 0 : 1;
};

/** Month and weekday names in the locale, for a calendar (Sunday first, as Date counts). */
export const calendarNames = (locale: string): CalendarNames => {
  const tag = usableLocale(locale);
  const month = new Intl.DateTimeFormat(tag, { month: "long", timeZone: "UTC" });
  const shortMonth = new Intl.DateTimeFormat(tag, { month: "short", timeZone: "UTC" });
  const weekday = new Intl.DateTimeFormat(tag, { weekday: "long", timeZone: "UTC" });
  // One letter a column, as Fluent's calendar heads its columns: "tors." would not fit 36 px.
  const shortWeekday = new Intl.DateTimeFormat(tag, { weekday: "narrow", timeZone: "UTC" });
  // 2026-11-01 is a Sunday.
  const sundayOn = (offset: number) =>
    utc(formatIsoDate({ year: 2026, month: 11, day: 1 + offset }));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const firstOf = (m: number) => utc(formatIsoDate({ year: 2026, month: m + 1, day: 1 }));
  return {
    months: range(12).map((m) => month.format(firstOf(m))),
    shortMonths: range(12).map((m) => shortMonth.format(firstOf(m))),
    days: range(7).map((d) => weekday.format(sundayOn(d))),
    shortDays: range(7).map((d) => shortWeekday.format(sundayOn(d))),
    firstDayOfWeek: firstDayOfWeek(locale),
  };
};

/** Today in the user's own zone, yyyy-mm-dd: the day the user sees on the wall calendar. */
export const localToday = (now = new Date()): string =>
  formatIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
