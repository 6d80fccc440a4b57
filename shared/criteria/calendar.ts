/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd) as plain day numbers: no Date, no time zone, so
 * the browser and the Functions agree on every date whatever their clocks' zones. Day numbers
 * follow Howard Hinnant's days_from_civil (day 0 = 1970-01-01, proleptic Gregorian).
 */

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Years outside four digits would break the string order that date comparisons rely on. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** The date, or undefined when the text is not a real calendar date in yyyy-mm-dd form. */
export const parseIsoDate = (text: string): CivilDate | undefined => {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  return day <= daysInMonth(year, month) ? { year, month, day } : undefined;
};

export const formatIsoDate = ({ year, month, day }: CivilDate): string =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

export const toDayNumber = ({ year, month, day }: CivilDate): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

export const fromDayNumber = (n: number): CivilDate => {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

export const addDays = (date: CivilDate, days: number): CivilDate =>
  fromDayNumber(toDayNumber(date) + days);

/**
 * Month arithmetic clamps to the last day of the target month, as Business Central's date
 * formulas do: 2026-01-31 +1M = 2026-02-28, 2024-03-31 -1M = 2024-02-29, 2024-02-29 +1Y =
 * 2025-02-28. (The clamp is not undone later: 2026-01-31 +1M +1M = 2026-03-28.)
 */
export const addMonths = (date: CivilDate, months: number): CivilDate => {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
};

/** ISO weekday: 1 = Monday ... 7 = Sunday (Danish weeks start on Monday). */
export const isoWeekday = (date: CivilDate): number => {
  const n = toDayNumber(date);
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
};

export const startOfIsoWeek = (date: CivilDate): CivilDate => addDays(date, 1 - isoWeekday(date));

/** Monday of ISO week 1: the week that holds the year's first Thursday (so 4 January). */
export const isoWeekOneMonday = (year: number): CivilDate =>
  startOfIsoWeek({ year, month: 1, day: 4 });

export const isoWeeksInYear = (year: number): number =>
  (toDayNumber(isoWeekOneMonday(year + 1)) - toDayNumber(isoWeekOneMonday(year))) / 7;

export const compareDates = (a: CivilDate, b: CivilDate): number => toDayNumber(a) - toDayNumber(b);

export const inSupportedRange = (date: CivilDate): boolean =>
  date.year >= MIN_YEAR && date.year <= MAX_YEAR;

/**
 * The exclusive upper bound of a day as a string: every ISO date or date-time of `isoDate` sorts
 * below it. The last supported day has no next day in four-digit years, so it gets "~", which
 * sorts after every character an ISO date-time can hold there.
 */
export const exclusiveEndOfDay = (isoDate: string): string => {
  const date = parseIsoDate(isoDate);
  if (!date) return `${isoDate}~`;
  const next = addDays(date, 1);
  return next.year > MAX_YEAR ? `${isoDate}~` : formatIsoDate(next);
};
