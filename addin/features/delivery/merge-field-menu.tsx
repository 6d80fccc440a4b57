import {
  Menu,
  MenuButton,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from "@fluentui/react-components";
import type { ApiQuery } from "../../api/use-api-query";
import type { MessageKey } from "../../i18n/en-US";
import { useT } from "../../i18n/use-t";
import { useFieldLabel, type MergeField } from "../letter/use-merge-fields";

const GROUP_LABELS: Record<MergeField["group"], MessageKey> = {
  contact: "letter.group.contact",
  company: "letter.group.company",
  line: "letter.group.line",
  template: "letter.group.template",
  salesperson: "letter.group.salesperson",
  date: "letter.group.date",
};

/**
 * Insert merge field, for text the server merges (an e-mail's short body or subject): each
 * field goes in as Word shows it, «Field», which is how the server reads it there.
 */
export const MergeFieldMenu = ({
  fields,
  label,
  disabled,
  onInsert,
}: {
  /** GET /merge/fields, read once by the form that shows the menus. */
  readonly fields: ApiQuery<MergeField[]>;
  /** The button's accessible name: which text the field goes into. */
  readonly label: string;
  readonly disabled?: boolean;
  readonly onInsert: (field: string) => void;
}) => {
  const t = useT();
  const fieldLabel = useFieldLabel();
  const items = fields.state.data ?? [];
  const groups = [...new Set(items.map((f) => f.group))];
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small" disabled={disabled} aria-label={label}>
          {t("delivery.insertField")}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {fields.state.status === "loading" && items.length === 0 && (
            <MenuItem disabled>{t("common.loading")}</MenuItem>
          )}
          {fields.state.status === "error" && (
            <MenuItem onClick={fields.reload}>{t("delivery.insertField.failed")}</MenuItem>
          )}
          {groups.map((group) => (
            <MenuGroup key={group}>
              <MenuGroupHeader>{t(GROUP_LABELS[group])}</MenuGroupHeader>
              {items
                .filter((f) => f.group === group)
                .map((f) => (
                  <MenuItem key={f.name} onClick={() => onInsert(`«${f.name}»`)}>
                    {fieldLabel(f)}
                  </MenuItem>
                ))}
            </MenuGroup>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
};
