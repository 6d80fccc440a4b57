import type { ProblemError } from "@shared/model/problem";
import type { SegmentBusy } from "@shared/model/segment-busy";
import type { Translate } from "../i18n/translate";
import { usableLocale } from "../i18n/usable-locale";

const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() &&
  a.getMonth() === b.getMonth() &&
  a.getDate() === b.getDate();

/** A moment of today as its time ("14:02", "2:02 PM"); another day's with its date too. */
const momentNear = (iso: string, locale: string, now: Date): string => {
  const moment = new Date(iso);
  return new Intl.DateTimeFormat(
    locale,
    sameDay(moment, now) ? { timeStyle: "short" } : { dateStyle: "medium", timeStyle: "short" },
  ).format(moment);
};

/**
 * Who holds the segment, doing what, since when and when to try again, in the pane's language
 * and the user's clock: "Alice Jensen is adding contacts to this segment (since 14:02). Try again
 * after 14:04." The user's own hold (another window) says so.
 */
export const segmentBusyText = (
  t: Translate,
  language: string,
  busy: SegmentBusy,
  now: Date = new Date(),
): string => {
  const locale = usableLocale(language);
  const values = {
    doing: t(`problem.busy.doing.${busy.operation}`),
    since: momentNear(busy.since, locale, now),
    until: momentNear(busy.leaseUntil, locale, now),
  };
  return busy.byYou
    ? t("problem.busy.you", values)
    : t("problem.busy.other", { ...values, who: busy.holder ?? t("problem.busy.someone") });
};

/** A segment_busy entry as the pane says it: with its facts, or the general line without them. */
export const busyEntryText = (
  t: Translate,
  language: string,
  entry: ProblemError,
  now?: Date,
): string =>
  entry.busy ? segmentBusyText(t, language, entry.busy, now) : t("problem.rule.segment_busy");

export const isBusyEntry = (entry: ProblemError): boolean => entry.rule === "segment_busy";
