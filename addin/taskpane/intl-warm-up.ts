let warm = false;

/**
 * The first Intl.NumberFormat a page creates sets up the browser's number formatting (ICU),
 * whatever the locale: 37-80 ms in Chromium on the build machine, every later one about 0.1 ms.
 * The segment list's first rows format numbers, so that set-up used to fall between the list's
 * answer and its first row. early-start.ts calls this while the first request is out: the set-up
 * does not depend on the locale, so it can be done before Office tells the display language.
 * Once: later calls do nothing.
 */
export const warmUpIntl = (): void => {
  if (warm) return;
  warm = true;
  new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(1234.5);
  new Intl.PluralRules().select(2);
};
