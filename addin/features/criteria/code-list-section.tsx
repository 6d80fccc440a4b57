import { Dropdown, Field, Option } from "@fluentui/react-components";
import { memo } from "react";
import type { MessageKey } from "../../i18n/en-US";
import { useT } from "../../i18n/use-t";
import { messagesFor, type ListName, type ListSection, type RoutedErrors } from "./builder-model";
import { BuilderSection, type EditPart } from "./builder-section";
import { CodeTagPicker } from "./code-tag-picker";

const LIST_LABEL: Record<ListName, MessageKey> = {
  mailingGroups: "criteria.section.mailingGroups",
  jobResponsibilities: "criteria.section.jobResponsibilities",
  industryGroups: "criteria.section.industryGroups",
  businessRelations: "criteria.section.businessRelations",
};

export interface CodeListSectionProps {
  readonly list: ListName;
  readonly section: ListSection;
  readonly errors: RoutedErrors | undefined;
  /** The setter of all four lists: one stable function serves every list's section. */
  readonly onChange: EditPart<Readonly<Record<ListName, ListSection>>>;
}

/**
 * Contacts by the codes of one of their lists (mailing groups, job responsibilities, industry
 * groups, business relations): with any, all or none of the codes picked.
 */
export const CodeListSection = memo(({ list, section, errors, onChange }: CodeListSectionProps) => {
  const t = useT();
  const key = `list:${list}`;
  const set = (change: Partial<ListSection>) =>
    onChange((lists) => ({ ...lists, [list]: { ...lists[list], ...change } }));
  return (
    <BuilderSection value={list} title={t(LIST_LABEL[list])}>
      <Field
        size="small"
        label={t("criteria.list.codes")}
        hint={t("criteria.list.codesHint")}
        validationMessage={messagesFor(errors, key, ["codes", ""])}
      >
        <CodeTagPicker
          list={list}
          codes={section.codes}
          label={t(LIST_LABEL[list])}
          onChange={(codes) => set({ codes })}
        />
      </Field>
      <Field
        size="small"
        label={t("criteria.list.match")}
        validationMessage={messagesFor(errors, key, ["match"])}
      >
        <Dropdown
          size="small"
          value={t(`criteria.list.match.${section.match}`)}
          selectedOptions={[section.match]}
          onOptionSelect={(_, d) =>
            set({ match: (d.optionValue as ListSection["match"] | undefined) ?? "any" })
          }
        >
          <Option value="any">{t("criteria.list.match.any")}</Option>
          <Option value="all">{t("criteria.list.match.all")}</Option>
          <Option value="none">{t("criteria.list.match.none")}</Option>
        </Dropdown>
      </Field>
    </BuilderSection>
  );
});
