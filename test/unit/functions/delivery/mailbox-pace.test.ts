import {
  estimatedFinish,
  grant,
  nextDayStart,
  reserve,
  settle,
  type PaceState,
} from "../../../../functions/delivery/job/mailbox-pace";

const limits = { perMinute: 3, concurrency: 2, perDay: 5 };
const t0 = Date.UTC(2026, 11, 7, 10, 0, 0);
const empty: PaceState = { recent: [], day: "", dayCount: 0 };

describe("the mailbox's pace", () => {
  it("grants up to the concurrency, then what the sliding minute has left", () => {
    expect(grant(empty, t0, 10, limits)).toEqual({ kind: "go", count: 2 });
    const two = reserve(empty, t0, 2);
    expect(grant(two, t0 + 1000, 10, limits)).toEqual({ kind: "go", count: 1 });
    const three = reserve(two, t0 + 1000, 1);
    // Full: the next place frees a minute after the oldest send, not at the next whole minute.
    expect(grant(three, t0 + 30_000, 10, limits)).toEqual({
      kind: "wait",
      untilMs: t0 + 60_001,
      why: "minute",
    });
    expect(grant(three, t0 + 60_001, 10, limits)).toEqual({ kind: "go", count: 2 });
  });

  it("counts a send from when it was done, and gives back the places of what never went", () => {
    const started = reserve(empty, t0, 2);
    const done = settle(started, t0, 2, t0 + 5_000, 1);
    expect(done.recent).toEqual([t0 + 5_000]);
    expect(done.dayCount).toBe(1);
  });

  it("stops at the day's allowance until the next UTC day", () => {
    const full: PaceState = { recent: [], day: "2026-12-07", dayCount: 5 };
    expect(grant(full, t0, 1, limits)).toEqual({
      kind: "wait",
      untilMs: Date.UTC(2026, 11, 8),
      why: "day",
    });
    // A new day starts counting from nothing.
    expect(grant(full, nextDayStart(t0), 1, limits)).toEqual({ kind: "go", count: 1 });
  });

  it("estimates the finish at the minute's pace, and across days past the allowance", () => {
    expect(estimatedFinish(empty, t0, 3, limits)).toBe(t0 + 60_000);
    // 12 at 5 a day: 5 today, 5 tomorrow, 2 the day after (one minute of sending).
    expect(estimatedFinish(empty, t0, 12, limits)).toBe(Date.UTC(2026, 11, 9) + 60_000);
  });
});
