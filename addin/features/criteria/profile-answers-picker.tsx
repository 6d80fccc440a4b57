import {
  Field,
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
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import type { LoadOptions, PickOption } from "../../ui/search-combobox";

const useStyles = makeStyles({
  // The pane is 320-350 px wide: the control and its tags wrap within it, never wider.
  control: { minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  input: { minWidth: "6ch" },
  option: { overflowWrap: "anywhere" },
});

export interface ProfileAnswersPickerProps {
  readonly label: string;
  /** The answers ticked, by the English text contacts carry. */
  readonly answers: readonly string[];
  /** The question's answers (all of them: a question has at most 100). */
  readonly load: LoadOptions;
  /** What the answers are of (questionnaire and question): a new source reads them again. */
  readonly source: string;
  readonly disabled: boolean;
  readonly error?: string | undefined;
  readonly onChange: (answers: readonly string[]) => void;
}

const text = (o: PickOption) => (o.description ? `${o.code} – ${o.description}` : o.code);

/**
 * The answers of one question a contact may have given, several of them ticked as Business
 * Central's Profile criteria tick answer lines: a contact matches with any of them. Only the
 * question's own answers are offered; one ticked before and since removed from the question
 * stays as a tag, so the user sees it (the API names it, 422) rather than finding it dropped.
 */
export const ProfileAnswersPicker = ({
  label,
  answers,
  load,
  source,
  disabled,
  error,
  onChange,
}: ProfileAnswersPickerProps) => {
  const t = useT();
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const all = useApiQuery((signal) => load("", signal), [source]);
  const options = all.state.data ?? [];
  const search = query.trim().toUpperCase();
  const offered = options.filter(
    (o) => !answers.includes(o.code) && (!search || text(o).toUpperCase().includes(search)),
  );
  const known = (answer: string) => options.find((o) => o.code === answer);
  const status =
    all.state.status === "loading"
      ? t("pickers.loading")
      : all.state.status === "error"
        ? t("pickers.failed")
        : offered.length === 0
          ? search
            ? t("pickers.noneFound", { search: query.trim() })
            : answers.length > 0
              ? t("criteria.profile.allTicked")
              : t("pickers.empty")
          : undefined;

  // Ticked before and since removed from the question: said beside the box, not dropped.
  const gone =
    all.state.status === "ok" ? answers.filter((answer) => !known(answer)) : ([] as string[]);
  const warning = gone.map((code) => t("pickers.profile.missingAnswer", { code })).join(" ");
  return (
    <Field
      size="small"
      label={label}
      hint={t("criteria.profile.answersHint")}
      validationState={error ? "error" : warning ? "warning" : "none"}
      validationMessage={error ?? (warning || undefined)}
    >
      <TagPicker
        size="medium"
        disabled={disabled}
        selectedOptions={[...answers]}
        onOptionSelect={(_, data) => {
          // Kept in the order ticked, each once; the API compares them without case.
          onChange([...new Set(data.selectedOptions)]);
          setQuery("");
        }}
      >
        <TagPickerControl className={styles.control}>
          <TagPickerGroup aria-label={t("criteria.profile.answersChosen", { label })}>
            {answers.map((answer) => {
              const option = known(answer);
              return (
                <Tag
                  key={answer}
                  value={answer}
                  shape="rounded"
                  size="small"
                  dismissIcon={{ "aria-label": t("criteria.codes.remove", { code: answer }) }}
                >
                  {option
                    ? text(option)
                    : all.state.status === "ok"
                      ? t("pickers.missingValue", { code: answer })
                      : answer}
                </Tag>
              );
            })}
          </TagPickerGroup>
          <TagPickerInput
            className={styles.input}
            aria-label={label}
            placeholder={answers.length === 0 ? t("pickers.search") : undefined}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </TagPickerControl>
        <TagPickerList>
          {status}
          {offered.map((o) => (
            <TagPickerOption key={o.code} value={o.code} text={text(o)} className={styles.option}>
              {text(o)}
            </TagPickerOption>
          ))}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
};
