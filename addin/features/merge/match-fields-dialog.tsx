import { Caption1, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { mergeFields } from "@shared/letter/merge-fields";
import type { FieldMatches, FieldMatchSuggestion, MatchReason } from "@shared/model/field-match";
import { useId, useState } from "react";
import { useHost } from "../../host/host-context";
import type { MessageKey } from "../../i18n/en-US";
import { useT } from "../../i18n/use-t";
import { FormDialog } from "../../ui/form-dialog";
import { isDanish } from "../../i18n/is-danish";

/** The Dropdown's value for "leave empty": no field name can be it. */
const EMPTY = "\u0000empty";

const REASONS: Record<MatchReason, MessageKey> = {
  same_name: "merge.match.reason.same_name",
  label: "merge.match.reason.label",
  synonym: "merge.match.reason.synonym",
  custom_field: "merge.match.reason.custom_field",
  none: "merge.match.reason.none",
};

const useStyles = makeStyles({
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // The pane is 320 px at its narrowest: each Dropdown takes its row's width, never more.
  dropdown: { minWidth: 0, width: "100%", boxSizing: "border-box" },
});

export interface MatchFieldsDialogProps {
  /** The letter's fields still without a match, each with what is suggested and why. */
  readonly unmatched: readonly FieldMatchSuggestion[];
  /** The matches the letter has: shown too, to change them. */
  readonly matches: FieldMatches;
  /** Saves the matches (all the dialog shows); a rejection shows as the dialog's problem. */
  readonly onSave: (matches: FieldMatches) => Promise<void> | void;
  readonly onClose: () => void;
}

/**
 * Word's Match Fields: each of the letter's fields that is not Mergeline's, with a Dropdown of
 * Mergeline's fields (the suggestion chosen already) and "(leave empty)". A field left without
 * a choice stays unmatched, and the merge still refuses it.
 */
export const MatchFieldsDialog = ({
  unmatched,
  matches,
  onSave,
  onClose,
}: MatchFieldsDialogProps) => {
  const t = useT();
  const styles = useStyles();
  const idBase = useId();
  const { displayLanguage } = useHost();
  const danish = isDanish(displayLanguage);
  const rows = [
    ...Object.keys(matches).map((field) => ({ field, reason: undefined })),
    ...unmatched.map((u) => ({ field: u.field, reason: u.reason })),
  ];
  const [choices, setChoices] = useState<Record<string, string>>(() => {
    const initial: Record<string, string> = {};
    for (const [field, target] of Object.entries(matches))
      initial[field] = target === null ? EMPTY : target;
    for (const u of unmatched) if (u.suggestion) initial[u.field] = u.suggestion;
    return initial;
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const options = [
    ...mergeFields.map((f) => ({
      value: f.name,
      text: danish ? f.label["da-DK"] : f.label["en-US"],
    })),
    // A suggested custom field is not in the catalog: it is offered under its own name.
    ...unmatched
      .filter((u) => u.suggestion && !mergeFields.some((f) => f.name === u.suggestion))
      .map((u) => ({ value: u.suggestion as string, text: u.suggestion as string })),
  ];
  const textOf = (value: string | undefined) =>
    value === undefined
      ? t("merge.match.notMatched")
      : value === EMPTY
        ? t("merge.match.leaveEmpty")
        : (options.find((o) => o.value === value)?.text ?? value);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const chosen: Record<string, string | null> = {};
      for (const [field, value] of Object.entries(choices))
        chosen[field] = value === EMPTY ? null : value;
      await onSave(chosen);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t("merge.match.heading")}
      submitLabel={t("merge.match.save")}
      busy={busy}
      error={error}
      placed={[]}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <Caption1>{t("merge.match.intro")}</Caption1>
      <div className={styles.rows}>
        {rows.map(({ field, reason }, index) => {
          const value = choices[field];
          return (
            <Field
              key={field}
              label={{ children: field, id: `${idBase}-${index}` }}
              hint={reason ? t(REASONS[reason]) : undefined}
            >
              <Dropdown
                className={styles.dropdown}
                aria-labelledby={`${idBase}-${index}`}
                value={textOf(value)}
                selectedOptions={value === undefined ? [] : [value]}
                onOptionSelect={(_, data) =>
                  setChoices((previous) => ({ ...previous, [field]: data.optionValue ?? EMPTY }))
                }
              >
                <Option value={EMPTY} text={t("merge.match.leaveEmpty")}>
                  {t("merge.match.leaveEmpty")}
                </Option>
                {options.map((o) => (
                  <Option key={o.value} value={o.value} text={o.text}>
                    {o.text}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          );
        })}
      </div>
    </FormDialog>
  );
};
