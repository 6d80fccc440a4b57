/** A display language Intl does not take (empty, malformed) reads as en-US rather than throwing. */
export const usableLocale = (locale: string): string => {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? "en-US";
  } catch {
    return "en-US";
  }
};
