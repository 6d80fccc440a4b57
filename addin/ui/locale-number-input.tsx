import { Input, type InputProps } from "@fluentui/react-components";
import { useHost } from "../host/host-context";
import { formatLocaleNumber, parseLocaleNumber } from "./locale-number";

export interface LocaleNumberInputProps extends Omit<
  InputProps,
  "value" | "onChange" | "type" | "inputMode"
> {
  /** The text as typed (or as formatLocaleNumber wrote it). */
  readonly value: string;
  readonly onChange: (text: string) => void;
}

/**
 * A number box in the user's locale. It holds text, never a number, so "12," on the way to
 * "12,5" stays as typed; leaving the box writes a number it could read the locale's way
 * ("1234,5" -> "1.234,5"), as Business Central does, and leaves anything else for the form to
 * refuse with the field named. A text box rather than type="number": that one takes only the
 * browser's locale and hands back "" for what it cannot read.
 */
export const LocaleNumberInput = ({ value, onChange, onBlur, ...rest }: LocaleNumberInputProps) => {
  const { displayLanguage } = useHost();
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={value}
      onChange={(_, data) => onChange(data.value)}
      onBlur={(event) => {
        const entry = parseLocaleNumber(displayLanguage, value);
        if (entry.kind === "number") {
          const shown = formatLocaleNumber(displayLanguage, entry.value);
          if (shown !== value) onChange(shown);
        }
        onBlur?.(event);
      }}
    />
  );
};
