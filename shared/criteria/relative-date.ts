import {
  addDays,
  addMonths,
  formatIsoDate,
  inSupportedRange,
  isoWeekOneMonday,
  isoWeeksInYear,
  parseIsoDate,
  startOfIsoWeek,
  daysInMonth,
  type CivilDate,
} from "./calendar";

/**
 * Dates in criteria, absolute or relative to a `today` the caller passes in (the server's date
 * for the tenant, or a fixed date in a test), so the same text resolves to the same days on
 * both back ends. Every form resolves to an inclusive range of days; a single day has from ===
 * to. Case and extra spaces do not matter.
 *
 * - `2026-01-31`: that day. `2026-01`: that month. `2026`: that year. `2026-W05`: that ISO week.
 * - `today`/`t` (Business Central's T), `yesterday`, `tomorrow`.
 * - Business Central date formulas relative to today: `-30D`, `+2W`, `-1M`, `-1Q`, `-1Y`,
 *   unsigned meaning forward (`30D`), chained left to right (`-1M+5D`), optionally after a base
 *   (`t-30d`, `today+1w`). Months, quarters and years clamp to the month's end (calendar.ts).
 * - `this|current|last|previous|next week|month|quarter|year`: the whole calendar period. Weeks
 *   are ISO weeks, Monday to Sunday, as in Denmark.
 * - `last|past N days|weeks|months|years`: the N units up to and including today
 *   (`last 30 days` = today-29 .. today); `next N ...`: from today on (`next 7 days` = today ..
 *   today+6).
 */

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export class RelativeDateError extends Error {
  override readonly name = "RelativeDateError";
  constructor(
    readonly text: string,
    reason = "expected a date such as 2026-01-31, today, -30D, last month or last 30 days",
  ) {
    super(`"${text}" is not a date: ${reason}`);
  }
}

type Unit = "d" | "w" | "m" | "q" | "y";
type Period = "week" | "month" | "quarter" | "year";

/** Guards the arithmetic: nobody means a date 100,000 units away. */
const MAX_AMOUNT = 100_000;

const shift = (date: CivilDate, amount: number, unit: Unit): CivilDate => {
  switch (unit) {
    case "d":
      return addDays(date, amount);
    case "w":
      return addDays(date, amount * 7);
    case "m":
      return addMonths(date, amount);
    case "q":
      return addMonths(date, amount * 3);
    case "y":
      return addMonths(date, amount * 12);
  }
};

const periodContaining = (date: CivilDate, period: Period): [CivilDate, CivilDate] => {
  switch (period) {
    case "week": {
      const monday = startOfIsoWeek(date);
      return [monday, addDays(monday, 6)];
    }
    case "month":
      return [
        { ...date, day: 1 },
        { ...date, day: daysInMonth(date.year, date.month) },
      ];
    case "quarter": {
      const first = date.month - ((date.month - 1) % 3);
      return [
        { year: date.year, month: first, day: 1 },
        { year: date.year, month: first + 2, day: daysInMonth(date.year, first + 2) },
      ];
    }
    case "year":
      return [
        { year: date.year, month: 1, day: 1 },
        { year: date.year, month: 12, day: 31 },
      ];
  }
};

const periodUnit: Record<Period, Unit> = { week: "w", month: "m", quarter: "q", year: "y" };

const unitOf = (word: string): Unit | undefined =>
  ({ day: "d", days: "d", week: "w", weeks: "w", month: "m", months: "m", year: "y", years: "y" })[
    word
  ] as Unit | undefined;

const FORMULA_TERM = /([+-]?)(\d{1,6})([dwmqy])/y;

/** `-1M+5D` and friends, applied left to right; undefined when the text is not a formula. */
const applyFormula = (formula: string, base: CivilDate): CivilDate | undefined => {
  const compact = formula.replace(/\s+/g, "");
  if (compact === "") return undefined;
  let date = base;
  FORMULA_TERM.lastIndex = 0;
  let first = true;
  while (FORMULA_TERM.lastIndex < compact.length) {
    const m = FORMULA_TERM.exec(compact);
    if (!m) return undefined;
    const [, sign, digits, unit] = m as unknown as [string, string, string, Unit];
    // Only the first term may leave out its sign: "1M5D" is more likely a typo than a formula.
    if (!first && sign === "") return undefined;
    const amount = Number(digits);
    if (amount > MAX_AMOUNT) return undefined;
    date = shift(date, sign === "-" ? -amount : amount, unit);
    first = false;
  }
  return date;
};

const range = (text: string, from: CivilDate, to: CivilDate): DateRange => {
  if (!inSupportedRange(from) || !inSupportedRange(to)) {
    throw new RelativeDateError(text, "it falls outside the years 0001-9999");
  }
  return { from: formatIsoDate(from), to: formatIsoDate(to) };
};

const day = (text: string, date: CivilDate): DateRange => range(text, date, date);

/**
 * Resolves a date expression to the inclusive range of days it names.
 * @throws RelativeDateError when the text is not one of the forms above or `today` is not an ISO date.
 */
export const resolveDate = (text: string, today: string): DateRange => {
  const base = parseIsoDate(today);
  if (!base) throw new RelativeDateError(today, "today must be an ISO date (yyyy-mm-dd)");
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");

  const absolute = parseIsoDate(t);
  if (absolute) return day(text, absolute);
  if (/^\d{4}-\d{2}-\d{2}$/.test(t))
    throw new RelativeDateError(text, "no such day in the calendar");

  let m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (year < 1 || month < 1 || month > 12) throw new RelativeDateError(text, "no such month");
    return range(text, { year, month, day: 1 }, { year, month, day: daysInMonth(year, month) });
  }
  m = /^(\d{4})$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    if (year < 1) throw new RelativeDateError(text, "no such year");
    return range(text, { year, month: 1, day: 1 }, { year, month: 12, day: 31 });
  }
  m = /^(\d{4})-w(\d{1,2})$/.exec(t);
  if (m) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    if (year < 1 || week < 1 || week > isoWeeksInYear(year)) {
      throw new RelativeDateError(text, `${year} has no ISO week ${week}`);
    }
    const monday = addDays(isoWeekOneMonday(year), (week - 1) * 7);
    return range(text, monday, addDays(monday, 6));
  }

  if (t === "today" || t === "t") return day(text, base);
  if (t === "yesterday") return day(text, addDays(base, -1));
  if (t === "tomorrow") return day(text, addDays(base, 1));

  m = /^(this|current|last|previous|next) (week|month|quarter|year)$/.exec(t);
  if (m) {
    const [which, period] = [m[1], m[2] as Period];
    const step = which === "next" ? 1 : which === "last" || which === "previous" ? -1 : 0;
    // Step from the period's first day so month-end clamping cannot skip or repeat a period.
    const [start] = periodContaining(base, period);
    const [from, to] = periodContaining(shift(start, step, periodUnit[period]), period);
    return range(text, from, to);
  }

  m = /^(last|past|next) (\d{1,6}) (days?|weeks?|months?|years?)$/.exec(t);
  if (m) {
    const [which, amount, unit] = [m[1], Number(m[2]), unitOf(m[3] ?? "")];
    if (unit === undefined || amount < 1 || amount > MAX_AMOUNT) {
      throw new RelativeDateError(text, "the number of units must be between 1 and 100000");
    }
    return which === "next"
      ? range(text, base, addDays(shift(base, amount, unit), -1))
      : range(text, addDays(shift(base, -amount, unit), 1), base);
  }

  m = /^(today|t)?\s?([+-]?.*)$/.exec(t);
  const withBase = m?.[1] !== undefined;
  const formula = m?.[2] ?? "";
  // After a base the formula must start with a sign: "t5d" is not a date.
  if (!withBase || /^[+-]/.test(formula.trim())) {
    const shifted = applyFormula(formula, base);
    if (shifted) return day(text, shifted);
  }
  throw new RelativeDateError(text);
};
