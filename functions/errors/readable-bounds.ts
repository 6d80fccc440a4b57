import type { z } from "zod";
import type { ProblemError } from "@shared/model/problem";

/**
 * Zod's own words for a broken bound ("Too big: expected number to be <=500") name neither the
 * field nor what to send instead; a marketer reading the answer, or a developer reading a log,
 * needs both. Undefined for the issues whose zod message already says enough.
 */
export const readableBoundMessage = (
  issue: z.core.$ZodIssue,
  field: string,
  location: ProblemError["in"],
): string | undefined => {
  const subject = location === "query" ? `the query parameter ${field}` : field;
  const limit = (n: number | bigint, unit: string) =>
    unit === "" ? String(n) : `${n} ${unit}${Number(n) === 1 ? "" : "s"}`;
  switch (issue.code) {
    case "too_big":
    case "too_small": {
      const big = issue.code === "too_big";
      const bound = big ? issue.maximum : issue.minimum;
      if (typeof bound !== "number" && typeof bound !== "bigint") return undefined;
      const inclusive = issue.inclusive !== false;
      const unit = issue.origin === "string" ? "character" : issue.origin === "array" ? "item" : "";
      if (unit === "" && issue.origin !== "number" && issue.origin !== "bigint") return undefined;
      const verb = unit === "item" ? "must have" : "must be";
      const words = big
        ? inclusive
          ? "at most"
          : unit === ""
            ? "less than"
            : "fewer than"
        : inclusive
          ? "at least"
          : "more than";
      return `${subject} ${verb} ${words} ${limit(bound, unit)}`;
    }
    case "invalid_type":
      if (issue.expected === "int") return `${subject} must be a whole number`;
      if (issue.expected === "number") return `${subject} must be a number`;
      return undefined;
    default:
      return undefined;
  }
};
