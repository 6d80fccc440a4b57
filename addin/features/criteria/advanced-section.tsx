import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";
import { memo } from "react";
import { useT } from "../../i18n/use-t";
import type { RoutedErrors, TreeGroup } from "./builder-model";
import { BuilderSection, type EditPart } from "./builder-section";
import { TreeEditor } from "./tree-editor";

export interface AdvancedSectionProps {
  readonly group: TreeGroup;
  readonly fields: readonly CriteriaFieldInfo[];
  readonly errors: RoutedErrors | undefined;
  readonly onChange: EditPart<TreeGroup>;
}

/** The AND / OR / NOT tree for what the other sections cannot say; ANDed with them. */
export const AdvancedSection = memo(({ group, fields, errors, onChange }: AdvancedSectionProps) => {
  const t = useT();
  return (
    <BuilderSection value="advanced" title={t("criteria.section.advanced")}>
      <TreeEditor
        group={group}
        fields={fields}
        errors={errors}
        onChange={(next) => onChange(() => next)}
      />
    </BuilderSection>
  );
});
