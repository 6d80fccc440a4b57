import {
  Button,
  Input,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  type InputProps,
} from "@fluentui/react-components";
// The icon's own module: from the icons' index it would join the first bundle's icon chunk.
import { CalendarRegular } from "@fluentui/react-icons/lib/atoms/svg/calendar";
import { Suspense, lazy, useState } from "react";
import { useHost } from "../host/host-context";
import { useT } from "../i18n/use-t";
import { dateExample } from "./date-entry-text";
import { formatLocaleDate, localToday, parseLocaleDate } from "./locale-date";

// The calendar comes with its own chunk when first opened: typing a date needs none of it.
const DateCalendar = lazy(() =>
  import(/* webpackChunkName: "date-calendar" */ "./date-calendar").then((m) => ({
    default: m.DateCalendar,
  })),
);

export interface LocaleDateInputProps extends Omit<
  InputProps,
  "value" | "onChange" | "type" | "contentAfter"
> {
  /** The text as typed (or as formatLocaleDate wrote it). */
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** The field's name, for the calendar button ("Choose Date in a calendar"). */
  readonly label: string;
}

/**
 * A date box in the user's locale: typed the locale's way ("07.12.2026" in Danish) or picked
 * from a calendar in the locale's month and day names, its week starting on the locale's first
 * day. It holds text, never a date, so a half-typed "07.1" stays as typed; leaving the box
 * writes a date it could read the locale's way ("7.12.26" -> "07.12.2026") and leaves anything
 * else for the form to refuse with the field named. A text box rather than type="date": that
 * one shows the browser's locale, not the Office display language.
 */
export const LocaleDateInput = ({
  value,
  onChange,
  onBlur,
  label,
  disabled,
  placeholder,
  ...rest
}: LocaleDateInputProps) => {
  const t = useT();
  const { displayLanguage } = useHost();
  const [open, setOpen] = useState(false);
  const today = localToday();
  const entry = parseLocaleDate(displayLanguage, value, today);
  return (
    <Input
      {...rest}
      disabled={disabled}
      value={value}
      placeholder={placeholder ?? dateExample(displayLanguage)}
      onChange={(_, data) => onChange(data.value)}
      onBlur={(event) => {
        if (entry.kind === "date") {
          const shown = formatLocaleDate(displayLanguage, entry.iso);
          if (shown !== value) onChange(shown);
        }
        onBlur?.(event);
      }}
      contentAfter={
        <Popover open={open} onOpenChange={(_, data) => setOpen(data.open)} trapFocus>
          <PopoverTrigger disableButtonEnhancement>
            <Button
              size="small"
              appearance="transparent"
              disabled={disabled}
              icon={<CalendarRegular />}
              aria-label={t("dates.calendar.open", { field: label })}
            />
          </PopoverTrigger>
          <PopoverSurface aria-label={label}>
            <Suspense fallback={null}>
              <DateCalendar
                locale={displayLanguage}
                value={entry.kind === "date" ? entry.iso : undefined}
                today={today}
                onPick={(iso) => {
                  onChange(formatLocaleDate(displayLanguage, iso));
                  setOpen(false);
                }}
              />
            </Suspense>
          </PopoverSurface>
        </Popover>
      }
    />
  );
};
