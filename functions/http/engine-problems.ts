import type { HttpResponseInit } from "@azure/functions";
import { LabelGridError } from "@shared/merge/labels/label-grid-error";
import { MergeError } from "@shared/merge/merge-error";
import { TemplateError, type TemplateErrorCode } from "@shared/merge/template-error";
import type { ProblemError } from "@shared/model/problem";
import { problemResponse } from "./problem-response";

/** Limits on a letter's size: 413, the request is larger than the API takes. */
const SIZE_LIMITS: ReadonlySet<TemplateErrorCode> = new Set([
  "too_large",
  "too_many_parts",
  "too_many_elements",
  "too_many_paragraphs",
  "too_many_fields",
  "text_too_long",
]);

/** A Word document whose fields cannot be merged as written: the rule names what to fix. */
const FIELD_RULES: ReadonlySet<TemplateErrorCode> = new Set([
  "record_field_nested",
  "record_field_syntax",
  "record_field_spans_paragraphs",
  "field_not_closed",
]);

const limitOf = (error: TemplateError | MergeError): Pick<ProblemError, "limit" | "actual"> => ({
  ...(error.limit !== undefined ? { limit: error.limit } : {}),
  ...(error.actual !== undefined ? { actual: error.actual } : {}),
});

/**
 * The merge engine's refusals as problem+json: the rule is the engine's stable code, and for a
 * limit the limit and the letter's (or the merge's) own value go with it, so the pane can say
 * "at most 100,000 paragraphs" in the user's language.
 */
export const engineProblem = (error: unknown, instance: string): HttpResponseInit | undefined => {
  if (error instanceof TemplateError) {
    const size = SIZE_LIMITS.has(error.code);
    const fields = FIELD_RULES.has(error.code);
    return problemResponse(
      size ? 413 : 422,
      size ? "letter-too-large" : fields ? "letter-fields-malformed" : "not-a-word-document",
      size
        ? "The letter is over a limit"
        : fields
          ? "The letter's fields cannot be merged as written"
          : "Not a usable Word document",
      {
        detail: error.message,
        errors: [
          {
            in: "body",
            field: error.part ?? "document",
            rule: error.code,
            message: error.message,
            ...limitOf(error),
          },
        ],
        instance,
      },
    );
  }
  if (error instanceof LabelGridError) {
    return problemResponse(422, "label-sheet-not-printable", "The label sheet cannot be printed", {
      detail: error.message,
      errors: error.issues.map((issue) => ({
        in: "body" as const,
        field: `labels.sheet.custom.${issue.field}`,
        rule: issue.rule,
        message: issue.message,
      })),
      instance,
    });
  }
  if (error instanceof MergeError) {
    const tooLarge = error.code === "output_too_large";
    return problemResponse(
      tooLarge ? 413 : 422,
      tooLarge ? "merge-too-large" : "merge-not-possible",
      tooLarge ? "The merge would be too large" : "The merge cannot run",
      {
        detail: error.message,
        errors: [
          {
            in: "body",
            field: tooLarge ? "output" : "",
            rule: error.code,
            message: error.message,
            ...limitOf(error),
          },
        ],
        instance,
      },
    );
  }
  return undefined;
};
