/**
 * The \* switches that change a result's text. MERGEFORMAT and CHARFORMAT are about run
 * formatting and are handled where runs are written. Not supported (the text is left as it is):
 * CardText, OrdText, DollarText, which spell numbers out in words.
 */

const MAX_SPELLED = 32767;

const toRoman = (n: number): string => {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
};

/** Word's alphabetic numbering: A..Z, then AA, BB... (the letter repeated, not base 26). */
const toAlphabetic = (n: number): string =>
  String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

const ordinal = (n: number, language: string): string => {
  if (!language.toLowerCase().startsWith("en")) return `${n}.`;
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? "th"
      : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
};

const upperFirst = (word: string, language: string): string =>
  word ? word.charAt(0).toLocaleUpperCase(language) + word.slice(1) : word;

export const applyTextFormat = (text: string, format: string, language: string): string => {
  const upper = format.toUpperCase();
  switch (upper) {
    case "UPPER":
      return text.toLocaleUpperCase(language);
    case "LOWER":
      return text.toLocaleLowerCase(language);
    case "FIRSTCAP":
      // Only the first letter of the first word; Word leaves the rest as typed.
      return text.replace(/\p{L}/u, (letter) => letter.toLocaleUpperCase(language));
    case "CAPS":
      // Word's title case: each word's first letter up, the rest down ("JENS HANSEN" -> "Jens Hansen").
      return text
        .toLocaleLowerCase(language)
        .replace(
          /(^|[\s\-(/"'\u00a0])(\p{L})/gu,
          (_w, lead: string, letter: string) => lead + upperFirst(letter, language),
        );
  }
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n <= 0 || text.trim() === "") return text;
  // Roman numerals and letters grow with the number (a thousand Ms for a million): beyond
  // Word's 32767 a value stays as it is rather than taking minutes or filling memory.
  if (n > MAX_SPELLED && (upper === "ROMAN" || upper === "ALPHABETIC")) return text;
  switch (upper) {
    case "ROMAN":
      return format.startsWith("r") ? toRoman(n).toLowerCase() : toRoman(n);
    case "ALPHABETIC":
      return format.startsWith("a") ? toAlphabetic(n).toLowerCase() : toAlphabetic(n);
    case "ARABIC":
      return String(n);
    case "ORDINAL":
      return ordinal(n, language);
    case "HEX":
      return n.toString(16).toUpperCase();
    default:
      return text;
  }
};
