import type { MergeValue } from "../merge-record";
import { parseSwitches } from "../fields/field-instruction";
import type { FieldSwitches } from "../fields/field-switches";
import { formatDatePicture, isIsoDateText, toDateParts, type DateParts } from "./date-picture";
import {
  DEFAULT_LANGUAGE,
  numberSeparators,
  resolveLanguage,
  shortDatePicture,
  yesNo,
} from "./locale-data";
import { formatNumberPicture, toNumber } from "./number-picture";
import { applyTextFormat } from "./text-format";

export interface FormatContext {
  /** A resolved BCP 47 tag (resolveLanguage). */
  readonly language: string;
  /** IANA zone in which Date values are shown; "UTC" by default. */
  readonly timeZone: string;
  /** The template's decimal symbol (settings.xml), to read ambiguous \# pictures. */
  readonly templateDecimal: string;
}

const withTime = (date: DateParts): boolean =>
  date.hour !== 0 || date.minute !== 0 || date.second !== 0;

const defaultDate = (date: DateParts, context: FormatContext): string => {
  const day = formatDatePicture(date, shortDatePicture(context.language), context.language);
  if (!withTime(date)) return day;
  const time = context.language === "en-US" ? "h:mm AM/PM" : "HH:mm";
  return `${day} ${formatDatePicture(date, time, context.language)}`;
};

/** JavaScript's shortest round-trip digits, with the language's decimal sign and no grouping (postcodes, ids). */
const defaultNumber = (value: number, language: string): string => {
  if (!Number.isFinite(value)) return "";
  const text = String(value);
  if (text.includes("e")) {
    return new Intl.NumberFormat(language, {
      useGrouping: false,
      maximumFractionDigits: 20,
    }).format(value);
  }
  const decimal = numberSeparators(language).decimal;
  return decimal === "." ? text : text.replace(".", decimal);
};

/**
 * A value as Word would write it without switches: text as it is (an ISO date string as a
 * short date), numbers with the language's decimal sign and no grouping, yes/no in the
 * language, dates as the language's short date (with the time when there is one).
 */
const defaultText = (value: MergeValue, context: FormatContext): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") {
    if (isIsoDateText(value)) {
      const date = toDateParts(value, context.timeZone, context.language);
      if (date) return defaultDate(date, context);
    }
    return value;
  }
  if (typeof value === "number") return defaultNumber(value, context.language);
  if (typeof value === "boolean") return yesNo(context.language, value);
  const date = toDateParts(value, context.timeZone, context.language);
  return date ? defaultDate(date, context) : "";
};

const pictureText = (
  value: MergeValue,
  switches: FieldSwitches,
  context: FormatContext,
): string => {
  if (value === null || value === undefined || value === "") return "";
  if (switches.date !== undefined) {
    const date = toDateParts(value, context.timeZone, context.language);
    if (date) return formatDatePicture(date, switches.date, context.language);
  }
  if (switches.number !== undefined) {
    const n =
      typeof value === "number" ? value : typeof value === "string" ? toNumber(value) : undefined;
    if (n !== undefined && Number.isFinite(n)) {
      return formatNumberPicture(
        n,
        switches.number,
        numberSeparators(context.language),
        context.templateDecimal,
      );
    }
  }
  return defaultText(value, context);
};

/** \* text switches, then \b and \f around a non-empty result: Word's order. */
export const finishText = (
  text: string,
  switches: FieldSwitches,
  context: FormatContext,
): string => {
  let out = text;
  for (const format of switches.format) out = applyTextFormat(out, format, context.language);
  if (out === "") return out;
  return `${switches.before ?? ""}${out}${switches.after ?? ""}`;
};

export const formatFieldValue = (
  value: MergeValue,
  switches: FieldSwitches,
  context: FormatContext,
): string => finishText(pictureText(value, switches, context), switches, context);

export interface FormatMergeValueOptions {
  /** BCP 47; en-US when missing or invalid. */
  readonly language?: string;
  /** IANA zone for Date values; UTC by default. */
  readonly timeZone?: string;
  /** Field switches as written in a field code, e.g. '\\@ "d. MMMM yyyy"' or '\\# "#,##0.00" \\* Upper'. */
  readonly switches?: string;
  /** The decimal symbol \# pictures were written with; "." by default. */
  readonly templateDecimalSymbol?: string;
}

/**
 * How a merge field shows a value: the same function the merge uses, for the task pane's
 * previews and lists.
 */
export const formatMergeValue = (
  value: MergeValue,
  options: FormatMergeValueOptions = {},
): string =>
  formatFieldValue(value, parseSwitches(options.switches ?? ""), {
    language: resolveLanguage(options.language, DEFAULT_LANGUAGE),
    timeZone: options.timeZone ?? "UTC",
    templateDecimal: options.templateDecimalSymbol ?? ".",
  });
