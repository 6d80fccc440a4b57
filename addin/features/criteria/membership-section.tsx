import { Button, Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { memo } from "react";
import { useT } from "../../i18n/use-t";
import {
  changeRow,
  dropRow,
  messagesFor,
  newId,
  type MembershipRow,
  type RoutedErrors,
} from "./builder-model";
import { BuilderSection, type EditPart } from "./builder-section";
import { RemovableRow } from "./removable-row";

export interface MembershipSectionProps {
  readonly rows: readonly MembershipRow[];
  readonly errors: RoutedErrors | undefined;
  readonly onChange: EditPart<readonly MembershipRow[]>;
}

/** Contacts on (or not on) another segment, or a logged segment's entry. */
export const MembershipSection = memo(({ rows, errors, onChange }: MembershipSectionProps) => {
  const t = useT();
  return (
    <BuilderSection value="membership" title={t("criteria.section.membership")}>
      {rows.map((row, i) => {
        const set = (change: Partial<MembershipRow>) =>
          onChange(changeRow(row.id, (r) => ({ ...r, ...change })));
        const n = i + 1;
        return (
          <RemovableRow
            key={row.id}
            label={t("criteria.membership.row", { n })}
            removeLabel={t("criteria.membership.remove", { n })}
            onRemove={() => onChange(dropRow(row.id))}
            pair={
              <>
                <Dropdown
                  size="small"
                  aria-label={t("criteria.membership.inLabel", { n })}
                  value={row.in ? t("criteria.membership.in") : t("criteria.membership.notIn")}
                  selectedOptions={[row.in ? "in" : "notIn"]}
                  onOptionSelect={(_, d) => set({ in: d.optionValue !== "notIn" })}
                >
                  <Option value="in">{t("criteria.membership.in")}</Option>
                  <Option value="notIn">{t("criteria.membership.notIn")}</Option>
                </Dropdown>
                <Dropdown
                  size="small"
                  aria-label={t("criteria.membership.targetLabel", { n })}
                  value={
                    row.target === "segment"
                      ? t("criteria.membership.segment")
                      : t("criteria.membership.logged")
                  }
                  selectedOptions={[row.target]}
                  onOptionSelect={(_, d) =>
                    set({ target: d.optionValue === "logged" ? "logged" : "segment" })
                  }
                >
                  <Option value="segment">{t("criteria.membership.segment")}</Option>
                  <Option value="logged">{t("criteria.membership.logged")}</Option>
                </Dropdown>
              </>
            }
          >
            <Field validationMessage={messagesFor(errors, `membership:${row.id}`)}>
              <Input
                size="small"
                aria-label={t("criteria.membership.value", { n })}
                value={row.value}
                onChange={(_, d) => set({ value: d.value })}
              />
            </Field>
          </RemovableRow>
        );
      })}
      <Button
        size="small"
        icon={<AddRegular />}
        onClick={() =>
          onChange((all) => [...all, { id: newId("m"), in: true, target: "segment", value: "" }])
        }
      >
        {t("criteria.membership.add")}
      </Button>
    </BuilderSection>
  );
});
