/**
 * Fills a catalog message in a locale: `{name}` takes a value, a number with the locale's digit
 * grouping ("3.229" in Danish, "3,229" in English); `{count, plural, one {# letter} other {#
 * letters}}` picks the form by Intl.PluralRules, `#` being the number. Placeholders that name an
 * identifier (`no`, `entryNo`, `lineNo`, anything ending in `No`) are numbers people type and
 * read back as they are: segment 10000 stays "10000", as Business Central shows a No.
 */

import { usableLocale } from "./usable-locale";

type Values = Readonly<Record<string, string | number>>;

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

const numberFormat = (locale: string): Intl.NumberFormat => {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(usableLocale(locale), { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format;
};

const pluralRule = (locale: string): Intl.PluralRules => {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(usableLocale(locale));
    pluralRules.set(locale, rules);
  }
  return rules;
};

const isIdentifier = (name: string): boolean => name === "no" || /No$|Nos$/.test(name);

/**
 * Builds the locale's number format and plural rules ahead of their first use. The first
 * Intl.NumberFormat of a page loads the locale's data (10-20 ms in Chromium); the segment list's
 * first rows need it, so the pane has it built while the list's first page is on its way.
 */
export const prepareNumberFormats = (locale: string): void => {
  numberFormat(locale);
  pluralRule(locale);
};

/** A number in the locale's own way of writing it: 3229 -> "3.229" (da-DK), "3,229" (en-US). */
export const formatNumber = (locale: string, value: number): string =>
  numberFormat(locale).format(value);

const show = (locale: string, name: string, value: string | number): string =>
  typeof value === "number" && !isIdentifier(name) ? formatNumber(locale, value) : String(value);

/** The end of the `{...}` group that opens at `open`, counting nested braces. */
const closing = (text: string, open: number): number => {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
};

/** `one {…} other {…}` -> { one: "…", other: "…" }; `=0 {…}` is an exact match. */
const pluralOptions = (body: string): Map<string, string> => {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("{", i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const end = closing(body, open);
    if (end < 0) break;
    options.set(selector, body.slice(open + 1, end));
    i = end + 1;
  }
  return options;
};

const PLURAL = /\{(\w+),\s*plural,/g;

/** Replaces every plural group by its chosen form, innermost placeholders filled after. */
const choosePlurals = (locale: string, message: string, values: Values): string => {
  let out = "";
  let from = 0;
  PLURAL.lastIndex = 0;
  for (let match = PLURAL.exec(message); match; match = PLURAL.exec(message)) {
    const start = match.index;
    const end = closing(message, start);
    if (end < 0) break;
    const name = match[1] as string;
    const raw = values[name];
    const n = typeof raw === "number" ? raw : Number(raw);
    const options = pluralOptions(message.slice(start + match[0].length, end));
    const chosen =
      options.get(`=${n}`) ??
      (Number.isFinite(n) ? options.get(pluralRule(locale).select(n)) : undefined) ??
      options.get("other") ??
      "";
    out += message.slice(from, start);
    out += chosen.replace(/#/g, Number.isFinite(n) ? show(locale, name, n) : String(raw ?? "#"));
    from = end + 1;
    PLURAL.lastIndex = from;
  }
  return out + message.slice(from);
};

/** The message with its plural forms chosen and its placeholders filled; unknown ones stay. */
export const formatMessage = (locale: string, message: string, values: Values = {}): string =>
  choosePlurals(locale, message, values).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : show(locale, name, value);
  });
