import { z } from "zod";
import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../errors/app-errors";
import { refuseDocumentIds } from "./document-id-fields";
import { issuesToErrors } from "./problem";

/** Unknown fields are refused at the edge (a typo must not be silently ignored). */
const strict = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodObject ? schema.strict() : schema;

export const parseInput = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  location: ProblemError["in"],
): z.output<S> => {
  if (location === "body") refuseDocumentIds(input);
  const result = strict(schema).safeParse(input);
  if (!result.success)
    throw new ValidationError(issuesToErrors(result.error.issues, location, input));
  return result.data as z.output<S>;
};

/** ?a=1&a=2 -> { a: ["1", "2"] }; single values stay strings. */
export const queryToObject = (query: URLSearchParams): Record<string, string | string[]> => {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return out;
};
