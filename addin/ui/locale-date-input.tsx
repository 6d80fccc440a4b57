import type { InputProps } from "@fluentui/react-components";
import {
  renderDatePicker_unstable,
  useDatePickerStyles_unstable,
  useDatePicker_unstable,
  type DatePickerProps,
} from "@fluentui/react-datepicker-compat";
import { useMemo } from "react";
import { useHost } from "../host/host-context";
import { useT } from "../i18n/use-t";
import { dateExample } from "./date-entry-text";
import {
  datePickerFormatter,
  datePickerStrings,
  dateOfIso,
  isoOfDate,
} from "./date-picker-strings";
import { firstDayOfWeek, formatLocaleDate, localToday, parseLocaleDate } from "./locale-date";

export interface LocaleDateInputProps extends Omit<
  InputProps,
  "value" | "onChange" | "type" | "contentAfter" | "defaultValue"
> {
  /** The text as typed (or as formatLocaleDate wrote it). */
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** The field's name, for the calendar button ("Choose Date in a calendar"). */
  readonly label: string;
}

/** Fluent's DatePicker, drawn with the box's own text rather than the text it last formatted. */
const TextDatePicker = ({ text, ...props }: DatePickerProps & { readonly text: string }) => {
  const state = useDatePicker_unstable(props, null);
  state.root.value = text;
  useDatePickerStyles_unstable(state);
  return renderDatePicker_unstable(state);
};

/**
 * A date box in the user's locale: Fluent's DatePicker, typed the locale's way ("07.12.2026" in
 * Danish) or picked from its calendar in the locale's month and day names, its week starting on
 * the locale's first day. It holds text, never a date, so a half-typed "07.1" stays as typed;
 * leaving the box writes a date it could read the locale's way ("7.12.26" -> "07.12.2026") and
 * leaves anything else as typed (an ambiguous "12/07/2026", a relative "-30D") for the form to
 * ask about or refuse with the field named. The DatePicker would put its last date back over
 * text it cannot read; here that text stays, as the user wrote it.
 */
export const LocaleDateInput = ({
  value,
  onChange,
  label,
  placeholder,
  onBlur,
  ...rest
}: LocaleDateInputProps) => {
  const t = useT();
  const { displayLanguage: locale } = useHost();
  const strings = useMemo(() => datePickerStrings(locale, t), [locale, t]);
  const formatter = useMemo(() => datePickerFormatter(locale), [locale]);
  const entry = parseLocaleDate(locale, value, localToday());
  const date = entry.kind === "date" ? dateOfIso(entry.iso) : null;
  return (
    <TextDatePicker
      {...(rest as DatePickerProps)}
      text={value}
      value={date}
      allowTextInput
      showMonthPickerAsOverlay
      firstDayOfWeek={firstDayOfWeek(locale)}
      strings={strings}
      dateTimeFormatter={formatter}
      placeholder={placeholder ?? dateExample(locale)}
      popupSurface={{ "aria-label": label }}
      contentAfter={{
        "aria-label": t("dates.calendar.open", { field: label }),
        "aria-labelledby": undefined,
      }}
      formatDate={(picked) => (picked ? formatLocaleDate(locale, isoOfDate(picked)) : "")}
      parseDateFromString={(typed) => {
        const read = parseLocaleDate(locale, typed, localToday());
        return read.kind === "date" ? dateOfIso(read.iso) : null;
      }}
      // Only a day picked in the calendar is written into the box. The DatePicker's own
      // onSelectDate also fires when the box is left, from a copy of the text it resets to ""
      // whenever `value` is null (text it cannot read): taking that as the user's choice emptied
      // an ambiguous "12/07/2026" or a relative "-30D" on the way out.
      calendar={{ onSelectDate: (picked) => onChange(formatLocaleDate(locale, isoOfDate(picked))) }}
      onChange={(_, data) => onChange(data.value)}
      onBlur={(event) => {
        // The DatePicker keeps a date it already holds as typed: "7.12.2026" is written out here.
        if (entry.kind === "date") {
          const shown = formatLocaleDate(locale, entry.iso);
          if (shown !== value) onChange(shown);
        }
        onBlur?.(event);
      }}
    />
  );
};
