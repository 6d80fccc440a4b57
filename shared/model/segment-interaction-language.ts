import { z } from "zod";
import { Code, LanguageTag, ServerStamp, text } from "./common";
import { patchOf } from "./patch";

/**
 * Business Central's Segment Interaction Language: per language, the subject a segment's lines in
 * that language get. The letter in that language is the interaction template's letter in it
 * (read-only here: it is uploaded on the template).
 */
export const SegmentInteractionLanguageFields = z.object({
  languageCode: LanguageTag,
  description: text(100).default(""),
  subject: text(100).default("").meta({
    description: "The subject of the lines in this language (Subject on the segment's lines).",
  }),
});
export type SegmentInteractionLanguageFields = z.infer<typeof SegmentInteractionLanguageFields>;

export const SegmentInteractionLanguageCreate = SegmentInteractionLanguageFields;
export type SegmentInteractionLanguageCreate = z.infer<typeof SegmentInteractionLanguageCreate>;

export const SegmentInteractionLanguagePatch = patchOf(
  SegmentInteractionLanguageFields.omit({ languageCode: true }),
);
export type SegmentInteractionLanguagePatch = z.infer<typeof SegmentInteractionLanguagePatch>;

export const SegmentInteractionLanguage = SegmentInteractionLanguageFields.extend({
  segmentNo: Code,
  letterFileName: text(200).optional().meta({
    description:
      "The segment's interaction template's letter in this language, when it has one; absent otherwise.",
  }),
}).extend(ServerStamp.shape);
export type SegmentInteractionLanguage = z.infer<typeof SegmentInteractionLanguage>;

export const SegmentInteractionLanguageParams = z.object({ no: Code, languageCode: LanguageTag });
