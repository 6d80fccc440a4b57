import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";
import { Combobox, Dropdown, Option, makeStyles } from "@fluentui/react-components";
import { useCallback, useRef } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useDebounced } from "../../api/use-debounced";
import { useT } from "../../i18n/use-t";
import type { RowOperator } from "./builder-model";
import { CriteriaDateBox } from "./criteria-date-box";

// Fluent's Combobox and Dropdown ask for 250 px; in a 320-350 px pane they share a line. The
// text box inside keeps its own width too unless told it may shrink (3 px too wide at 320 px).
const useStyles = makeStyles({
  fit: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  input: { minWidth: 0, width: "100%" },
});

/**
 * Fluent's Combobox can leave aria-activedescendant naming a suggestion after its list closed
 * (the options unmount with it) or the suggestions changed: a reference to nothing, which is
 * invalid ARIA (axe: aria-valid-attr-value). Whenever the box's attributes change and after
 * focus leaves it, a reference to an element that is not there is dropped.
 */
const useNoVanishedActiveOption = () => {
  const observer = useRef<MutationObserver | undefined>(undefined);
  return useCallback((box: HTMLInputElement | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (!box) return;
    const check = () => {
      const id = box.getAttribute("aria-activedescendant");
      if (id && !box.ownerDocument.getElementById(id)) box.removeAttribute("aria-activedescendant");
    };
    // Leaving the box closes its list; the options may go a frame later.
    box.addEventListener("focusout", () => setTimeout(check, 100));
    observer.current = new MutationObserver(check);
    observer.current.observe(box, {
      attributes: true,
      attributeFilter: ["aria-activedescendant", "aria-expanded"],
    });
  }, []);
};

export interface ValueBoxProps {
  readonly info: CriteriaFieldInfo | undefined;
  readonly field: string;
  readonly op: RowOperator;
  readonly value: string;
  readonly label: string;
  readonly onChange: (value: string) => void;
}

/**
 * The value of a condition, in the control its field's type asks for: a yes/no or enum list,
 * a date box that takes relative dates, or a text box with the values the tenant's contacts
 * actually have as suggestions. A filter string is always typed as text.
 */
export const ValueBox = ({ info, field, op, value, label, onChange }: ValueBoxProps) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const input = useNoVanishedActiveOption();
  const listValued = op === "in" || op === "notIn" || op === "filter";
  // Suggest for the value being typed: after the last | of a list or a filter.
  const typing = (listValued ? (value.split("|").pop() ?? "") : value).trim();
  const search = useDebounced(typing, 250);
  const wantsSuggestions =
    !!field && info?.type !== "boolean" && info?.type !== "date" && info?.type !== "enum";
  const suggestions = useApiQuery(
    (signal) =>
      wantsSuggestions
        ? client("suggestFieldValues", {
            params: { field },
            query: { top: 20, ...(search ? { search } : {}) },
            signal,
          }).catch(() => ({ items: [] }))
        : Promise.resolve({ items: [] }),
    [client, field, search, wantsSuggestions],
  );

  if (info?.type === "boolean" && op !== "filter") {
    return (
      <Dropdown
        size="small"
        className={styles.fit}
        aria-label={label}
        value={value === "true" ? t("common.yes") : value === "false" ? t("common.no") : ""}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => onChange(d.optionValue ?? "")}
      >
        <Option value="true">{t("common.yes")}</Option>
        <Option value="false">{t("common.no")}</Option>
      </Dropdown>
    );
  }
  if (info?.type === "enum" && info.enumValues && (op === "eq" || op === "ne")) {
    return (
      <Dropdown
        size="small"
        className={styles.fit}
        aria-label={label}
        value={value}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => onChange(d.optionValue ?? "")}
      >
        {info.enumValues.map((v) => (
          <Option key={v} value={v}>
            {v}
          </Option>
        ))}
      </Dropdown>
    );
  }
  if (info?.type === "date" && op !== "filter") {
    return (
      <CriteriaDateBox
        className={styles.fit}
        inputClassName={styles.input}
        label={label}
        value={value}
        onChange={onChange}
      />
    );
  }
  const items = suggestions.state.data?.items ?? [];
  const head = listValued && value.includes("|") ? value.slice(0, value.lastIndexOf("|") + 1) : "";
  return (
    <Combobox
      ref={input}
      size="small"
      className={styles.fit}
      input={{ className: styles.input }}
      freeform
      aria-label={label}
      value={value}
      placeholder={op === "filter" ? "A*|B*" : listValued ? "A|B" : ""}
      onChange={(event) => onChange(event.target.value)}
      onOptionSelect={(_, d) => d.optionValue !== undefined && onChange(`${head}${d.optionValue}`)}
    >
      {items.map((item) => (
        <Option key={String(item.value)} value={String(item.value)} text={String(item.value)}>
          {`${String(item.value)} (${item.count})`}
        </Option>
      ))}
    </Combobox>
  );
};
