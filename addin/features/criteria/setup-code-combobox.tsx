import { Combobox, Option, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { ApiClient } from "../../api/client";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useDebounced } from "../../api/use-debounced";
import { useT } from "../../i18n/use-t";
import { selectAllOnFocus } from "../../ui/select-all-on-focus";

const SUGGESTED = 20;

/** The setup tables an interaction condition names a code of. */
export type SetupTable = "salespeople" | "campaigns" | "templates";

interface SetupCode {
  readonly code: string;
  readonly description: string;
}

type Load = (client: ApiClient, search: string, signal: AbortSignal) => Promise<SetupCode[]>;

const query = (search: string) => ({ top: SUGGESTED, ...(search ? { search } : {}) });

const loaders: Record<SetupTable, Load> = {
  salespeople: async (client, search, signal) =>
    (await client("listSalespeople", { query: query(search), signal })).items.map((s) => ({
      code: s.code,
      description: s.name,
    })),
  campaigns: async (client, search, signal) =>
    (await client("listCampaigns", { query: query(search), signal })).items.map((c) => ({
      code: c.no,
      description: c.description,
    })),
  templates: async (client, search, signal) =>
    (await client("listInteractionTemplates", { query: query(search), signal })).items.map((x) => ({
      code: x.code,
      description: x.description,
    })),
};

// Half of a 320 px pane: the box and the text box inside it shrink with their column.
const useStyles = makeStyles({
  fit: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  input: { minWidth: 0, width: "100%" },
});

export interface SetupCodeComboboxProps {
  readonly table: SetupTable;
  readonly value: string;
  readonly onChange: (code: string) => void;
}

/**
 * One code of a setup table (salesperson, campaign, interaction template), searched as the user
 * types and picked from the list, or "any". No free text: the interaction condition takes one
 * code, and one nobody set up would silently match nothing.
 */
export const SetupCodeCombobox = ({ table, value, onChange }: SetupCodeComboboxProps) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const search = useDebounced((typed ?? "").trim(), 200);
  const found = useApiQuery(
    (signal) => loaders[table](client, search, signal),
    [client, table, search],
  );
  const items = found.state.data ?? [];
  const label = (c: SetupCode) => (c.description ? `${c.code} – ${c.description}` : c.code);
  const chosen = items.find((c) => c.code === value);
  // "Any" is the empty box's placeholder, not its text: typed after it, it would be searched for.
  const shown = value ? (chosen ? label(chosen) : value) : "";
  return (
    <Combobox
      size="small"
      className={styles.fit}
      input={{ className: styles.input, onFocus: selectAllOnFocus }}
      placeholder={t("common.any")}
      value={typed ?? shown}
      selectedOptions={[value]}
      onChange={(event) => setTyped(event.target.value)}
      onOpenChange={(_, d) => {
        if (!d.open) setTyped(undefined);
      }}
      onOptionSelect={(_, d) => {
        // Typing away from the chosen option clears Fluent's selection (no optionValue): that
        // is a search, not a choice; the code changes only when an option is picked.
        if (d.optionValue === undefined) return;
        setTyped(undefined);
        onChange(d.optionValue);
      }}
    >
      <Option value="" text={t("common.any")}>
        {t("common.any")}
      </Option>
      {items.map((c) => (
        <Option key={c.code} value={c.code} text={label(c)}>
          {label(c)}
        </Option>
      ))}
    </Combobox>
  );
};
