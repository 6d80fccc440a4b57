import type { ProblemError } from "@shared/model/problem";
import { ApiError } from "./errors";

/** The `errors[]` of a problem answer, or none for anything else. */
export const problemErrors = (error: unknown): readonly ProblemError[] =>
  error instanceof ApiError ? (error.problem?.errors ?? []) : [];

/** The field a problem entry names is `field` itself or lies inside it ("filter.items.2" holds "filter.items.2.value"). */
export const isWithin = (entryField: string, field: string): boolean =>
  entryField === field || entryField.startsWith(`${field}.`);

/**
 * The messages the API gave for one field of the request body (or inside it), joined for a
 * Field's validation message; undefined when it named nothing there.
 */
export const fieldMessage = (error: unknown, field: string): string | undefined => {
  const messages = problemErrors(error)
    .filter((entry) => entry.in === "body" && isWithin(entry.field, field))
    .map((entry) => entry.message);
  return messages.length ? messages.join(" ") : undefined;
};

/** Problem entries no control of the form shows: listed together so none goes unsaid. */
export const unplacedErrors = (
  error: unknown,
  placed: readonly string[],
): readonly ProblemError[] =>
  problemErrors(error).filter(
    (entry) => !(entry.in === "body" && placed.some((field) => isWithin(entry.field, field))),
  );
