import type { MergeValue } from "../merge-record";
import { dateNames } from "./locale-data";

/** A calendar date and wall-clock time, already in the zone the letter is written in. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,4})[-./](\d{1,2})[-./](\d{2,4})$/;

const zoned = new Map<string, Intl.DateTimeFormat>();

const partsInZone = (date: Date, timeZone: string): DateParts | undefined => {
  if (Number.isNaN(date.getTime())) return undefined;
  if (timeZone === "UTC") {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      weekday: date.getUTCDay(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    };
  }
  let format = zoned.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    zoned.set(timeZone, format);
  }
  const get = new Map(format.formatToParts(date).map((p) => [p.type, Number(p.value)]));
  return calendar(
    get.get("year") ?? 1970,
    get.get("month") ?? 1,
    get.get("day") ?? 1,
    get.get("hour") ?? 0,
    get.get("minute") ?? 0,
    get.get("second") ?? 0,
  );
};

const calendar = (
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): DateParts | undefined => {
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return undefined;
  return { year, month, day, weekday: utc.getUTCDay(), hour, minute, second };
};

/**
 * The date a merge value stands for, if any: a Date (shown in `timeZone`), an ISO date
 * ("2026-11-22", taken as that calendar day wherever the merge runs), an ISO date-time (with a
 * zone: converted; without: as written), or the language's numeric short date (day first,
 * except month first for en-US).
 */
export const toDateParts = (
  value: MergeValue,
  timeZone: string,
  language: string,
): DateParts | undefined => {
  if (value instanceof Date) return partsInZone(value, timeZone);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    if (iso[7]) return partsInZone(new Date(text), timeZone);
    return calendar(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
    );
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [a, b, c] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if ((numeric[1] as string).length === 4) return calendar(a, b, c);
    const year = (numeric[3] as string).length === 2 ? 2000 + c : c;
    return language === "en-US" ? calendar(year, a, b) : calendar(year, b, a);
  }
  return undefined;
};

export const isIsoDateText = (text: string): boolean => ISO.test(text.trim());

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * Word's date-time picture (\@): d dd ddd dddd, M MM MMM MMMM, yy yyyy, h hh (12-hour),
 * H HH (24-hour), m mm, s ss, am/pm AM/PM, 'quoted literal'; anything else is copied.
 * d and y may be upper-case (Word accepts both); M is month and m minutes. Names come in the
 * record's language (Danish: "22. november 2026", "søndag").
 */
export const formatDatePicture = (date: DateParts, picture: string, language: string): string => {
  const out: string[] = [];
  let i = 0;
  while (i < picture.length) {
    const ch = picture[i] as string;
    if (ch === "'") {
      const close = picture.indexOf("'", i + 1);
      out.push(close < 0 ? picture.slice(i + 1) : picture.slice(i + 1, close));
      i = close < 0 ? picture.length : close + 1;
      continue;
    }
    if (/^am\/pm/i.test(picture.slice(i, i + 5))) {
      const text = date.hour < 12 ? "AM" : "PM";
      out.push(ch === "a" ? text.toLowerCase() : text);
      i += 5;
      continue;
    }
    let run = 1;
    const same = (c: string | undefined): boolean =>
      c !== undefined &&
      (c === ch || ("dDyY".includes(ch) && c.toLowerCase() === ch.toLowerCase()));
    while (same(picture[i + run])) run++;
    const lower = ch.toLowerCase();
    if (lower === "d") {
      const names = dateNames(language);
      out.push(
        run === 1
          ? String(date.day)
          : run === 2
            ? pad(date.day, 2)
            : run === 3
              ? (names.daysShort[date.weekday] ?? "")
              : (names.days[date.weekday] ?? ""),
      );
    } else if (ch === "M") {
      const names = dateNames(language);
      out.push(
        run === 1
          ? String(date.month)
          : run === 2
            ? pad(date.month, 2)
            : run === 3
              ? (names.monthsShort[date.month - 1] ?? "")
              : (names.months[date.month - 1] ?? ""),
      );
    } else if (lower === "y") {
      out.push(run <= 2 ? pad(date.year % 100, 2) : String(date.year));
    } else if (ch === "h") {
      const twelve = date.hour % 12 === 0 ? 12 : date.hour % 12;
      out.push(run === 1 ? String(twelve) : pad(twelve, 2));
    } else if (ch === "H") {
      out.push(run === 1 ? String(date.hour) : pad(date.hour, 2));
    } else if (ch === "m") {
      out.push(run === 1 ? String(date.minute) : pad(date.minute, 2));
    } else if (lower === "s") {
      out.push(run === 1 ? String(date.second) : pad(date.second, 2));
    } else {
      out.push(picture.slice(i, i + run));
    }
    i += run;
  }
  return out.join("");
};
