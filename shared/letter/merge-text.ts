import { formatMergeValue } from "../merge/format/format-value";
import type { MergeValue } from "../merge/merge-record";
import { mergelineFieldOf } from "./field-matching";

/**
 * Plain text with merge fields as Word shows them, «First Name» (an e-mail's subject and short
 * body): each field is one of Mergeline's letter fields, named as the engine compares names
 * (case, spaces, _ . - ignored: «FirstName» is «First Name»), or «Custom <key>».
 */
const FIELD = /«([^«»\n]{1,80})»/g;

/** The fields the text names, each once, in order. */
export const mergeTextFields = (text: string): string[] => [
  ...new Set([...text.matchAll(FIELD)].map((m) => (m[1] as string).trim())),
];

/** The fields the text names that are not Mergeline's: refused when the request is made. */
export const unknownMergeTextFields = (text: string): string[] =>
  mergeTextFields(text).filter((name) => mergelineFieldOf(name) === undefined);

/**
 * The text with each field replaced by its value, written as the merge writes it in the
 * letter's language (dates, numbers, yes/no); a field without a value reads "".
 */
export const renderMergeText = (
  text: string,
  values: Readonly<Record<string, MergeValue>>,
  language: string | undefined,
): string =>
  text.replace(FIELD, (_whole, name: string) => {
    const field = mergelineFieldOf(name.trim());
    const value = field === undefined ? undefined : values[field];
    return formatMergeValue(value, language ? { language } : {});
  });
