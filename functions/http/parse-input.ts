import { z } from "zod";
import type { ProblemError } from "@shared/model/problem";
import { isReservedKey, reservedKeyMessage, reservedKeyRule } from "@shared/model/reserved-keys";
import { ValidationError } from "../errors/app-errors";
import { refuseDocumentIds } from "./document-id-fields";
import { issuesToErrors } from "../errors/validation-issues";

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

/** ?a=1&a=2 -> { a: ["1", "2"] }; single values stay strings. Reserved keys are refused. */
export const queryToObject = (query: URLSearchParams): Record<string, string | string[]> => {
  const out: Record<string, string | string[]> = {};
  const keys = new Set(query.keys());
  const reserved = [...keys].filter(isReservedKey);
  if (reserved.length > 0)
    throw new ValidationError(
      reserved.map((key) => ({
        in: "query" as const,
        field: key,
        rule: reservedKeyRule,
        message: reservedKeyMessage(key),
      })),
    );
  for (const key of keys) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return out;
};
