import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";
import { Button, Caption1 } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { memo } from "react";
import { useT } from "../../i18n/use-t";
import {
  changeRow,
  dropRow,
  emptyFieldRow,
  type FieldRow,
  type RoutedErrors,
} from "./builder-model";
import { BuilderSection, type EditPart } from "./builder-section";
import { FieldConditionRow } from "./field-condition-row";

export interface FieldConditionsSectionProps {
  readonly rows: readonly FieldRow[];
  readonly fields: readonly CriteriaFieldInfo[];
  readonly errors: RoutedErrors | undefined;
  readonly onChange: EditPart<readonly FieldRow[]>;
}

/** Conditions on contact fields, one row each; the rows must all hold. */
export const FieldConditionsSection = memo(
  ({ rows, fields, errors, onChange }: FieldConditionsSectionProps) => {
    const t = useT();
    return (
      <BuilderSection value="fields" title={t("criteria.section.fields")}>
        {rows.map((row, i) => (
          <FieldConditionRow
            key={row.id}
            row={row}
            index={i + 1}
            fields={fields}
            ownerKey={`field:${row.id}`}
            errors={errors}
            onChange={(next) => onChange(changeRow(row.id, () => next))}
            onRemove={() => onChange(dropRow(row.id))}
          />
        ))}
        <Button
          size="small"
          icon={<AddRegular />}
          onClick={() => onChange((all) => [...all, emptyFieldRow()])}
        >
          {t("criteria.addField")}
        </Button>
        <Caption1>{t("criteria.filterHint")}</Caption1>
      </BuilderSection>
    );
  },
);
