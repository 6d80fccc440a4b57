import type { DatePickerProps } from "@fluentui/react-datepicker-compat";
import type { Translate } from "../i18n/translate";
import { calendarNames, formatLongDate, localToday } from "./locale-date";

type Strings = NonNullable<DatePickerProps["strings"]>;
type Formatter = NonNullable<DatePickerProps["dateTimeFormatter"]>;

/** yyyy-mm-dd of a Date the calendar hands over: its day on the wall, in the user's zone. */
export const isoOfDate = (date: Date): string => localToday(date);

/** The Date the calendar shows for yyyy-mm-dd: midnight of that day in the user's zone. */
export const dateOfIso = (iso: string): Date => {
  const [year = 0, month = 1, day = 1] = iso.split("-").map(Number);
  return new Date(year, month - 1, day);
};

/** Fluent's calendar in the display language: month and day names, and every label it reads. */
export const datePickerStrings = (locale: string, t: Translate): Strings => {
  const names = calendarNames(locale);
  return {
    months: [...names.months],
    shortMonths: [...names.shortMonths],
    days: [...names.days],
    shortDays: [...names.shortDays],
    goToToday: t("dates.calendar.today"),
    prevMonthAriaLabel: t("dates.calendar.previous"),
    nextMonthAriaLabel: t("dates.calendar.next"),
    prevYearAriaLabel: t("dates.calendar.previousYear"),
    nextYearAriaLabel: t("dates.calendar.nextYear"),
    prevYearRangeAriaLabel: t("dates.calendar.previousYears"),
    nextYearRangeAriaLabel: t("dates.calendar.nextYears"),
    closeButtonAriaLabel: t("dates.calendar.close"),
    // Fluent fills {0} itself.
    monthPickerHeaderAriaLabel: t("dates.calendar.monthsHeader", { header: "{0}" }),
    yearPickerHeaderAriaLabel: t("dates.calendar.yearsHeader", { header: "{0}" }),
    selectedDateFormatString: t("dates.calendar.selected", { date: "{0}" }),
    todayDateFormatString: t("dates.calendar.todayIs", { date: "{0}" }),
    weekNumberFormatString: t("dates.calendar.week", { number: "{0}" }),
    dayMarkedAriaLabel: t("dates.calendar.marked"),
  };
};

/** A day's name as the calendar reads it out: "7. december 2026", not "december 7, 2026". */
export const datePickerFormatter = (locale: string): Formatter => ({
  formatDay: (date) => String(date.getDate()),
  formatMonth: (date, strings) => strings.months[date.getMonth()] ?? "",
  formatYear: (date) => String(date.getFullYear()),
  formatMonthDayYear: (date) => formatLongDate(locale, isoOfDate(date)),
  formatMonthYear: (date, strings) =>
    `${strings.months[date.getMonth()] ?? ""} ${date.getFullYear()}`,
});
