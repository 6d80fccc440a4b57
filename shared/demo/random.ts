/**
 * A small seeded PRNG for demo and benchmark data. Math.random cannot be seeded, and the demo
 * tenant must come out byte-identical for a seed in the browser and on the server, so every draw
 * goes through mulberry32: 32-bit integer arithmetic only (Math.imul), no transcendental
 * functions whose last bits may differ between JavaScript engines.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with the given probability (0..1). */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` random decimal digits, leading zeros kept. */
  digits(count: number): string;
}

// Module-level aliases: under Jest, code runs in a vm context where every lookup of a global
// such as `Math` goes through an interceptor and costs ~50x more; these are looked up once.
const { floor, imul, trunc } = Math;

export const createRandom = (seed: number): Random => {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  let state = trunc(seed) >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = imul(state ^ (state >>> 15), 1 | state);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + floor(next() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[floor(next() * items.length)] as T;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = floor(next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };

  // Up to nine digits come from one draw: 10^9 is below the 2^32 values next() can take, and
  // one string per phone number instead of one per digit spares the garbage collector.
  const digits = (count: number): string => {
    let s = "";
    for (let left = count; left > 0; left -= 9) {
      const n = left < 9 ? left : 9;
      s += `${floor(next() * 10 ** n)}`.padStart(n, "0");
    }
    return s;
  };

  return { next, int, chance: (p) => next() < p, pick, shuffle, digits };
};

/** An entry of a weighted list: the value and its relative weight (any positive number). */
export type Weighted<T> = readonly [value: T, weight: number];

/**
 * Prepares a weighted choice once (cumulative weights, binary search) so that drawing from a
 * long list, such as surnames by frequency, stays cheap when it is done 100,000 times.
 */
export const weightedPicker = <T>(entries: readonly Weighted<T>[]): ((random: Random) => T) => {
  if (entries.length === 0) throw new RangeError("weightedPicker over an empty list");
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (!(weight > 0)) throw new RangeError(`weights must be positive, got ${weight}`);
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return values[lo] as T;
  };
};
