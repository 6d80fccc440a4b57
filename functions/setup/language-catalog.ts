import type { Language, LanguageListQuery } from "@shared/model/language";

/**
 * The languages offered for a Language Code: the languages of the countries Business Central's
 * Danish and W1 localizations ship, as BCP 47 tags (the pane formats dates and numbers by them).
 * A fixed list rather than a tenant's table: a code outside it is still accepted where the
 * contract takes a language tag; the pane then shows it as not among the languages.
 */
const TAGS = [
  "da-DK",
  "en-US",
  "en-GB",
  "de-DE",
  "de-AT",
  "de-CH",
  "sv-SE",
  "nb-NO",
  "nn-NO",
  "fi-FI",
  "is-IS",
  "fo-FO",
  "kl-GL",
  "nl-NL",
  "nl-BE",
  "fr-FR",
  "fr-BE",
  "fr-CH",
  "it-IT",
  "es-ES",
  "pt-PT",
  "pl-PL",
  "cs-CZ",
  "et-EE",
  "lv-LV",
  "lt-LT",
  "en-AU",
  "en-CA",
  "en-NZ",
  "es-MX",
] as const;

const namesIn = (locale: string) => new Intl.DisplayNames([locale], { type: "language" });
const english = namesIn("en");
const danish = namesIn("da");

export const languageCatalog: readonly Language[] = TAGS.map((code) => ({
  code,
  name: english.of(code) ?? code,
  nameDa: danish.of(code) ?? code,
}));

/** The languages whose code starts with the search, or whose name holds it, in catalog order. */
export const searchLanguages = (q: LanguageListQuery): Language[] => {
  const search = (q.search ?? "").toLowerCase();
  return languageCatalog
    .filter(
      (l) =>
        !search ||
        l.code.toLowerCase().startsWith(search) ||
        l.name.toLowerCase().includes(search) ||
        l.nameDa.toLowerCase().includes(search),
    )
    .slice(0, q.top);
};
