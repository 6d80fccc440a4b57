const median = (xs: readonly number[]) =>
  [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;

/**
 * Runs ours and the peer alternately, so machine noise hits both alike; each run answers how
 * many milliseconds it took (when only part of it counts, such as a page load without setting
 * up its browser context). Medians of each.
 */
export const sideBySideTimed = async (
  runs: number,
  ours: (run: number) => Promise<number>,
  peer: (run: number) => Promise<number>,
): Promise<{ ours: number; peer: number }> => {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      b.push(await peer(i));
      a.push(await ours(i));
    } else {
      a.push(await ours(i));
      b.push(await peer(i));
    }
  }
  return { ours: median(a), peer: median(b) };
};

/** The wall time of `work`, in milliseconds. */
const timed =
  (work: (run: number) => Promise<unknown>) =>
  async (run: number): Promise<number> => {
    const started = process.hrtime.bigint();
    await work(run);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };

/** The median of several timed runs: one slow run on a shared machine must not decide a ratio. */
export const medianMs = async (
  runs: number,
  work: (run: number) => Promise<unknown>,
): Promise<number> => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(work)(i));
  return median(times);
};

/** Runs ours and the peer alternately, so machine noise hits both alike; medians of each. */
export const sideBySide = (
  runs: number,
  ours: (run: number) => Promise<unknown>,
  peer: (run: number) => Promise<unknown>,
): Promise<{ ours: number; peer: number }> => sideBySideTimed(runs, timed(ours), timed(peer));
