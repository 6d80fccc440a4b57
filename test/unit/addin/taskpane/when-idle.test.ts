/**
 * The pane runs React and the views only once the page is idle (taskpane/index.tsx): with
 * requestIdleCallback where the browser has it, with the deadline passed on, and in a task of
 * its own where it has none (Safari, so Word on Mac); never synchronously.
 */
import { whenIdle } from "../../../../addin/taskpane/when-idle";

type IdleGlobal = { requestIdleCallback?: unknown };

afterEach(() => {
  delete (globalThis as IdleGlobal).requestIdleCallback;
  jest.useRealTimers();
});

describe("whenIdle", () => {
  it("hands the work and the deadline to requestIdleCallback", () => {
    const asked: { timeout?: number }[] = [];
    let queued: (() => void) | undefined;
    (globalThis as IdleGlobal).requestIdleCallback = (
      callback: () => void,
      options?: { timeout?: number },
    ) => {
      queued = callback;
      asked.push(options ?? {});
      return 1;
    };
    const work = jest.fn();
    whenIdle(work, 200);
    expect(work).not.toHaveBeenCalled();
    expect(asked).toEqual([{ timeout: 200 }]);
    queued?.();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("runs the work in a task of its own without requestIdleCallback", () => {
    jest.useFakeTimers();
    const work = jest.fn();
    whenIdle(work, 200);
    expect(work).not.toHaveBeenCalled();
    jest.runOnlyPendingTimers();
    expect(work).toHaveBeenCalledTimes(1);
  });
});
