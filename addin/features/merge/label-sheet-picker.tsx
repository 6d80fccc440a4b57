import { Dropdown, Field, Input, Option, makeStyles, tokens } from "@fluentui/react-components";
import {
  LABEL_PRESET_IDS,
  labelGridIssues,
  type LabelGrid,
  type LabelGridIssue,
  type LabelPresetId,
} from "@shared/merge/index";
import { labelGridOf, type LabelSheet } from "@shared/model/label-sheet";
import type { MessageKey } from "../../i18n/en-US";
import type { Translate } from "../../i18n/translate";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { useState } from "react";
import { formatLocaleNumber, parseLocaleNumber } from "../../ui/locale-number";
import { numberEntryText } from "../../ui/number-entry-text";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    // minmax(0, …): an Input's own minimum width must not push the grid past a 320 px pane.
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    // In a wide window a millimetre box need not be half the screen.
    maxWidth: "32rem",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  input: { minWidth: 0, width: "100%" },
});

/** The fields of Word's "Label details", in its order: page, margins, pitch, size, count. */
const FIELDS: readonly (keyof LabelGrid)[] = [
  "pageWidth",
  "pageHeight",
  "topMargin",
  "sideMargin",
  "horizontalPitch",
  "verticalPitch",
  "labelWidth",
  "labelHeight",
  "columns",
  "rows",
];

const CUSTOM = "custom";

/** What is wrong with the chosen sheet, by field: the engine's own rules, so the server agrees. */
export const labelSheetIssues = (sheet: LabelSheet): readonly LabelGridIssue[] =>
  labelGridIssues(labelGridOf(sheet));

const issueText = (t: Translate, issue: LabelGridIssue): string =>
  t(`merge.labels.rule.${issue.rule}` as MessageKey);

/**
 * The label sheet of a labels merge: a named sheet, or a custom grid in millimetres that is
 * checked as it is typed, naming the field at fault and what is wrong with it.
 */
export const LabelSheetPicker = ({
  value,
  onChange,
  disabled,
}: {
  value: LabelSheet;
  onChange: (sheet: LabelSheet) => void;
  disabled: boolean;
}) => {
  const t = useT();
  const styles = useStyles();
  const { displayLanguage } = useHost();
  const selected = "preset" in value ? value.preset : CUSTOM;
  const nameOf = (option: string) =>
    option === CUSTOM ? t("merge.labels.custom") : t(`merge.labels.preset.${option}` as MessageKey);
  // What is typed stays as typed ("38," on the way to "38,1"); the sheet gets its number.
  const [drafts, setDrafts] = useState<Partial<Record<keyof LabelGrid, string>>>({});
  const issues = labelSheetIssues(value);
  // Millimetres as the user writes them: "12,9" in Danish, "12.9" in English.
  const shown = (n: number) => (Number.isFinite(n) ? formatLocaleNumber(displayLanguage, n) : "");
  const grid = labelGridOf(value);

  const choose = (option: string | undefined) => {
    if (!option) return;
    setDrafts({});
    // A custom grid starts from the sheet chosen so far, as Word's "New Label" does.
    if (option === CUSTOM) onChange({ custom: { ...grid } });
    else onChange({ preset: option as LabelPresetId });
  };
  const set = (field: keyof LabelGrid, text: string) => {
    setDrafts((previous) => ({ ...previous, [field]: text }));
    // Unreadable text (empty, "12.9" on a Danish pane) is no size: the sheet's check names it.
    const entry = parseLocaleNumber(displayLanguage, text);
    const number = entry.kind === "number" ? entry.value : Number.NaN;
    onChange({ custom: { ...grid, [field]: number } });
  };

  return (
    <div className={styles.root}>
      <Field label={t("merge.labels.sheet")}>
        <Dropdown
          disabled={disabled}
          value={nameOf(selected)}
          selectedOptions={[selected]}
          onOptionSelect={(_, data) => choose(data.optionValue)}
        >
          {[...LABEL_PRESET_IDS, CUSTOM].map((option) => (
            <Option key={option} value={option}>
              {nameOf(option)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {"custom" in value && (
        <div className={styles.grid}>
          {FIELDS.map((field) => {
            const issue = issues.find((i) => i.field === field);
            const label = t(`merge.labels.field.${field}` as MessageKey);
            const draft = drafts[field];
            const entry =
              draft === undefined ? undefined : parseLocaleNumber(displayLanguage, draft);
            // "12.9" on a Danish pane: say what it could mean rather than only "not a number".
            const unclear =
              draft !== undefined && entry?.kind === "ambiguous"
                ? numberEntryText(t, displayLanguage, label, draft, entry)
                : undefined;
            return (
              <Field
                key={field}
                label={label}
                validationState={issue ? "error" : "none"}
                validationMessage={unclear ?? (issue ? issueText(t, issue) : undefined)}
              >
                <Input
                  className={styles.input}
                  inputMode="decimal"
                  disabled={disabled}
                  value={drafts[field] ?? shown(grid[field])}
                  onChange={(_, data) => set(field, data.value)}
                />
              </Field>
            );
          })}
        </div>
      )}
    </div>
  );
};
