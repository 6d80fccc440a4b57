import { useMemo } from "react";
import { useHost } from "../host/host-context";
import { formatNumber } from "./format-message";
import { usableLocale } from "./usable-locale";

export interface Formats {
  /** 3229 -> "3.229" (da-DK), "3,229" (en-US). */
  readonly number: (value: number) => string;
  /** An ISO date (or the date of an ISO moment) as the user reads dates: "7. dec. 2026". */
  readonly date: (iso: string) => string;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an ISO date or moment names, in the locale; the text itself if it is none. */
export const formatDate = (locale: string, iso: string): string => {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  if (!day) return iso;
  let format = dateFormats.get(locale);
  if (!format) {
    // The day as stored: a date has no zone, so it is read and written in UTC.
    format = new Intl.DateTimeFormat(usableLocale(locale), {
      dateStyle: "medium",
      timeZone: "UTC",
    });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
};

/** Numbers and dates in the host's display language. */
export const useFormat = (): Formats => {
  const { displayLanguage } = useHost();
  return useMemo(
    () => ({
      number: (value) => formatNumber(displayLanguage, value),
      date: (iso) => formatDate(displayLanguage, iso),
    }),
    [displayLanguage],
  );
};
