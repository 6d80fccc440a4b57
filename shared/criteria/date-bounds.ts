import { exclusiveEndOfDay } from "./calendar";
import type { NormalizedFieldCondition } from "./normalized-tree";

/**
 * Date fields hold ISO dates or date-times (createdAt is a UTC date-time), and conditions name
 * days. Both back ends compare the stored string with half-open day bounds, `atLeast <= x <
 * below`, which holds for "2026-01-31" and "2026-01-31T23:59:59Z" alike without parsing
 * anything per document. `ne` is the complement of `eq`, taken by the caller.
 */
export interface DayBounds {
  readonly atLeast?: string;
  readonly below?: string;
}

export type DateComparison = Extract<
  NormalizedFieldCondition,
  { op: "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "between" }
>;

export const dayBounds = (condition: DateComparison): DayBounds => {
  if (condition.op === "between") {
    const [from, to] = condition.values.map(String) as [string, string];
    return { atLeast: from, below: exclusiveEndOfDay(to) };
  }
  const day = String(condition.value);
  switch (condition.op) {
    case "eq":
    case "ne":
      return { atLeast: day, below: exclusiveEndOfDay(day) };
    case "lt":
      return { below: day };
    case "le":
      return { below: exclusiveEndOfDay(day) };
    case "gt":
      return { atLeast: exclusiveEndOfDay(day) };
    case "ge":
      return { atLeast: day };
  }
};

const DATE_OPS = new Set(["eq", "ne", "lt", "le", "gt", "ge", "between"]);

/** Date fields under other operators (empty, notEmpty) compare like any other field. */
export const isDateComparison = (
  condition: NormalizedFieldCondition,
): condition is DateComparison => condition.type === "date" && DATE_OPS.has(condition.op);
