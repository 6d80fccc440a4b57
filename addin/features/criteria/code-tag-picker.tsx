import { Code } from "@shared/model/common";
import {
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useDebounced } from "../../api/use-debounced";
import { useHost } from "../../host/host-context";
import { enUS } from "../../i18n/en-US";
import { messagesFor } from "../../i18n/translate";
import { useT } from "../../i18n/use-t";

const SUGGESTED = 20;

const useStyles = makeStyles({
  // The pane is 320-350 px wide: the control and its tags wrap within it, never wider.
  control: { minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  input: { minWidth: "6ch" },
  option: { overflowWrap: "anywhere" },
  secondary: { justifySelf: "start", textAlign: "start" },
});

export interface CodeTagPickerProps {
  /** The code list whose set-up codes are suggested (GET /criteria/fields/{list}/values). */
  readonly list: string;
  readonly codes: readonly string[];
  /** Names the list, for the group of chosen codes. */
  readonly label: string;
  readonly onChange: (codes: readonly string[]) => void;
}

/**
 * Codes of one of a contact's lists, picked as tags: the tenant's set-up codes are suggested as
 * the user types (code, description in the pane's language, how many contacts carry it). A code
 * none of them is can still be taken on purpose, as a code: the server then answers which set-up
 * codes are nearest (422), shown next to the picker. No filter strings here: a list condition
 * takes codes only.
 */
export const CodeTagPicker = ({ list, codes, label, onChange }: CodeTagPickerProps) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const danish = messagesFor(displayLanguage) !== enUS;
  const [query, setQuery] = useState("");
  const search = useDebounced(query.trim(), 200);
  const suggestions = useApiQuery(
    (signal) =>
      client("suggestFieldValues", {
        params: { field: list },
        query: { top: SUGGESTED, ...(search ? { search } : {}) },
        signal,
      }),
    [client, list, search],
  );

  const offered = (suggestions.state.data?.items ?? []).filter(
    (item) => !codes.includes(String(item.value)),
  );
  const typed = Code.safeParse(query.trim());
  // Offered only once the suggestions answered for this very text, so the code typed never
  // stands in for a set-up code that is still on its way.
  const answered = suggestions.state.status === "ok" && search === query.trim();
  const typedCode =
    answered &&
    typed.success &&
    !codes.includes(typed.data) &&
    // A code some suggestion starts with is being searched for, not meant as a code of its own.
    !offered.some((item) => String(item.value).startsWith(typed.data))
      ? typed.data
      : undefined;
  const described = (item: { description?: string; descriptionDa?: string }) =>
    (danish && item.descriptionDa ? item.descriptionDa : item.description) ?? "";

  return (
    <TagPicker
      size="medium"
      selectedOptions={[...codes]}
      onOptionSelect={(_, data) => {
        onChange([...new Set(data.selectedOptions.map((c) => c.toUpperCase()))]);
        setQuery("");
      }}
    >
      <TagPickerControl className={styles.control}>
        <TagPickerGroup aria-label={t("criteria.codes.chosen", { label })}>
          {codes.map((code) => (
            <Tag
              key={code}
              value={code}
              shape="rounded"
              size="small"
              dismissIcon={{ "aria-label": t("criteria.codes.remove", { code }) }}
            >
              {code}
            </Tag>
          ))}
        </TagPickerGroup>
        <TagPickerInput
          className={styles.input}
          placeholder={codes.length === 0 ? t("criteria.codes.placeholder") : undefined}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </TagPickerControl>
      <TagPickerList>
        {offered.length === 0 && !typedCode
          ? // As Fluent's own pickers say it: a line of text in the list, nothing to pick.
            suggestions.state.status === "loading"
            ? t("criteria.codes.loading")
            : t("criteria.codes.none")
          : undefined}
        {offered.map((item) => {
          const code = String(item.value);
          const description = described(item);
          return (
            <TagPickerOption
              key={code}
              value={code}
              text={description ? `${code} ${description}` : code}
              className={styles.option}
              secondaryContent={{
                className: styles.secondary,
                children: t("criteria.codes.count", { count: item.count }),
              }}
            >
              {description ? `${code} – ${description}` : code}
            </TagPickerOption>
          );
        })}
        {typedCode ? (
          <TagPickerOption
            value={typedCode}
            text={typedCode}
            className={styles.option}
            secondaryContent={{
              className: styles.secondary,
              children: t("criteria.codes.typedHint"),
            }}
          >
            {t("criteria.codes.useTyped", { code: typedCode })}
          </TagPickerOption>
        ) : undefined}
      </TagPickerList>
    </TagPicker>
  );
};
