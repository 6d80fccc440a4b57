import type { CriteriaOptions } from "@shared/model/criteria-action";
import { Checkbox, Field, Text, makeStyles, tokens } from "@fluentui/react-components";
import { memo } from "react";
import { fieldMessage } from "../../api/problem-fields";
import type { MessageKey } from "../../i18n/en-US";
import { useT } from "../../i18n/use-t";
import type { BuilderKind } from "./builder-model";
import type { EditPart } from "./builder-section";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const ADD_OPTIONS = [
  "allowExistingContacts",
  "expandCompanies",
  "allowRelatedCompanies",
  "ignoreExclusion",
] as const;
const OTHER_OPTIONS = ["entireCompanies"] as const;
const OPTION_LABEL: Record<keyof CriteriaOptions, MessageKey> = {
  allowExistingContacts: "criteria.option.allowExistingContacts",
  expandCompanies: "criteria.option.expandCompanies",
  allowRelatedCompanies: "criteria.option.allowRelatedCompanies",
  ignoreExclusion: "criteria.option.ignoreExclusion",
  entireCompanies: "criteria.option.entireCompanies",
};

export interface ActionOptionsProps {
  readonly kind: BuilderKind;
  readonly options: CriteriaOptions;
  /** What the last count or apply threw: a problem on `options.<name>` shows at its box. */
  readonly error: unknown;
  readonly onChange: EditPart<CriteriaOptions>;
}

/** Business Central's options of the action: Add Contacts has four, Reduce and Refine one. */
export const ActionOptions = memo(({ kind, options, error, onChange }: ActionOptionsProps) => {
  const t = useT();
  const styles = useStyles();
  return (
    <fieldset className={styles.stack} style={{ border: 0, margin: 0, padding: 0 }}>
      <legend>
        <Text weight="semibold">{t("criteria.options")}</Text>
      </legend>
      {(kind === "addContacts" ? ADD_OPTIONS : OTHER_OPTIONS).map((option) => (
        <Field key={option} validationMessage={fieldMessage(error, `options.${option}`)}>
          <Checkbox
            label={t(OPTION_LABEL[option])}
            checked={options[option]}
            onChange={(_, d) => onChange((all) => ({ ...all, [option]: d.checked === true }))}
          />
        </Field>
      ))}
    </fieldset>
  );
});
