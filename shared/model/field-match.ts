import { z } from "zod";

/** How many of a letter's fields may be matched: far above any real letter's. */
export const maxFieldMatches = 500;

const FieldName = z.string().trim().min(1).max(100);

/**
 * Word's Match Fields, remembered with a letter: each of the letter's fields that is not
 * Mergeline's, to the Mergeline field it shows, or null to leave it empty on purpose.
 */
export const FieldMatches = z
  .record(FieldName, FieldName.nullable())
  .refine((r) => Object.keys(r).length <= maxFieldMatches, {
    message: `at most ${maxFieldMatches} field matches`,
  })
  .meta({
    description:
      'The letter\'s field -> the Mergeline field it shows ("Post Code", "Custom tier"), or null to leave it empty.',
  });
export type FieldMatches = z.infer<typeof FieldMatches>;

/** Why a Mergeline field is suggested for a letter's field. */
export const MatchReason = z.enum([
  /** The same name but for punctuation ("Country Region Code"). */
  "same_name",
  /** The field's label in English or Danish ("Fornavn"). */
  "label",
  /** A name Word or another data source gives the field ("Postal_Code", "ZIP"). */
  "synonym",
  /** A contact's custom field by its key ("tier" -> "Custom tier"). */
  "custom_field",
  /** Nothing like it: the user chooses, or leaves it empty. */
  "none",
]);
export type MatchReason = z.infer<typeof MatchReason>;

export const FieldMatchSuggestion = z.object({
  field: z.string().meta({ description: "The letter's field, as the letter names it." }),
  suggestion: z.string().optional().meta({ description: "The Mergeline field suggested." }),
  reason: MatchReason,
});
export type FieldMatchSuggestion = z.infer<typeof FieldMatchSuggestion>;

/** A letter's Match Fields: what is matched, and what still waits for a match. */
export const LetterFieldMatches = z.object({
  fields: z
    .array(z.string())
    .meta({ description: "The letter's fields that are not Mergeline's, in the letter's order." }),
  matches: FieldMatches,
  unmatched: z.array(FieldMatchSuggestion),
  etag: z.string().optional().meta({ description: "Send it as If-Match to change the matches." }),
});
export type LetterFieldMatches = z.infer<typeof LetterFieldMatches>;

export const FieldMatchesUpdate = z.object({ matches: FieldMatches });
