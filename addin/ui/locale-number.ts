/**
 * Numbers a user types and reads in a number box, in the display language's own way of
 * writing them: "1.234,50" in Danish, "1,234.50" in English. One reader and one writer for
 * every number box of the pane, so Cost, Duration and label sizes agree.
 *
 * Business Central reads a decimal with .NET's culture rules, which drop a thousands separator
 * wherever it stands: "12.5" typed on a Danish client becomes 125. The pane refuses that
 * instead of guessing: a thousands separator counts only where it separates thousands (the last
 * group has three digits), so "12.5" in Danish and "12,5" in English are read neither way and
 * the user is asked what was meant. "1.234" in Danish is 1234 and "1,234" in English is 1234,
 * as Business Central reads them.
 */

import { usableLocale } from "../i18n/usable-locale";

export interface NumberSeparators {
  readonly decimal: string;
  readonly group: string;
}

export type NumberEntry =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "empty" }
  /** A separator where the locale does not put one: read the other way, it is `otherReading`. */
  | { readonly kind: "ambiguous"; readonly otherReading: number }
  | { readonly kind: "malformed" };

const separatorCache = new Map<string, NumberSeparators>();

export const numberSeparators = (locale: string): NumberSeparators => {
  let found = separatorCache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(usableLocale(locale)).formatToParts(1234567.5);
    found = {
      decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
      group: parts.find((p) => p.type === "group")?.value ?? ",",
    };
    separatorCache.set(locale, found);
  }
  return found;
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Digits, optionally grouped: the first group has one to three digits, the last exactly three,
 * those between two or three (Indian grouping writes 12,34,567). Then an optional fraction.
 */
const grammar = (decimal: string, group: string): RegExp => {
  // A space-like group separator (French, Swedish: a narrow no-break space) is typed as any space.
  const g = /\s/.test(group) ? "[\\s\\u202f\\u00a0]" : escape(group);
  const d = escape(decimal);
  return new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{2,3})*${g}\\d{3}|\\d*)(?:${d}(\\d+))?$`, "u");
};

const read = (text: string, separators: NumberSeparators): number | undefined => {
  const match = grammar(separators.decimal, separators.group).exec(text);
  if (!match) return undefined;
  const [, sign = "", whole = "", fraction] = match;
  const digits = whole.replace(/\D/g, "");
  if (digits === "" && fraction === undefined) return undefined;
  const value = Number(`${sign}${digits || "0"}${fraction === undefined ? "" : `.${fraction}`}`);
  return Number.isFinite(value) ? value : undefined;
};

/** What a number box holds, read in `locale`. */
export const parseLocaleNumber = (locale: string, typed: string): NumberEntry => {
  // A typographic minus (U+2212) is what Intl writes for some locales; read it as a minus.
  const text = typed.trim().replace(/\u2212/g, "-");
  if (text === "") return { kind: "empty" };
  const separators = numberSeparators(locale);
  const value = read(text, separators);
  if (value !== undefined) return { kind: "number", value };
  const swapped = { decimal: separators.group, group: separators.decimal };
  // Only the two usual conventions are swapped: a space or apostrophe grouping has no mirror.
  const otherReading =
    /^[.,]$/.test(swapped.decimal) && /^[.,]$/.test(swapped.group)
      ? read(text, swapped)
      : undefined;
  return otherReading === undefined ? { kind: "malformed" } : { kind: "ambiguous", otherReading };
};

const editFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as a number box shows it: the locale's separators, every decimal it has and no
 * more (12.5 -> "12,5" in Danish, 1234.5 -> "1,234.5" in English), so reading it back gives the
 * same number.
 */
export const formatLocaleNumber = (locale: string, value: number): string => {
  let format = editFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(usableLocale(locale), { maximumFractionDigits: 20 });
    editFormats.set(locale, format);
  }
  return format.format(value);
};

/** An amount as Business Central shows one: always two decimals, "1.234,50". */
export const formatLocaleAmount = (locale: string, value: number): string =>
  new Intl.NumberFormat(usableLocale(locale), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
