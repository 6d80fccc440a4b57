import type { FieldMatches, FieldMatchSuggestion } from "../model/field-match";
import { letterFieldCatalog } from "../fields/letter-field-catalog";
import { normalizeFieldName } from "../merge/fields/field-name";
import { fieldSynonyms } from "./field-synonyms";
import { customFieldName } from "./merge-fields";

/**
 * Match Fields: which of a letter's fields are Mergeline's, what to suggest for the others, and
 * how a confirmed match is applied (the letter's field reads the matched field's value). Names
 * equal for the engine (fields/field-name.ts: case, spaces, _ . -) are the same field.
 */

/** Looser than the engine's: suggestions also ignore "/", "(", ")" and the like. */
export const matchKey = (name: string): string =>
  normalizeFieldName(name).replace(/[^\p{L}\p{N}]/gu, "");

const CUSTOM = /^custom[\s_]+([A-Za-z][A-Za-z0-9_]{0,49})$/i;

const catalogByName = new Map(letterFieldCatalog.map((f) => [normalizeFieldName(f.name), f.name]));

const suggestionsByKey = (() => {
  const byKey = new Map<string, { name: string; reason: FieldMatchSuggestion["reason"] }>();
  const add = (alias: string, name: string, reason: FieldMatchSuggestion["reason"]) => {
    const key = matchKey(alias);
    if (!byKey.has(key)) byKey.set(key, { name, reason });
  };
  for (const f of letterFieldCatalog) add(f.name, f.name, "same_name");
  for (const f of letterFieldCatalog) {
    add(f.label["en-US"], f.name, "label");
    add(f.label["da-DK"], f.name, "label");
  }
  for (const [name, synonyms] of Object.entries(fieldSynonyms))
    for (const synonym of synonyms) add(synonym, name, "synonym");
  return byKey;
})();

/**
 * The Mergeline field a name stands for, as the letter's values are keyed ("post_code" ->
 * "Post Code", "Custom_tier" -> "Custom tier"), or undefined when it is not Mergeline's.
 */
export const mergelineFieldOf = (name: string): string | undefined => {
  const known = catalogByName.get(normalizeFieldName(name));
  if (known) return known;
  const custom = CUSTOM.exec(name.trim());
  return custom ? customFieldName(custom[1] as string) : undefined;
};

/** What to suggest for a letter's field, and why; `customKeys` are the contacts' custom fields. */
export const suggestMatch = (
  field: string,
  customKeys: readonly string[] = [],
): FieldMatchSuggestion => {
  const key = matchKey(field);
  const found = suggestionsByKey.get(key);
  if (found) return { field, suggestion: found.name, reason: found.reason };
  const custom = customKeys.find((k) => matchKey(k) === key);
  if (custom) return { field, suggestion: customFieldName(custom), reason: "custom_field" };
  return { field, reason: "none" };
};

/** The match given for a letter's field, by the engine's notion of the same name. */
const matchOf = (matches: FieldMatches, field: string): string | null | undefined => {
  const key = normalizeFieldName(field);
  for (const [name, target] of Object.entries(matches))
    if (normalizeFieldName(name) === key) return target;
  return undefined;
};

/** The letter's fields that are not Mergeline's, each once, in the letter's order. */
export const foreignFields = (letterFields: readonly string[]): string[] => {
  const seen = new Set<string>();
  return letterFields.filter((f) => {
    const key = normalizeFieldName(f);
    if (seen.has(key) || mergelineFieldOf(f)) return false;
    seen.add(key);
    return true;
  });
};

/** The letter's foreign fields without a match (nor an explicit "leave empty"), with suggestions. */
export const unmatchedFields = (
  letterFields: readonly string[],
  matches: FieldMatches,
  customKeys: readonly string[] = [],
): FieldMatchSuggestion[] =>
  foreignFields(letterFields)
    .filter((f) => matchOf(matches, f) === undefined)
    .map((f) => suggestMatch(f, customKeys));

/** A refused match: the letter's field it is for, and the rule it breaks. */
export interface FieldMatchProblem {
  readonly field: string;
  readonly rule: "not_in_letter" | "unknown_field";
  readonly message: string;
}

/**
 * Each match must be for a field the letter has, to a Mergeline field. A field that is
 * Mergeline's already may be matched too (Word lets a letter's "Name" show another column).
 */
export const fieldMatchProblems = (
  letterFields: readonly string[],
  matches: FieldMatches,
): FieldMatchProblem[] => {
  const inLetter = new Set(letterFields.map(normalizeFieldName));
  const problems: FieldMatchProblem[] = [];
  for (const [field, target] of Object.entries(matches)) {
    if (!inLetter.has(normalizeFieldName(field)))
      problems.push({ field, rule: "not_in_letter", message: `the letter has no field ${field}` });
    else if (target !== null && !mergelineFieldOf(target))
      problems.push({
        field,
        rule: "unknown_field",
        message: `${target} is not a Mergeline field (see GET /api/merge/fields, or "Custom <key>")`,
      });
  }
  return problems;
};

/**
 * The matches as stored: targets under their Mergeline names. With `letterFields`, only those
 * for fields the letter still has: a letter replaced keeps what still applies.
 */
export const canonicalMatches = (
  matches: FieldMatches,
  letterFields?: readonly string[],
): FieldMatches => {
  const inLetter = letterFields && new Set(letterFields.map(normalizeFieldName));
  const kept: Record<string, string | null> = {};
  for (const [field, target] of Object.entries(matches)) {
    if (inLetter && !inLetter.has(normalizeFieldName(field))) continue;
    const canonical = target === null ? null : mergelineFieldOf(target);
    if (canonical !== undefined) kept[field] = canonical;
  }
  return kept;
};

/** The letter's fields left empty on purpose. */
export const leftEmpty = (matches: FieldMatches): string[] =>
  Object.entries(matches)
    .filter(([, target]) => target === null)
    .map(([field]) => field);

type Value = string | number | boolean | null;

/**
 * One letter's values with the matches applied: each matched field of the letter reads the
 * Mergeline field's value, a field left empty reads "". The engine then finds every field.
 */
export const applyFieldMatches = <V extends Value>(
  values: Readonly<Record<string, V>>,
  matches: FieldMatches,
): Record<string, V | string | null> => {
  const entries = Object.entries(matches);
  if (entries.length === 0) return values;
  const out: Record<string, V | string | null> = { ...values };
  for (const [field, target] of entries)
    out[field] = target === null ? "" : (values[target] ?? null);
  return out;
};
