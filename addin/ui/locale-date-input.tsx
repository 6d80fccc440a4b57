import { Button, Input, type InputProps } from "@fluentui/react-components";
// The icon's own module: from the icons' index it would join the first bundle's icon chunk.
import { CalendarRegular } from "@fluentui/react-icons/lib/atoms/svg/calendar";
import { Suspense, lazy, useRef, useState } from "react";
import { useHost } from "../host/host-context";
import { useT } from "../i18n/use-t";
import { dateExample } from "./date-entry-text";
import { formatLocaleDate, localToday, parseLocaleDate } from "./locale-date";

// The calendar and its popover come with their own chunk when first opened: typing a date
// needs none of it, and the views that hold a date box stay as small as before.
const DateCalendarPopover = lazy(() =>
  import(/* webpackChunkName: "date-calendar" */ "./date-calendar-popover").then((m) => ({
    default: m.DateCalendarPopover,
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
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
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
        <>
          <Button
            ref={button}
            size="small"
            appearance="transparent"
            disabled={disabled}
            icon={<CalendarRegular />}
            aria-label={t("dates.calendar.open", { field: label })}
            aria-haspopup="dialog"
            aria-expanded={open}
            onClick={() => setOpen(true)}
          />
          {open && (
            <Suspense fallback={null}>
              <DateCalendarPopover
                target={button.current}
                label={label}
                locale={displayLanguage}
                value={entry.kind === "date" ? entry.iso : undefined}
                today={today}
                onClose={close}
                onPick={(iso) => {
                  onChange(formatLocaleDate(displayLanguage, iso));
                  close();
                }}
              />
            </Suspense>
          )}
        </>
      }
    />
  );
};
