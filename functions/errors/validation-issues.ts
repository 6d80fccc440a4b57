import type { z } from "zod";
import type { ProblemError } from "@shared/model/problem";
import { readableBoundMessage } from "./readable-bounds";

type Location = ProblemError["in"];

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
};

/**
 * Zod issues -> the `errors` of a problem answer: the field, the rule, a readable message. The
 * edge maps a request's issues with it, and so does a service that checks with zod itself (a
 * change merged onto the stored entity), without knowing about HTTP.
 */
export const issuesToErrors = (
  issues: readonly z.core.$ZodIssue[],
  location: Location,
  input: unknown,
): ProblemError[] =>
  issues.flatMap((issue): ProblemError[] => {
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      // Report the branch that got furthest rather than "invalid input".
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return issuesToErrors(
        best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
        location,
        input,
      );
    }
    const field = issue.path.map(String).join(".");
    const missing =
      (issue.code === "invalid_type" || issue.code === "invalid_value") &&
      valueAt(input, issue.path) === undefined;
    if (missing) return [{ in: location, field, rule: "required", message: "is required" }];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        in: location,
        field: field ? `${field}.${key}` : key,
        rule: "unknown_field",
        message: "is not a field of this resource",
      }));
    }
    const rule =
      issue.code === "custom" && typeof issue.params?.["rule"] === "string"
        ? (issue.params["rule"] as string)
        : issue.code;
    // A schema's own wording (min(1, { message })) stands; only zod's defaults are reworded.
    const zodDefault = /^(Too big|Too small|Invalid input): /.test(issue.message);
    const message = zodDefault
      ? (readableBoundMessage(issue, field, location) ?? issue.message)
      : issue.message;
    return [{ in: location, field, rule, message }];
  });
