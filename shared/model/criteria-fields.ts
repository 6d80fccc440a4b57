import { z } from "zod";
import { Operator } from "../criteria/criteria-tree";
import { Code } from "./common";

/** A field the criteria builder offers, with the operators that fit its type. */
export const CriteriaFieldInfo = z.object({
  name: z.string(),
  type: z.enum(["code", "text", "enum", "boolean", "date", "number", "any"]),
  enumValues: z.array(z.string()).optional(),
  operators: z.array(Operator),
  label: z.object({ "en-US": z.string(), "da-DK": z.string() }),
});
export type CriteriaFieldInfo = z.infer<typeof CriteriaFieldInfo>;

export const CriteriaFieldList = z.object({ items: z.array(CriteriaFieldInfo) });

export const FieldValuesParams = z.object({ field: z.string().min(1).max(60) });
export const FieldValuesQuery = z.object({
  search: z.string().max(100).optional().meta({ description: "The start of the value." }),
  top: z.coerce.number().int().min(1).max(100).default(20),
  questionnaire: Code.optional().meta({
    description: "For profileQuestions and profileAnswers: the questionnaire's code.",
  }),
  question: z.string().min(1).max(50).optional().meta({
    description: "For profileAnswers: the question, as set up in the questionnaire.",
  }),
});
export const FieldValues = z.object({
  items: z.array(
    z.object({
      value: z.union([z.string(), z.number(), z.boolean()]),
      count: z.number().int(),
      description: z
        .string()
        .optional()
        .meta({ description: "For a code list: the code's English description." }),
      descriptionDa: z
        .string()
        .optional()
        .meta({ description: "For a code list: the code's Danish description." }),
    }),
  ),
});
