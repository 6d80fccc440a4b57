import { z } from "zod";
import { LanguageTag } from "./common";

/**
 * A language a contact, segment, line or interaction template may name, as Business Central's
 * Language table: the code (a BCP 47 tag here, where BC has three letters such as DAN) and its
 * name in English and Danish.
 */
export const Language = z.object({
  code: LanguageTag,
  name: z.string().meta({ description: "The language's name in English." }),
  nameDa: z.string().meta({ description: "The language's name in Danish." }),
});
export type Language = z.infer<typeof Language>;

export const LanguageListQuery = z.object({
  top: z.coerce.number().int().min(1).max(500).default(50),
  search: z.string().trim().max(100).optional().meta({
    description: "The start of the code, or part of the name in English or Danish.",
  }),
});
export type LanguageListQuery = z.infer<typeof LanguageListQuery>;
