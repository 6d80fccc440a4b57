/**
 * Fluent's CSS in jsdom, without the paint. jsdom lays nothing out and paints nothing: its CSS
 * is seen only through getComputedStyle, which testing-library (is it hidden? its name?), axe,
 * floating-ui and tabster ask for display, visibility, opacity, clip, position, overflow,
 * transforms, sizes and margins. Each of those asks walks every rule in the document, and
 * Griffel's atomic CSS adds a thousand rules, most of them colours, borders, fonts and padding:
 * past nwsapi's 1,000 cached selectors, every walk recompiles them all, and role queries took
 * four fifths of the component tests' time.
 *
 * So Griffel's renderer leaves out a rule when every property it declares is paint or flex/grid
 * placement (the list below), which nothing in jsdom reads. A rule that declares anything else
 * (display, visibility, position, sizes, custom properties, a property not listed) is inserted
 * as before, in the same order, so every value a test or library reads is the one it was.
 */
const PAINT_ONLY = [
  /^color$/,
  /^background(-|$)/,
  /^border(-|$)/,
  /^outline(-|$)/,
  /^box-shadow$/,
  /^box-sizing$/,
  /^font(-|$)/,
  /^line-height$/,
  /^letter-spacing$/,
  /^text-(align|decoration|overflow|transform)/,
  /^white-space$/,
  /^overflow-wrap$/,
  /^word-(break|wrap)$/,
  /^padding(-|$)/,
  /^cursor$/,
  /^transition(-|$)/,
  /^animation(-|$)/,
  /^(-webkit-|-moz-)?user-select$/,
  /^(-webkit-)?appearance$/,
  /^forced-color-adjust$/,
  /^fill$/,
  /^stroke(-|$)/,
  /^(-webkit-)?mask(-|$)/,
  /^(align|justify|place)-(items|self|content)$/,
  /^(row-|column-)?gap$/,
  /^grid(-|$)/,
  /^flex(-|$)/,
  /^vertical-align$/,
  /^list-style(-|$)/,
  /^resize$/,
];

const DECLARED = /[{;]\s*(-{0,2}[a-zA-Z][\w-]*)\s*:/g;

/** Whether a rule from Griffel can change anything jsdom computes for a test. */
export const keepsCssRule = (rule: string): boolean => {
  const properties = [...rule.matchAll(DECLARED)].map((m) => (m[1] ?? "").toLowerCase());
  if (properties.length === 0) return true;
  return properties.some((p) => !PAINT_ONLY.some((paint) => paint.test(p)));
};

jest.mock("@griffel/core", () => {
  const griffel = jest.requireActual<typeof import("@griffel/core")>("@griffel/core");
  return {
    ...griffel,
    __esModule: true,
    createDOMRenderer: (...[target, options]: Parameters<typeof griffel.createDOMRenderer>) =>
      griffel.createDOMRenderer(target, { unstable_filterCSSRule: keepsCssRule, ...options }),
  };
});

/**
 * The theme's 400 custom properties sit on one rule for each FluentProvider, and jsdom copies all
 * of them whenever floating-ui or tabster ask for the style of an element under it (they walk up
 * to the root). jsdom resolves no var(), so nothing reads them: the rule stays, empty.
 */
jest.mock(
  `${require.resolve("@fluentui/react-provider").replace(/index\.cjs$/, "")}components/FluentProvider/createCSSRuleFromTheme.cjs`,
  () => ({ __esModule: true, createCSSRuleFromTheme: (selector: string) => `${selector}{}` }),
);
