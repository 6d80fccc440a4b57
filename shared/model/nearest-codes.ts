/** Edit distance (insert, delete, substitute one character), for "did you mean" on a typo. */
const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
};

/**
 * The known codes closest to a code nobody set up, nearest first (at most `max`): those within a
 * third of the code's length in edits (at least 2), or that start with it or it with them.
 */
export const nearestCodes = (code: string, known: readonly string[], max = 3): string[] => {
  const limit = Math.max(2, Math.floor(code.length / 3));
  return known
    .map((k) => ({ k, d: k.startsWith(code) || code.startsWith(k) ? 0.5 : distance(code, k) }))
    .filter((c) => c.d <= limit)
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, max)
    .map((c) => c.k);
};

/** "; did you mean "A" or "B"?" after an unknown code's message; nothing when none is near. */
export const didYouMean = (near: readonly string[]): string =>
  near.length ? `; did you mean ${near.map((c) => `"${c}"`).join(" or ")}?` : "";

/**
 * The known texts closest to one nobody set up (questions, answers), compared without case as
 * Business Central compares text; the known texts come back as they are spelled.
 */
export const nearestTexts = (text: string, known: readonly string[], max = 3): string[] => {
  const byUpper = new Map(known.map((k) => [k.toUpperCase(), k]));
  return nearestCodes(text.toUpperCase(), [...byUpper.keys()], max).map(
    (k) => byUpper.get(k) as string,
  );
};
