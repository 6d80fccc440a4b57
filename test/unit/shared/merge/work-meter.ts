/**
 * Counts the work the merge engine does, with no clock: every primitive that can hide a loop
 * over its input is replaced, while `run` executes, by one that adds what it walks to a counter.
 *
 * - a string search (indexOf, lastIndexOf, includes) adds the characters it scanned: up to the
 *   match, or to the end when there is none; a search from each tag to the end of the document
 *   shows up as N^2/2;
 * - a string copy (slice, substring, padStart, repeat, trim, case changes) adds its length, so
 *   "cut and glue the whole text once per edit" shows up too; a regular-expression call
 *   (replace, split, match, test) adds the length of the text it runs over;
 * - an array search or pass (find, some, filter, map, indexOf, join...) adds the array's
 *   length, and every step of a for-of over an array counts one;
 * - a Map or Set lookup counts one.
 *
 * The same input always gives the same count, so a test can double the input and expect the
 * count to double (linear) rather than to quadruple (quadratic). Plain index loops are not
 * seen; the engine's own scanners are such loops and are linear by construction (one pass).
 * Replacing prototypes turns off some of V8's fast paths in this worker: only speed changes.
 */

type Method = (this: unknown, ...args: unknown[]) => unknown;

interface Patch {
  readonly target: object;
  readonly key: PropertyKey;
  readonly cost: (self: unknown, args: readonly unknown[], result: unknown) => number;
}

const clampFrom = (from: unknown, length: number): number => {
  const n = typeof from === "number" && Number.isFinite(from) ? Math.trunc(from) : 0;
  return Math.min(Math.max(n, 0), length);
};

const searched = (self: unknown, args: readonly unknown[], result: unknown): number => {
  const text = String(self);
  const from = clampFrom(args[1], text.length);
  const found = typeof result === "number" ? result : result === true ? -2 : -1;
  if (found >= 0) return found - from + String(args[0]).length;
  // includes() says only yes or no: count the text after `from` either way.
  return text.length - from;
};

const searchedBackwards = (self: unknown, args: readonly unknown[], result: unknown): number => {
  const text = String(self);
  const from = args[1] === undefined ? text.length : clampFrom(args[1], text.length);
  const found = result as number;
  return found >= 0 ? from - found + 1 : from + 1;
};

const resultLength = (_self: unknown, _args: readonly unknown[], result: unknown): number =>
  typeof result === "string" || Array.isArray(result) ? result.length : 1;

const selfLength = (self: unknown): number =>
  typeof self === "string" ? self.length : Array.isArray(self) ? self.length : 1;

const inputLength = (_self: unknown, args: readonly unknown[]): number =>
  typeof args[0] === "string" ? args[0].length : 1;

const one = (): number => 1;

const STRING_COPIES = [
  "slice",
  "substring",
  "substr",
  "padStart",
  "padEnd",
  "repeat",
  "trim",
  "trimStart",
  "trimEnd",
  "toLowerCase",
  "toUpperCase",
  "toLocaleLowerCase",
  "toLocaleUpperCase",
  "normalize",
  "concat",
] as const;
const STRING_SCANS = ["replace", "replaceAll", "split", "match", "matchAll", "search"] as const;
const ARRAY_PASSES = [
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "some",
  "every",
  "filter",
  "map",
  "flatMap",
  "forEach",
  "reduce",
  "indexOf",
  "lastIndexOf",
  "includes",
  "join",
  "slice",
  "concat",
  "sort",
  "splice",
] as const;

const PATCHES: readonly Patch[] = [
  { target: String.prototype, key: "indexOf", cost: searched },
  { target: String.prototype, key: "includes", cost: searched },
  { target: String.prototype, key: "lastIndexOf", cost: searchedBackwards },
  { target: String.prototype, key: "startsWith", cost: (_s, args) => String(args[0]).length },
  { target: String.prototype, key: "endsWith", cost: (_s, args) => String(args[0]).length },
  ...STRING_COPIES.map((key): Patch => ({ target: String.prototype, key, cost: resultLength })),
  ...STRING_SCANS.map((key): Patch => ({ target: String.prototype, key, cost: selfLength })),
  { target: RegExp.prototype, key: "test", cost: inputLength },
  ...ARRAY_PASSES.map((key): Patch => ({ target: Array.prototype, key, cost: selfLength })),
  ...(["get", "has", "set", "delete"] as const).map((key): Patch => ({
    target: Map.prototype,
    key,
    cost: one,
  })),
  ...(["has", "add", "delete"] as const).map((key): Patch => ({
    target: Set.prototype,
    key,
    cost: one,
  })),
];

/** Runs `run` and answers its result with the steps it took. Not reentrant. */
export const measureWork = <T>(run: () => T): { result: T; steps: number } => {
  let steps = 0;
  const restore: (() => void)[] = [];
  for (const { target, key, cost } of PATCHES) {
    const original = Reflect.get(target, key) as Method;
    Reflect.set(target, key, function counted(this: unknown, ...args: unknown[]): unknown {
      const result = original.apply(this, args);
      steps += cost(this, args, result);
      return result;
    });
    restore.push(() => Reflect.set(target, key, original));
  }
  const iterator = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator);
  const values = Array.prototype.values;
  Object.defineProperty(Array.prototype, Symbol.iterator, {
    configurable: true,
    writable: true,
    value: function countingIterator(this: unknown[]): IterableIterator<unknown> {
      const inner = values.call(this);
      const counting: IterableIterator<unknown> = {
        next: () => {
          const step = inner.next();
          if (!step.done) steps += 1;
          return step;
        },
        [Symbol.iterator]: () => counting,
      };
      return counting;
    },
  });
  restore.push(() => {
    if (iterator) Object.defineProperty(Array.prototype, Symbol.iterator, iterator);
  });
  try {
    const result = run();
    return { result, steps };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
};

/** How much more work twice the input takes: 2 for linear work, 4 for quadratic. */
export const growth = (work: (size: number) => unknown, size: number): number => {
  const small = measureWork(() => work(size)).steps;
  const large = measureWork(() => work(2 * size)).steps;
  return large / small;
};
