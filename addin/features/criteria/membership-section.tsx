import { Button, Dropdown, Option } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { memo } from "react";
import { useT } from "../../i18n/use-t";
import { SearchCombobox } from "../../ui/search-combobox";
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
import { useMembershipOptions } from "./use-membership-options";

export interface MembershipSectionProps {
  readonly rows: readonly MembershipRow[];
  readonly errors: RoutedErrors | undefined;
  readonly onChange: EditPart<readonly MembershipRow[]>;
}

/**
 * Contacts on (or not on) another segment, or a logged segment's entry, picked from the
 * tenant's segments and logged segments.
 */
export const MembershipSection = memo(({ rows, errors, onChange }: MembershipSectionProps) => {
  const t = useT();
  const options = useMembershipOptions();
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
                  onOptionSelect={(_, d) => {
                    const target = d.optionValue === "logged" ? "logged" : "segment";
                    // A segment No. is no entry No.: the value picked goes with its list.
                    if (target !== row.target) set({ target, value: "" });
                  }}
                >
                  <Option value="segment">{t("criteria.membership.segment")}</Option>
                  <Option value="logged">{t("criteria.membership.logged")}</Option>
                </Dropdown>
              </>
            }
          >
            <SearchCombobox
              label={t("criteria.membership.value", { n })}
              hideLabel
              value={row.value}
              onChange={(value) => set({ value })}
              load={row.target === "segment" ? options.segments : options.logged}
              source={row.target}
              placeholder={t("pickers.search")}
              missingText={(code) =>
                row.target === "segment"
                  ? t("pickers.membership.missingSegment", { code })
                  : t("pickers.membership.missingLogged", { code })
              }
              error={messagesFor(errors, `membership:${row.id}`)}
            />
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
