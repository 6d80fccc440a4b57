import {
  applyFieldMatches,
  fieldMatchProblems,
  unmatchedFields,
} from "@shared/letter/field-matching";
import type { FieldMatches } from "@shared/model/field-match";
import { ValidationError } from "../errors/app-errors";
import type { LetterRecord } from "./letter-records";

/**
 * Refuses matches that cannot be right: for a field the letter does not have (or one that is
 * Mergeline's already), or to a field Mergeline does not have. `at` is where they were given.
 */
export const assertMatchesValid = (
  letterFields: readonly string[],
  matches: FieldMatches,
  at: string,
): void => {
  const problems = fieldMatchProblems(letterFields, matches);
  if (problems.length === 0) return;
  throw new ValidationError(
    problems.map((p) => ({
      in: "body" as const,
      field: `${at}.${p.field}`,
      rule: p.rule,
      message: p.message,
    })),
    "Some field matches do not fit the letter.",
    422,
  );
};

/**
 * Word asks for every field it cannot find before it merges; so does the merge: a letter with
 * fields that are not Mergeline's, unmatched and not left empty, is refused rather than merged
 * blank. Each field is named, with what Match Fields suggests for it.
 */
export const assertAllMatched = (
  letterFields: readonly string[],
  matches: FieldMatches,
  customKeys: readonly string[],
): void => {
  const unmatched = unmatchedFields(letterFields, matches, customKeys);
  if (unmatched.length === 0) return;
  throw new ValidationError(
    unmatched.map((u) => ({
      in: "body" as const,
      field: `template.fieldMatches.${u.field}`,
      rule: "fields_unmatched",
      message:
        "is not a Mergeline field: match it to one" +
        (u.suggestion ? ` (suggested: ${u.suggestion})` : "") +
        " or leave it empty (null)",
    })),
    `The letter has fields that are not Mergeline's: ${unmatched.map((u) => u.field).join(", ")}. ` +
      "Match each to a Mergeline field or leave it empty (Match Fields), then merge again.",
    422,
  );
};

/** The records with the letter's matches applied: each matched field reads its Mergeline value. */
export const withFieldMatches = (
  records: readonly LetterRecord[],
  matches: FieldMatches,
): LetterRecord[] =>
  Object.keys(matches).length === 0
    ? [...records]
    : records.map((r) => ({ ...r, values: applyFieldMatches(r.values, matches) }));
