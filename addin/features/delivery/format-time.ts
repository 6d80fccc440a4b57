import { usableLocale } from "../../i18n/usable-locale";

/** A moment in the user's language and time zone: "6 Dec 2026, 14:05" / "6. dec. 2026 14.05". */
export const formatMoment = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(usableLocale(language), {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
