import { serialReports } from "../../../../functions/merge/serial-reports";

/** A save that waits until the test lets it finish, recording when it starts and ends. */
const gatedSaves = () => {
  const log: string[] = [];
  const gates: (() => void)[] = [];
  const save = (lettersDone: number) => {
    log.push(`start ${lettersDone}`);
    return new Promise<void>((resolve) =>
      gates.push(() => {
        log.push(`end ${lettersDone}`);
        resolve();
      }),
    );
  };
  const release = async () => {
    // Let the chain reach the next save before opening its gate.
    await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
  };
  return { log, save, release };
};

describe("an output's progress reports", () => {
  it("are saved one at a time, in the order they came, though sent at once", async () => {
    const { log, save, release } = gatedSaves();
    const reports = serialReports(save);
    const both = Promise.all([reports.report(1), reports.report(2)]);
    await release();
    await release();
    await both;
    expect(log).toEqual(["start 1", "end 1", "start 2", "end 2"]);
  });

  it("are not saved once closed, and closing waits for the one being saved", async () => {
    const { log, save, release } = gatedSaves();
    const reports = serialReports(save);
    const first = reports.report(1);
    const queued = reports.report(2);
    await new Promise((resolve) => setImmediate(resolve));
    let closed = false;
    const closing = reports.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    await release();
    await Promise.all([first, queued, closing]);
    expect(closed).toBe(true);
    expect(log).toEqual(["start 1", "end 1"]);
  });

  it("stop at the first that fails: every later report rejects with it, and close does not", async () => {
    const canceled = new Error("canceled");
    const saved: number[] = [];
    const reports = serialReports(async (done) => {
      if (done === 2) throw canceled;
      saved.push(done);
    });
    await reports.report(1);
    await expect(reports.report(2)).rejects.toBe(canceled);
    await expect(reports.report(3)).rejects.toBe(canceled);
    await expect(reports.close()).resolves.toBeUndefined();
    expect(saved).toEqual([1]);
  });
});
