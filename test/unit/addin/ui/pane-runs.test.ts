import { PaneRuns } from "../../../../addin/ui/pane-runs";

describe("PaneRuns: a run that ends while its view is elsewhere", () => {
  it("keeps an ended notice, no longer busy, until the run's view acknowledges it", () => {
    const runs = new PaneRuns();
    const heard: number[] = [];
    runs.subscribe(() => heard.push(runs.activities().length));
    runs.setActivity("merge/S1", { segmentNo: "S1", kind: "merge", done: 1200, total: 3000 });
    expect(runs.busy()).toBe(true);

    runs.end("merge/S1");
    expect(runs.activities()).toEqual([
      { segmentNo: "S1", kind: "merge", done: 1200, total: 3000, ended: true },
    ]);
    // Ended: closing the page loses nothing the server still does.
    expect(runs.busy()).toBe(false);

    runs.acknowledge("merge/S1");
    expect(runs.activities()).toEqual([]);
    expect(heard).toEqual([1, 1, 0]);
  });

  it("does not let an acknowledgement hide a run that is still going", () => {
    const runs = new PaneRuns();
    runs.setActivity("log/S2", { segmentNo: "S2", kind: "log" });
    runs.acknowledge("log/S2");
    expect(runs.activities()).toEqual([{ segmentNo: "S2", kind: "log" }]);
    expect(runs.busy()).toBe(true);
  });

  it("has nothing to end for a run it never heard of (a check, not a merge)", () => {
    const runs = new PaneRuns();
    runs.end("merge/S3");
    expect(runs.activities()).toEqual([]);
  });

  it("tells a run that stopped short how it ended, and a finished one only that it ended", () => {
    const runs = new PaneRuns();
    runs.setActivity("apply/BIG", { segmentNo: "BIG", kind: "apply", done: 1250, total: 3000 });
    runs.setActivity("apply/SMALL", { segmentNo: "SMALL", kind: "apply", done: 10, total: 20 });
    runs.end("apply/BIG", "canceled");
    runs.end("apply/SMALL");
    expect(runs.activities()).toEqual([
      {
        segmentNo: "BIG",
        kind: "apply",
        done: 1250,
        total: 3000,
        ended: true,
        endedAs: "canceled",
      },
      { segmentNo: "SMALL", kind: "apply", done: 10, total: 20, ended: true },
    ]);
    expect(runs.busy()).toBe(false);
  });
});
