import { useEffect, useState } from "react";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { dateExample } from "../../ui/date-entry-text";
import { localToday } from "../../ui/locale-date";
import { LocaleDateInput } from "../../ui/locale-date-input";
import { criteriaDateText, criteriaDateValue } from "./criteria-date";

export interface CriteriaDateBoxProps {
  /** As stored: yyyy-mm-dd, a relative date, or text that is neither (refused beside the box). */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly label: string;
  readonly className?: string;
  readonly inputClassName?: string;
  readonly placeholder?: string;
}

/**
 * A date in a condition: typed the locale's way ("07.12.2026") or picked from the calendar and
 * stored as yyyy-mm-dd, or a relative date ("-30D", "today", "last month") stored as typed.
 */
export const CriteriaDateBox = ({
  value,
  onChange,
  label,
  className,
  inputClassName,
  placeholder,
}: CriteriaDateBoxProps) => {
  const t = useT();
  const { displayLanguage: locale } = useHost();
  const [text, setText] = useState(() => criteriaDateText(locale, value));
  // A value set from elsewhere (another row's undo, a reloaded draft) replaces what is shown.
  useEffect(() => {
    if (criteriaDateValue(locale, text, localToday()) !== value)
      setText(criteriaDateText(locale, value));
  }, [value, locale]);
  return (
    <LocaleDateInput
      size="small"
      className={className}
      input={inputClassName ? { className: inputClassName } : undefined}
      aria-label={label}
      label={label}
      value={text}
      placeholder={placeholder ?? t("criteria.datePlaceholder", { example: dateExample(locale) })}
      onChange={(typed) => {
        setText(typed);
        onChange(criteriaDateValue(locale, typed, localToday()));
      }}
    />
  );
};
