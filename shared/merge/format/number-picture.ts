import type { NumberSeparators } from "./locale-data";

/**
 * Word's numeric picture (\#), the subset letters use:
 * - 0 a required digit, # an optional digit (missing leading digits are left out, where Word
 *   pads with spaces: in a letter "kr. 5,00" beats "kr.    5,00");
 * - one decimal separator and, left of it, a grouping separator: any of "." "," space,
 *   no-break space or "'". Which of "." and "," is the decimal is read from the picture itself
 *   (a "," followed by "##0" groups, "0,00" is a decimal comma) and, where the picture cannot
 *   tell ("0,000"), from the template's decimal symbol (settings.xml, as Word saved it);
 * - fractional places: 0 required, # optional (trailing zeros dropped);
 * - positive;negative;zero sections; "-" and "+" for the sign, a minus added to a negative
 *   number whose section has no sign of its own;
 * - any other text ('quoted' or not: "kr.", "$", "%", "EUR") copied as it is.
 * The output uses the record's language's separators: "# ##0,00 kr." gives "1.234,50 kr." in
 * da-DK and "1,234.50 kr." in en-US. Not supported: x (digit dropper), exponent formats.
 */

const PLACEHOLDER = /[0#]/;
const MAX_PLACES = 100;
const GROUP_ONLY = new Set([" ", "\u00a0", "'"]);

const splitSections = (picture: string): string[] => {
  const sections: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < picture.length; i++) {
    const ch = picture[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ";" && !quoted) {
      sections.push(picture.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(picture.slice(start));
  return sections;
};

interface Layout {
  readonly prefix: string;
  readonly suffix: string;
  readonly minInteger: number;
  readonly grouped: boolean;
  readonly minFraction: number;
  readonly maxFraction: number;
}

/** Positions of the numeric core outside quotes: first to last placeholder. */
const coreBounds = (section: string): [number, number] | undefined => {
  let quoted = false;
  let first = -1;
  let last = -1;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === "'") quoted = !quoted;
    else if (!quoted && PLACEHOLDER.test(ch)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? undefined : [first, last + 1];
};

const decimalOf = (core: string, templateDecimal: string): string | undefined => {
  const dots = core.split(".").length - 1;
  const commas = core.split(",").length - 1;
  if (dots && commas) return core.lastIndexOf(".") > core.lastIndexOf(",") ? "." : ",";
  const candidate = dots ? "." : commas ? "," : undefined;
  if (!candidate) return undefined;
  if (dots + commas > 1) return undefined;
  if ([...core].some((c) => GROUP_ONLY.has(c))) return candidate;
  const [before = "", after = ""] = core.split(candidate);
  if (after.length !== 3) return candidate;
  if (/#0/.test(after)) return undefined;
  if (after === "###") return /^#+$/.test(before) ? undefined : candidate;
  return candidate === templateDecimal ? candidate : undefined;
};

const layoutOf = (section: string, templateDecimal: string): Layout | undefined => {
  const bounds = coreBounds(section);
  if (!bounds) return undefined;
  const core = section.slice(bounds[0], bounds[1]);
  const decimal = decimalOf(core, templateDecimal);
  const split = decimal === undefined ? -1 : core.lastIndexOf(decimal);
  const integer = split < 0 ? core : core.slice(0, split);
  const fraction = split < 0 ? "" : core.slice(split + 1);
  return {
    prefix: section.slice(0, bounds[0]),
    suffix: section.slice(bounds[1]),
    minInteger: integer.split("0").length - 1,
    grouped: /[0#][^0#]+[0#]/.test(integer),
    // toFixed takes at most 100 places; a picture asking for more gets 100.
    minFraction: Math.min(fraction.split("0").length - 1, MAX_PLACES),
    maxFraction: Math.min(fraction.replace(/[^0#]/g, "").length, MAX_PLACES),
  };
};

/** Half away from zero at `places` decimals, without 1.005 -> 1.00 binary surprises. */
const roundTo = (value: number, places: number): number => {
  const scaled = Number(`${value}e${places}`);
  // Numbers JavaScript writes with an exponent (1e-7, and 1e21 and up) take no second one;
  // they are beyond a double's seventeen digits anyway, where toFixed's rounding is as good.
  if (!Number.isFinite(scaled) || Math.abs(scaled) >= 1e21) return Number(value.toFixed(places));
  return Number(`${Math.round(scaled)}e-${places}`);
};

const literal = (text: string, negative: boolean, isZero: boolean): [string, boolean] => {
  let signed = false;
  const out = text.replace(
    /'([^']*)'|([-+])/g,
    (_whole, quoted: string | undefined, sign: string | undefined) => {
      if (quoted !== undefined) return quoted;
      signed = true;
      if (sign === "-") return negative ? "-" : " ";
      return negative ? "-" : isZero ? " " : "+";
    },
  );
  return [out, signed];
};

export const formatNumberPicture = (
  value: number,
  picture: string,
  separators: NumberSeparators,
  templateDecimal: string,
): string => {
  const sections = splitSections(picture);
  let section = sections[0] as string;
  let autoSign = value < 0;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    autoSign = false;
  } else if (value === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  const layout = layoutOf(section, templateDecimal);
  if (!layout) return literal(section, false, value === 0)[0];
  const rounded = roundTo(Math.abs(value), layout.maxFraction);
  const [integerDigits = "0", fractionDigits = ""] = rounded.toFixed(layout.maxFraction).split(".");
  let integer = integerDigits.padStart(layout.minInteger, "0");
  if (layout.grouped) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, separators.group);
  let fraction = fractionDigits;
  while (fraction.length > layout.minFraction && fraction.endsWith("0"))
    fraction = fraction.slice(0, -1);
  const number = fraction ? `${integer}${separators.decimal}${fraction}` : integer;
  const negative = value < 0 && rounded !== 0;
  const [prefix, prefixSigned] = literal(layout.prefix, negative, rounded === 0);
  const [suffix, suffixSigned] = literal(layout.suffix, negative, rounded === 0);
  const sign = autoSign && negative && !prefixSigned && !suffixSigned ? "-" : "";
  return `${sign}${prefix}${number}${suffix}`;
};

/**
 * A merge value read as a number: numbers as they are, text as JavaScript writes numbers
 * ("1234.5") or with a decimal comma ("1234,5"). Grouped text ("1.234,5") is not a number.
 */
export const toNumber = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return Number(trimmed);
  if (/^[+-]?\d+,\d+$/.test(trimmed)) return Number(trimmed.replace(",", "."));
  return undefined;
};
