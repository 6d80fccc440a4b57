import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronLeftRegular } from "@fluentui/react-icons/lib/atoms/svg/chevron-left";
import { ChevronRightRegular } from "@fluentui/react-icons/lib/atoms/svg/chevron-right";
import { addDays, addMonths, formatIsoDate, parseIsoDate } from "@shared/criteria/calendar";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "../i18n/use-t";
import { usableLocale } from "../i18n/usable-locale";
import { calendarNames, formatLongDate } from "./locale-date";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  title: { fontWeight: tokens.fontWeightSemibold },
  grid: { borderCollapse: "collapse" },
  weekday: {
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    padding: 0,
    textAlign: "center",
  },
  cell: { padding: 0, textAlign: "center" },
  // Seven days of 36 px fit a 320 px pane with the popover's padding.
  day: { minWidth: "36px", width: "36px", height: "32px", padding: 0 },
  outside: { color: tokens.colorNeutralForeground4 },
  today: { textDecorationLine: "underline" },
});

export interface DateCalendarProps {
  readonly locale: string;
  /** The box's date, yyyy-mm-dd, if it holds one. */
  readonly value: string | undefined;
  readonly today: string;
  readonly onPick: (iso: string) => void;
}

/** Six weeks from the first column on or before the 1st of the month. */
const weeksOf = (year: number, month: number, firstDay: number): string[][] => {
  const first = { year, month, day: 1 };
  const weekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const start = addDays(first, -((weekday - firstDay + 7) % 7));
  return Array.from({ length: 6 }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => formatIsoDate(addDays(start, w * 7 + d))),
  );
};

const STEP: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * A month of days in the locale's names and first weekday, used by keyboard as a grid: arrows
 * move a day or a week, Home and End to the week's ends, Page Up and Page Down a month (with
 * Shift a year), Enter or Space picks. Only the focused day is in the tab order.
 */
export const DateCalendar = ({ locale, value, today, onPick }: DateCalendarProps) => {
  const t = useT();
  const styles = useStyles();
  const names = useMemo(() => calendarNames(locale), [locale]);
  const [focused, setFocused] = useState(value ?? today);
  const [moved, setMoved] = useState(false);
  const grid = useRef<HTMLTableElement>(null);
  const at = parseIsoDate(focused) ?? { year: 2026, month: 1, day: 1 };
  const weeks = weeksOf(at.year, at.month, names.firstDayOfWeek);
  const title = new Intl.DateTimeFormat(usableLocale(locale), {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(at.year, at.month - 1, 1)));
  const columns = Array.from({ length: 7 }, (_, i) => (names.firstDayOfWeek + i) % 7);

  // The focused day takes focus when it opens and after each move, as a grid's cell does.
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused, moved]);

  const move = (iso: string) => {
    setFocused(iso);
    setMoved((m) => !m);
  };
  const byMonths = (months: number) => move(formatIsoDate(addMonths(at, months)));

  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEP[event.key];
    let next: string | undefined;
    if (step !== undefined) next = formatIsoDate(addDays(at, step));
    else if (event.key === "PageUp" || event.key === "PageDown") {
      const sign = event.key === "PageUp" ? -1 : 1;
      next = formatIsoDate(addMonths(at, sign * (event.shiftKey ? 12 : 1)));
    } else if (event.key === "Home" || event.key === "End") {
      const weekday = new Date(Date.UTC(at.year, at.month - 1, at.day)).getUTCDay();
      const fromStart = (weekday - names.firstDayOfWeek + 7) % 7;
      next = formatIsoDate(addDays(at, event.key === "Home" ? -fromStart : 6 - fromStart));
    }
    if (next === undefined) return;
    event.preventDefault();
    move(next);
  };

  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <Button
          size="small"
          appearance="subtle"
          icon={<ChevronLeftRegular />}
          aria-label={t("dates.calendar.previous")}
          onClick={() => byMonths(-1)}
        />
        <span className={styles.title} aria-live="polite">
          {title}
        </span>
        <Button
          size="small"
          appearance="subtle"
          icon={<ChevronRightRegular />}
          aria-label={t("dates.calendar.next")}
          onClick={() => byMonths(1)}
        />
      </div>
      <table
        ref={grid}
        role="grid"
        aria-label={title}
        className={styles.grid}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            {columns.map((d) => (
              <th
                key={d}
                scope="col"
                title={names.days[d]}
                aria-label={names.days[d]}
                className={styles.weekday}
              >
                {names.shortDays[d]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((iso) => {
                const outside = Number(iso.slice(5, 7)) !== at.month;
                return (
                  <td key={iso} className={styles.cell} aria-selected={iso === value}>
                    <Button
                      size="small"
                      appearance={iso === value ? "primary" : "subtle"}
                      className={mergeClasses(
                        styles.day,
                        outside && styles.outside,
                        iso === today && styles.today,
                      )}
                      data-day={iso}
                      tabIndex={iso === focused ? 0 : -1}
                      aria-label={formatLongDate(locale, iso)}
                      aria-current={iso === today ? "date" : undefined}
                      onClick={() => onPick(iso)}
                    >
                      {Number(iso.slice(8, 10))}
                    </Button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
