import type { FieldDef } from "./fields";

/** The values a field condition compares with, after typing: what JSON can hold in a document. */
export type FieldValue = string | number | boolean;

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  yes: true,
  ja: true,
  true: true,
  "1": true,
  no: false,
  nej: false,
  false: false,
  "0": false,
};

/** Business Central shows booleans as Yes/No (Ja/Nej in Danish); JSON and people write the rest. */
export const parseBooleanLiteral = (text: string): boolean | undefined =>
  BOOLEAN_WORDS[text.trim().toLowerCase()];

export const BOOLEAN_WORDS_HINT = "Yes, No, Ja, Nej, true, false, 1 or 0";

/**
 * A decimal number, with a point or (as Danes write it) a comma: 12, -3.5, 3,5. No thousands
 * separators: "10.000" would be ambiguous between the two conventions.
 */
export const parseNumberLiteral = (text: string): number | undefined => {
  const t = text.trim();
  if (!/^[+-]?\d+([.,]\d+)?$/.test(t)) return undefined;
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
};

/** Enum values match whatever their case ("Person", "PERSON"); the stored spelling is returned. */
export const canonicalEnumValue = (field: FieldDef, text: string): string | undefined => {
  const lower = text.trim().toLowerCase();
  return field.enumValues?.find((v) => v.toLowerCase() === lower);
};

/**
 * An unquoted word in a custom field's filter: custom fields hold strings, numbers or booleans,
 * and the filter text alone has to say which. Numbers and true/false are typed; quote them
 * ('8000') to mean the string.
 */
export const inferAnyLiteral = (text: string): FieldValue => {
  const lower = text.trim().toLowerCase();
  if (lower === "true" || lower === "false") return lower === "true";
  const n = /^[+-]?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : undefined;
  return n !== undefined && Number.isFinite(n) ? n : text;
};
