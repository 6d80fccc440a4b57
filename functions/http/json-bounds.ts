import type { ProblemError } from "@shared/model/problem";
import { isReservedKey, reservedKeyMessage, reservedKeyRule } from "@shared/model/reserved-keys";

/**
 * Bounds every parsed JSON body has, whatever its endpoint. JSON.parse copes with any depth, but
 * zod and the code behind it recurse: a body nested deeper than the stack would crash them
 * (a 500) instead of being refused. No body the contract describes comes near 64 levels: a
 * criteria tree at its own limit (criteria-bounds.ts, 20 levels) is about 43.
 */
export const jsonLimits = { depth: 64 } as const;

/** Reserved keys reported at most this many times: enough to fix them, not a 64 KB answer. */
const maxReported = 20;

/** Where a value sits, kept as a link to its parent so that the walk copies no paths. */
interface Place {
  readonly parent: Place | undefined;
  readonly key: string | number;
}

const fieldOf = (place: Place | undefined): string => {
  const keys: (string | number)[] = [];
  for (let p = place; p; p = p.parent) keys.push(p.key);
  return keys.reverse().join(".");
};

/**
 * Walks a parsed body without recursion and reports where it is too deep (only that, at the
 * first place found) or every reserved key it uses as an object key (see reserved-keys.ts).
 */
export const jsonBoundErrors = (body: unknown): ProblemError[] => {
  const errors: ProblemError[] = [];
  const stack: { value: unknown; depth: number; place: Place | undefined }[] = [
    { value: body, depth: 1, place: undefined },
  ];
  while (stack.length > 0) {
    const { value, depth, place } = stack.pop() as (typeof stack)[number];
    if (value === null || typeof value !== "object") continue;
    if (depth > jsonLimits.depth) {
      return [
        {
          in: "body",
          field: fieldOf(place),
          rule: "max_depth",
          message: `is nested more than ${jsonLimits.depth} levels deep (objects and arrays); no request may be deeper`,
        },
      ];
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item: unknown, i) => [i, item])
      : Object.entries(value);
    for (const [key, item] of entries) {
      if (typeof key === "string" && isReservedKey(key) && errors.length < maxReported)
        errors.push({
          in: "body",
          field: fieldOf({ parent: place, key }),
          rule: reservedKeyRule,
          message: reservedKeyMessage(key),
        });
      stack.push({ value: item, depth: depth + 1, place: { parent: place, key } });
    }
  }
  return errors;
};
