import { Caption1, Combobox, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useApiQuery } from "../api/use-api-query";
import { useDebounced } from "../api/use-debounced";
import { useT } from "../i18n/use-t";
import { selectAllOnFocus } from "./select-all-on-focus";

const SEARCH_DELAY_MS = 200;

/** One entry of a list a code is picked from: the code stored, and what it means. */
export interface PickOption {
  readonly code: string;
  readonly description?: string;
}

/** The list's answer to a search: the options that match it, best first. */
export type LoadOptions = (search: string, signal: AbortSignal) => Promise<readonly PickOption[]>;

// A status line in the list (loading, nothing found): shown, never picked.
const STATUS = "\u0000status";

// Half of a 320 px pane: the box and the text box inside it shrink with their column.
const useStyles = makeStyles({
  fit: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  input: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  option: { overflowWrap: "anywhere" },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface SearchComboboxProps {
  readonly label: string;
  /** The label is read by screen readers only (the row around it says what the box is). */
  readonly hideLabel?: boolean;
  readonly value: string;
  readonly onChange: (code: string) => void;
  readonly load: LoadOptions;
  /** Changes whenever `load` answers from another list (another questionnaire's questions). */
  readonly source: string;
  /** Offered first; picking it clears the value. Without a value the empty box shows it, greyed. */
  readonly noneLabel?: string;
  /** Says that the value chosen is not in the list any more (deleted since it was chosen). */
  readonly missingText: (code: string) => string;
  /** A problem the API named for this box. */
  readonly error?: string | undefined;
  readonly disabled?: boolean;
  readonly placeholder?: string;
  /**
   * Inside a Field of the caller's (which labels the box and shows its problems): the box
   * alone, and a vanished value said below it.
   */
  readonly bare?: boolean;
}

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * A code picked from a list the API answers (segments, questionnaires, languages): searched as
 * the user types, each code with its description, keyboard-only as any Fluent Combobox. Only
 * codes of the list can be picked: a typed code nobody set up would silently match nothing. A
 * value that is not (or no longer) in the list stays, marked as such, so the user sees why it
 * matches nothing instead of finding it silently cleared.
 */
export const SearchCombobox = ({
  label,
  hideLabel,
  value,
  onChange,
  load,
  source,
  noneLabel,
  missingText,
  error,
  disabled,
  placeholder,
  bare,
}: SearchComboboxProps) => {
  const t = useT();
  const styles = useStyles();
  const [typed, setTyped] = useState<string | undefined>(undefined);
  // Open while typing, so the suggestions follow what is typed (a search asks the API).
  const [open, setOpen] = useState(false);
  const search = useDebounced((typed ?? "").trim(), SEARCH_DELAY_MS);
  const found = useApiQuery((signal) => load(search, signal), [source, search]);
  // Whether the value chosen is still in the list: asked for by its own code, so a long list
  // whose first page does not hold it does not make it look deleted.
  const known = useApiQuery(
    (signal) =>
      value
        ? load(value, signal).then((options) => options.find((o) => same(o.code, value)) ?? null)
        : Promise.resolve(null),
    [source, value],
  );
  const chosen = known.state.status === "ok" ? known.state.data : undefined;
  const missing = !!value && known.state.status === "ok" && known.state.data === null;

  const text = (o: PickOption) => (o.description ? `${o.code} – ${o.description}` : o.code);
  // Without a value the box is empty and shows "(none)" as its placeholder: text in the box
  // would be searched for along with what the user types after it.
  const shown = !value
    ? ""
    : chosen
      ? text(chosen)
      : missing
        ? t("pickers.missingValue", { code: value })
        : value;
  const items = found.state.data ?? [];
  const typing = typed !== undefined && search === (typed ?? "").trim();
  const status =
    found.state.status === "loading" || (typed !== undefined && !typing)
      ? t("pickers.loading")
      : found.state.status === "error"
        ? t("pickers.failed")
        : items.length === 0
          ? search
            ? t("pickers.noneFound", { search })
            : t("pickers.empty")
          : undefined;

  const box = (
    <Combobox
      size="small"
      className={styles.fit}
      input={{ className: styles.input, onFocus: selectAllOnFocus }}
      aria-label={hideLabel ? label : undefined}
      disabled={disabled}
      placeholder={placeholder ?? noneLabel}
      value={typed ?? shown}
      selectedOptions={value ? [value] : []}
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        if (!d.open) setTyped(undefined);
      }}
      onChange={(event) => {
        setTyped(event.target.value);
        setOpen(true);
      }}
      onOptionSelect={(_, d) => {
        // Typing away from the chosen option clears Fluent's selection (no optionValue): that
        // is a search, not a choice; the value changes only when an option is picked.
        if (d.optionValue === undefined || d.optionValue === STATUS) return;
        setTyped(undefined);
        onChange(d.optionValue);
      }}
    >
      {noneLabel !== undefined && !typed ? (
        <Option value="" text={noneLabel}>
          {noneLabel}
        </Option>
      ) : undefined}
      {status ? (
        // As Fluent's own filtering combobox says it: a line in the list, nothing to pick.
        <Option value={STATUS} text="" disabled className={styles.option}>
          {status}
        </Option>
      ) : undefined}
      {items.map((o) => (
        <Option key={o.code} value={o.code} text={text(o)} className={styles.option}>
          {text(o)}
        </Option>
      ))}
    </Combobox>
  );
  if (bare)
    return (
      <>
        {box}
        {missing && <Caption1 className={styles.missing}>{missingText(value)}</Caption1>}
      </>
    );
  const problem = error ?? (missing ? missingText(value) : undefined);
  return (
    <Field
      size="small"
      label={hideLabel ? undefined : label}
      validationState={error ? "error" : missing ? "warning" : "none"}
      validationMessage={problem}
    >
      {box}
    </Field>
  );
};
