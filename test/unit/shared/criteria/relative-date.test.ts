import fc from "fast-check";
import {
  addDays,
  formatIsoDate,
  fromDayNumber,
  isoWeekday,
  parseIsoDate,
  toDayNumber,
} from "@shared/criteria/calendar";
import { RelativeDateError, resolveDate } from "@shared/criteria/relative-date";

// A Sunday: the last day of its ISO week, which is where off-by-one weeks show.
const TODAY = "2026-03-15";

const day = (d: string) => ({ from: d, to: d });
const span = (from: string, to: string) => ({ from, to });

describe("resolveDate", () => {
  it.each([
    ["today", day(TODAY)],
    ["t", day(TODAY)],
    ["T", day(TODAY)],
    ["  Today ", day(TODAY)],
    ["yesterday", day("2026-03-14")],
    ["tomorrow", day("2026-03-16")],
    ["2026-01-31", day("2026-01-31")],
    ["2024-02", span("2024-02-01", "2024-02-29")],
    ["2026", span("2026-01-01", "2026-12-31")],
  ])("%s", (text, expected) => {
    expect(resolveDate(text, TODAY)).toEqual(expected);
  });

  it.each([
    ["-30D", "2026-02-13"],
    ["-30d", "2026-02-13"],
    ["+2W", "2026-03-29"],
    ["30D", "2026-04-14"],
    ["-1M", "2026-02-15"],
    ["-1Q", "2025-12-15"],
    ["-1Y", "2025-03-15"],
    ["-1M+5D", "2026-02-20"],
    ["-1m + 5d", "2026-02-20"],
    ["t-30d", "2026-02-13"],
    ["today+1w", "2026-03-22"],
  ])("date formula %s", (text, expected) => {
    expect(resolveDate(text, TODAY)).toEqual(day(expected));
  });

  it.each([
    ["2026-03-31", "-1M", "2026-02-28"],
    ["2024-03-31", "-1M", "2024-02-29"],
    ["2026-01-31", "+1M", "2026-02-28"],
    ["2026-05-31", "-1Q", "2026-02-28"],
    ["2024-02-29", "+1Y", "2025-02-28"],
    ["2024-02-29", "-4Y", "2020-02-29"],
    // The clamp sticks: chained months do not remember the 31st.
    ["2026-01-31", "+1M+1M", "2026-03-28"],
    ["2026-01-31", "+2M", "2026-03-31"],
  ])("month arithmetic clamps to the month's end: %s %s", (today, text, expected) => {
    expect(resolveDate(text, today)).toEqual(day(expected));
  });

  it.each([
    ["this week", span("2026-03-09", "2026-03-15")],
    ["current week", span("2026-03-09", "2026-03-15")],
    ["last week", span("2026-03-02", "2026-03-08")],
    ["next week", span("2026-03-16", "2026-03-22")],
    ["this month", span("2026-03-01", "2026-03-31")],
    ["last month", span("2026-02-01", "2026-02-28")],
    ["previous month", span("2026-02-01", "2026-02-28")],
    ["next month", span("2026-04-01", "2026-04-30")],
    ["this quarter", span("2026-01-01", "2026-03-31")],
    ["last quarter", span("2025-10-01", "2025-12-31")],
    ["next quarter", span("2026-04-01", "2026-06-30")],
    ["this year", span("2026-01-01", "2026-12-31")],
    ["last year", span("2025-01-01", "2025-12-31")],
    ["NEXT  YEAR", span("2027-01-01", "2027-12-31")],
    ["last 30 days", span("2026-02-14", "2026-03-15")],
    ["past 1 day", day(TODAY)],
    ["last 2 weeks", span("2026-03-02", "2026-03-15")],
    ["last 1 month", span("2026-02-16", "2026-03-15")],
    ["next 7 days", span("2026-03-15", "2026-03-21")],
    ["next 1 year", span("2026-03-15", "2027-03-14")],
  ])("period %s", (text, expected) => {
    expect(resolveDate(text, TODAY)).toEqual(expected);
  });

  it("steps months from the period's first day, so month ends neither skip nor repeat", () => {
    expect(resolveDate("last month", "2026-03-31")).toEqual(span("2026-02-01", "2026-02-28"));
    expect(resolveDate("next month", "2026-01-31")).toEqual(span("2026-02-01", "2026-02-28"));
    expect(resolveDate("last month", "2026-01-15")).toEqual(span("2025-12-01", "2025-12-31"));
  });

  describe("ISO weeks across year boundaries (Monday first)", () => {
    it("a week that straddles New Year belongs to the year of its Thursday", () => {
      // 2027-01-01 is a Friday: its week is 2026's week 53.
      expect(resolveDate("this week", "2027-01-01")).toEqual(span("2026-12-28", "2027-01-03"));
      expect(resolveDate("2026-W53", TODAY)).toEqual(span("2026-12-28", "2027-01-03"));
      expect(resolveDate("last week", "2027-01-01")).toEqual(span("2026-12-21", "2026-12-27"));
      expect(resolveDate("next week", "2026-12-30")).toEqual(span("2027-01-04", "2027-01-10"));
    });

    it("week 1 may start in December", () => {
      expect(resolveDate("2026-W01", TODAY)).toEqual(span("2025-12-29", "2026-01-04"));
      expect(resolveDate("2026-w1", TODAY)).toEqual(span("2025-12-29", "2026-01-04"));
      expect(resolveDate("2021-W01", TODAY)).toEqual(span("2021-01-04", "2021-01-10"));
    });

    it("knows which years have 53 weeks", () => {
      expect(resolveDate("2020-W53", TODAY)).toEqual(span("2020-12-28", "2021-01-03"));
      expect(() => resolveDate("2025-W53", TODAY)).toThrow(RelativeDateError);
    });

    it("a Sunday is the last day of its week, a Monday the first", () => {
      expect(resolveDate("this week", "2026-03-16")).toEqual(span("2026-03-16", "2026-03-22"));
    });
  });

  it.each([
    "",
    "foo",
    "2026-02-30",
    "2026-13",
    "2026-00-10",
    "1M5D",
    "t5d",
    "-30X",
    "last fortnight",
    "last 0 days",
    "-999999D",
    "today-",
  ])("refuses %j with a RelativeDateError naming the text", (text) => {
    let caught: unknown;
    try {
      resolveDate(text, TODAY);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RelativeDateError);
    expect(caught).toMatchObject({ name: "RelativeDateError", text });
  });

  it("refuses dates outside four-digit years and a today that is not a date", () => {
    expect(() => resolveDate("-3000Y", TODAY)).toThrow(/0001-9999/);
    expect(() => resolveDate("today", "15-03-2026")).toThrow(RelativeDateError);
  });

  it("every form resolves to a valid, ordered range on any day", () => {
    const forms = [
      "today",
      "-30D",
      "+1M",
      "-1Y+1D",
      "this week",
      "last month",
      "next quarter",
      "last year",
      "last 30 days",
      "next 2 months",
    ];
    fc.assert(
      fc.property(
        fc.integer({
          min: toDayNumber({ year: 1900, month: 1, day: 1 }),
          max: toDayNumber({ year: 2200, month: 1, day: 1 }),
        }),
        fc.constantFrom(...forms),
        (n, form) => {
          const { from, to } = resolveDate(form, formatIsoDate(fromDayNumber(n)));
          expect(parseIsoDate(from)).toBeDefined();
          expect(parseIsoDate(to)).toBeDefined();
          expect(from <= to).toBe(true);
        },
      ),
    );
  });
});

describe("calendar", () => {
  it("day numbers round-trip and weekdays advance by one", () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
        expect(parseIsoDate(formatIsoDate(date))).toEqual(date);
        expect(isoWeekday(addDays(date, 1))).toBe((isoWeekday(date) % 7) + 1);
      }),
    );
    expect(isoWeekday({ year: 2026, month: 3, day: 15 })).toBe(7);
  });
});
