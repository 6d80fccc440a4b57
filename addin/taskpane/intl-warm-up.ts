/**
 * Its own tiny script, the first of taskpane.html's deferred scripts: it runs once the skeleton
 * is parsed, before the pane's main scripts, which on a real network are still downloading.
 *
 * The first Intl.NumberFormat a page creates sets up the browser's number formatting (ICU),
 * whatever the locale: 37-80 ms in Chromium on the build machine, every later one about 0.1 ms.
 * The segment list's first rows format numbers, so that set-up used to fall between the list's
 * answer and its first row. The display language is not known yet (Office tells it later); the
 * set-up does not depend on it.
 */
new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(1234.5);
new Intl.PluralRules().select(2);

export {};
