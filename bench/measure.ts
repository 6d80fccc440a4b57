/** The median of several timed runs: one slow run on a shared machine must not decide a ratio. */
export const medianMs = async (
  runs: number,
  work: (run: number) => Promise<unknown>,
): Promise<number> => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
};

/** Runs ours and the peer alternately, so machine noise hits both alike. */
export const sideBySide = async (
  runs: number,
  ours: (run: number) => Promise<unknown>,
  peer: (run: number) => Promise<unknown>,
): Promise<{ ours: number; peer: number }> => {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [work, into] of (i % 2
      ? [
          [peer, b],
          [ours, a],
        ]
      : [
          [ours, a],
          [peer, b],
        ]) as [(run: number) => Promise<unknown>, number[]][]) {
      const started = process.hrtime.bigint();
      await work(i);
      into.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const median = (xs: number[]) =>
    [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return { ours: median(a), peer: median(b) };
};
