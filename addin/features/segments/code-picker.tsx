import { Dropdown, Option } from "@fluentui/react-components";
import type { LookupOption } from "./lookups";

export interface CodePickerProps {
  readonly value: string;
  readonly options: readonly LookupOption[];
  readonly noneLabel: string;
  readonly onChange: (code: string) => void;
  readonly disabled?: boolean;
  readonly "aria-labelledby"?: string;
}

/** A Dropdown of codes with their names, and "none" to clear. */
export const CodePicker = ({
  value,
  options,
  noneLabel,
  onChange,
  disabled,
  ...aria
}: CodePickerProps) => {
  // A code the list does not hold (a long list, a deleted entry) still shows as chosen.
  const all =
    value && !options.some((o) => o.code === value)
      ? [{ code: value, name: "" }, ...options]
      : options;
  const text = (o: LookupOption) => (o.name ? `${o.code} – ${o.name}` : o.code);
  const chosen = all.find((o) => o.code === value);
  return (
    <Dropdown
      size="small"
      disabled={disabled}
      value={chosen ? text(chosen) : noneLabel}
      selectedOptions={[value]}
      onOptionSelect={(_, data) => onChange(data.optionValue ?? "")}
      {...aria}
    >
      <Option value="" text={noneLabel}>
        {noneLabel}
      </Option>
      {all.map((o) => (
        <Option key={o.code} value={o.code} text={text(o)}>
          {text(o)}
        </Option>
      ))}
    </Dropdown>
  );
};
