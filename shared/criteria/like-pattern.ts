/**
 * The `like` operator's pattern: Business Central's `?` (exactly one character) anywhere, and
 * `*` (any run) at the start or the end. Read once into fixed-offset pieces, so the SQL compiler
 * (LENGTH and SUBSTRING, which the embedded engine and Cosmos DB both have) and the evaluator
 * test the very same thing. `*` at both ends around a `?` would need a search, which Cosmos SQL
 * cannot say without regular expressions: refused, as is a `*` in the middle. Characters are
 * counted as JavaScript and the embedded engine count them (UTF-16 units).
 */
export interface LikePattern {
  /** Characters the pattern stands for, each ? counting one. */
  readonly length: number;
  /** `*` at the start: the pieces are counted from the end of the value. */
  readonly fromEnd: boolean;
  /** A `*` at either end: the value may be longer than `length`. */
  readonly open: boolean;
  /** The literal runs between the ?s, at their offset into the `length` characters. */
  readonly pieces: readonly { readonly offset: number; readonly text: string }[];
}

export class LikePatternError extends Error {
  override readonly name = "LikePatternError";
}

/** @throws LikePatternError saying what to write instead. */
export const readLikePattern = (pattern: string): LikePattern => {
  const leading = pattern.startsWith("*");
  const trailing = pattern.length > 1 && pattern.endsWith("*");
  const core = pattern.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (core.includes("*")) {
    throw new LikePatternError(
      "a pattern takes * only at the start or the end (A?C*, *A?C), and ? anywhere",
    );
  }
  if (core === "") throw new LikePatternError("a pattern needs at least one character or ?");
  if (leading && trailing) {
    throw new LikePatternError(
      "a pattern cannot have * at both ends (*A?C*): use * at one end only, or contains",
    );
  }
  const pieces = [...core.matchAll(/[^?]+/g)].map((m) => ({ offset: m.index, text: m[0] }));
  return { length: core.length, fromEnd: leading, open: leading || trailing, pieces };
};

/** The in-memory side; compile-sql.ts says the same in SQL. */
export const likeMatches = (p: LikePattern, value: string): boolean => {
  if (p.open ? value.length < p.length : value.length !== p.length) return false;
  const base = p.fromEnd ? value.length - p.length : 0;
  return p.pieces.every(({ offset, text }) => value.startsWith(text, base + offset));
};
