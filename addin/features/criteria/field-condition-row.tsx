import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";
import {
  Button,
  Combobox,
  Dropdown,
  Field,
  Input,
  Option,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { localToday } from "../../ui/locale-date";
import type { MessageKey } from "../../i18n/en-US";
import {
  messagesFor,
  rowOperators,
  withField,
  type FieldRow,
  type RoutedErrors,
  type RowOperator,
} from "./builder-model";
import { criteriaDateProblem } from "./criteria-date";
import { CriteriaDateBox } from "./criteria-date-box";
import { useFieldLabel } from "./field-labels";
import { ValueBox } from "./value-box";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalXS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start" },
  grow: { flexGrow: 1, minWidth: 0 },
  op: { width: "40%", minWidth: 0, flexShrink: 0 },
  narrow: { minWidth: 0, width: "100%" },
});

export const OPERATOR_LABEL: Record<RowOperator, MessageKey> = {
  eq: "criteria.op.eq",
  ne: "criteria.op.ne",
  in: "criteria.op.in",
  notIn: "criteria.op.notIn",
  startsWith: "criteria.op.startsWith",
  endsWith: "criteria.op.endsWith",
  contains: "criteria.op.contains",
  like: "criteria.op.like",
  empty: "criteria.op.empty",
  notEmpty: "criteria.op.notEmpty",
  lt: "criteria.op.lt",
  le: "criteria.op.le",
  gt: "criteria.op.gt",
  ge: "criteria.op.ge",
  between: "criteria.op.between",
  filter: "criteria.op.filter",
};

export interface FieldConditionRowProps {
  readonly row: FieldRow;
  /** 1-based, for labels a screen reader can tell apart. */
  readonly index: number;
  readonly fields: readonly CriteriaFieldInfo[];
  readonly ownerKey: string;
  readonly errors: RoutedErrors | undefined;
  readonly onChange: (row: FieldRow) => void;
  readonly onRemove: () => void;
}

/** One condition on a contact field: the field, an operator that fits its type, the value. */
export const FieldConditionRow = ({
  row,
  index,
  fields,
  ownerKey,
  errors,
  onChange,
  onRemove,
}: FieldConditionRowProps) => {
  const t = useT();
  const styles = useStyles();
  const labelOf = useFieldLabel();
  const { displayLanguage: locale } = useHost();
  const info = fields.find((f) => f.name === row.field);
  const [fieldText, setFieldText] = useState(labelOf(info, row.field));
  useEffect(() => setFieldText(labelOf(info, row.field)), [row.field, info]);

  const ops = rowOperators(info);
  const fieldError = messagesFor(errors, ownerKey, ["field", "kind"]);
  const opError = messagesFor(errors, ownerKey, ["op"]);
  const valueError = messagesFor(errors, ownerKey, ["value", "values", "filter", ""]);
  // A date typed the locale's way is stored as yyyy-mm-dd; what is left is no date, said here.
  const isDate = info?.type === "date" && row.op !== "filter";
  const dateProblem = (value: string, label: string) =>
    isDate ? criteriaDateProblem(t, locale, label, value, localToday()) : undefined;
  const valueLabel = t("criteria.row.value", { n: index });
  const value2Label = t("criteria.row.value2", { n: index });
  const needsValue = row.op !== "empty" && row.op !== "notEmpty";

  const commitTypedField = () => {
    // A custom field is typed as custom.<key>; anything else must come from the list.
    const typed = fieldText.trim();
    if (typed.startsWith("custom.") && typed !== row.field)
      onChange(withField(row, typed, undefined));
    else if (!typed.startsWith("custom.")) setFieldText(labelOf(info, row.field));
  };

  return (
    <div className={styles.row} role="group" aria-label={t("criteria.row", { n: index })}>
      <div className={styles.line}>
        <Field className={styles.grow} validationMessage={fieldError}>
          <Combobox
            size="small"
            freeform
            className={styles.narrow}
            aria-label={t("criteria.row.field", { n: index })}
            placeholder={t("criteria.pickField")}
            value={fieldText}
            selectedOptions={row.field ? [row.field] : []}
            onChange={(event) => setFieldText(event.target.value)}
            onBlur={commitTypedField}
            onOptionSelect={(_, d) => {
              const name = d.optionValue ?? "";
              const picked = fields.find((f) => f.name === name);
              setFieldText(labelOf(picked, name));
              onChange(withField(row, name, picked));
            }}
          >
            {fields.map((f) => (
              <Option key={f.name} value={f.name} text={labelOf(f, f.name)}>
                {labelOf(f, f.name)}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Tooltip content={t("criteria.row.remove", { n: index })} relationship="label">
          <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={onRemove} />
        </Tooltip>
      </div>
      <div className={styles.line}>
        <Field className={styles.op} validationMessage={opError}>
          <Dropdown
            size="small"
            className={styles.narrow}
            aria-label={t("criteria.row.operator", { n: index })}
            value={t(OPERATOR_LABEL[row.op])}
            selectedOptions={[row.op]}
            onOptionSelect={(_, d) =>
              onChange({ ...row, op: (d.optionValue as RowOperator | undefined) ?? row.op })
            }
          >
            {ops.map((op) => (
              <Option key={op} value={op}>
                {t(OPERATOR_LABEL[op])}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {needsValue && (
          <Field
            className={styles.grow}
            validationMessage={dateProblem(row.value, valueLabel) ?? valueError}
          >
            <ValueBox
              info={info}
              field={row.field}
              op={row.op}
              value={row.value}
              label={valueLabel}
              onChange={(value) => onChange({ ...row, value })}
            />
          </Field>
        )}
      </div>
      {row.op === "between" && (
        <div className={styles.line}>
          <span className={styles.op} />
          {isDate ? (
            <Field className={styles.grow} validationMessage={dateProblem(row.value2, value2Label)}>
              <CriteriaDateBox
                className={styles.narrow}
                label={value2Label}
                value={row.value2}
                onChange={(value2) => onChange({ ...row, value2 })}
              />
            </Field>
          ) : (
            <Input
              size="small"
              className={styles.grow}
              aria-label={value2Label}
              value={row.value2}
              onChange={(_, d) => onChange({ ...row, value2: d.value })}
            />
          )}
        </div>
      )}
    </div>
  );
};
