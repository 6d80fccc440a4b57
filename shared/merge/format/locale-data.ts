/**
 * What a language needs for merge results, from Intl (browsers and Node carry CLDR) where CLDR
 * agrees with Word, and from a short table where Word follows Windows' regional settings
 * instead. Everything is cached: Intl objects are expensive to build and a merge asks the same
 * questions once per field per letter.
 */

export const DEFAULT_LANGUAGE = "en-US";

const canonical = new Map<string, string>();

/** A valid BCP 47 tag for the record's language, or the fallback for a missing or invalid one. */
export const resolveLanguage = (language: string | undefined, fallback: string): string => {
  const wanted = language || fallback;
  let resolved = canonical.get(wanted);
  if (resolved === undefined) {
    try {
      resolved = Intl.getCanonicalLocales(wanted)[0] ?? DEFAULT_LANGUAGE;
    } catch {
      resolved =
        wanted === fallback ? DEFAULT_LANGUAGE : resolveLanguage(fallback, DEFAULT_LANGUAGE);
    }
    canonical.set(wanted, resolved);
  }
  return resolved;
};

const primary = (language: string): string => language.split("-")[0]?.toLowerCase() ?? "en";

/**
 * Short dates as Word shows them for the language on Windows (its regional "short date"), not
 * as CLDR has them: Danish Windows writes 22-11-2026 where CLDR now says 22.11.2026, US English
 * 11/22/2026 without leading zeros. Languages not listed use CLDR's numeric date.
 */
const SHORT_DATE: Readonly<Record<string, string>> = {
  da: "dd-MM-yyyy",
  "en-US": "M/d/yyyy",
  en: "dd/MM/yyyy",
  de: "dd.MM.yyyy",
  sv: "yyyy-MM-dd",
  nb: "dd.MM.yyyy",
  nn: "dd.MM.yyyy",
  no: "dd.MM.yyyy",
  nl: "d-M-yyyy",
  fr: "dd/MM/yyyy",
  fi: "d.M.yyyy",
  is: "d.M.yyyy",
};

const shortDates = new Map<string, string>();

export const shortDatePicture = (language: string): string => {
  let picture = shortDates.get(language);
  if (picture === undefined) {
    picture = SHORT_DATE[language] ?? SHORT_DATE[primary(language)] ?? cldrShortDate(language);
    shortDates.set(language, picture);
  }
  return picture;
};

const cldrShortDate = (language: string): string =>
  new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone: "UTC",
  })
    .formatToParts(new Date(Date.UTC(2026, 10, 22)))
    .map((part) =>
      part.type === "year"
        ? "yyyy"
        : part.type === "month"
          ? "MM"
          : part.type === "day"
            ? "dd"
            : `'${part.value.replace(/'/g, "")}'`,
    )
    .join("");

interface Names {
  readonly months: readonly string[];
  readonly monthsShort: readonly string[];
  readonly days: readonly string[];
  readonly daysShort: readonly string[];
}

const names = new Map<string, Names>();

/** Word's abbreviations carry no period ("nov", "man"); CLDR's often do ("nov.", "man."). */
const noPeriod = (text: string): string => text.replace(/\.$/, "");

/** Month names (January first) and day names (Sunday first), in the language's own case. */
export const dateNames = (language: string): Names => {
  let cached = names.get(language);
  if (cached === undefined) {
    const month = (style: "long" | "short") => {
      const format = new Intl.DateTimeFormat(language, { month: style, timeZone: "UTC" });
      return Array.from({ length: 12 }, (_, m) =>
        noPeriod(format.format(new Date(Date.UTC(2026, m, 15)))),
      );
    };
    const day = (style: "long" | "short") => {
      const format = new Intl.DateTimeFormat(language, { weekday: style, timeZone: "UTC" });
      // 2026-11-22 is a Sunday.
      return Array.from({ length: 7 }, (_, d) =>
        noPeriod(format.format(new Date(Date.UTC(2026, 10, 22 + d)))),
      );
    };
    cached = {
      months: month("long"),
      monthsShort: month("short"),
      days: day("long"),
      daysShort: day("short"),
    };
    names.set(language, cached);
  }
  return cached;
};

export interface NumberSeparators {
  readonly decimal: string;
  readonly group: string;
}

const separators = new Map<string, NumberSeparators>();

export const numberSeparators = (language: string): NumberSeparators => {
  let cached = separators.get(language);
  if (cached === undefined) {
    const parts = new Intl.NumberFormat(language, { useGrouping: true }).formatToParts(12345.5);
    cached = {
      decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
      group: parts.find((p) => p.type === "group")?.value ?? ",",
    };
    separators.set(language, cached);
  }
  return cached;
};

const YES_NO: Readonly<Record<string, readonly [string, string]>> = {
  da: ["Ja", "Nej"],
  en: ["Yes", "No"],
  de: ["Ja", "Nein"],
  sv: ["Ja", "Nej"],
  nb: ["Ja", "Nei"],
  nn: ["Ja", "Nei"],
  no: ["Ja", "Nei"],
  nl: ["Ja", "Nee"],
  fr: ["Oui", "Non"],
  fi: ["Kyllä", "Ei"],
  is: ["Já", "Nei"],
};

/** How a yes/no value reads in a letter. */
export const yesNo = (language: string, value: boolean): string => {
  const words = YES_NO[primary(language)] ?? (YES_NO.en as readonly [string, string]);
  return value ? words[0] : words[1];
};
