import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";
import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { useT } from "../../i18n/use-t";
import {
  emptyFieldRow,
  emptyGroup,
  messagesFor,
  type RoutedErrors,
  type TreeGroup,
  type TreeItem,
} from "./builder-model";
import { FieldConditionRow } from "./field-condition-row";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
  },
  head: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    flexWrap: "wrap",
  },
  mode: { minWidth: "96px", width: "auto" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface TreeEditorProps {
  readonly group: TreeGroup;
  readonly depth?: number;
  readonly fields: readonly CriteriaFieldInfo[];
  readonly errors: RoutedErrors | undefined;
  readonly onChange: (group: TreeGroup) => void;
  readonly onRemove?: () => void;
}

/**
 * The power user's tree: groups of conditions that must all hold (AND) or any one (OR), each
 * group optionally negated (NOT), nested as deep as needed. The whole tree is one more section,
 * ANDed with the others.
 */
export const TreeEditor = ({
  group,
  depth = 0,
  fields,
  errors,
  onChange,
  onRemove,
}: TreeEditorProps) => {
  const t = useT();
  const styles = useStyles();
  const replaceChild = (i: number, child: TreeItem | undefined) =>
    onChange({
      ...group,
      children: child
        ? group.children.map((c, j) => (j === i ? child : c))
        : group.children.filter((_, j) => j !== i),
    });
  const label = t("criteria.tree.group", { depth: depth + 1 });
  const groupError = messagesFor(errors, `group:${group.id}`);

  return (
    <div className={styles.group} role="group" aria-label={label}>
      <div className={styles.head}>
        <Dropdown
          size="small"
          className={styles.mode}
          aria-label={t("criteria.tree.mode", { depth: depth + 1 })}
          value={group.mode === "and" ? t("criteria.tree.and") : t("criteria.tree.or")}
          selectedOptions={[group.mode]}
          onOptionSelect={(_, d) =>
            onChange({ ...group, mode: d.optionValue === "or" ? "or" : "and" })
          }
        >
          <Option value="and">{t("criteria.tree.and")}</Option>
          <Option value="or">{t("criteria.tree.or")}</Option>
        </Dropdown>
        <Checkbox
          label={t("criteria.tree.not")}
          checked={group.negate}
          onChange={(_, d) => onChange({ ...group, negate: d.checked === true })}
        />
        {onRemove && (
          <Button
            size="small"
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={t("criteria.tree.removeGroup", { depth: depth + 1 })}
            onClick={onRemove}
          />
        )}
      </div>
      {groupError && <Caption1 className={styles.error}>{groupError}</Caption1>}
      {group.children.length === 0 && <Caption1>{t("criteria.tree.empty")}</Caption1>}
      {group.children.map((child, i) =>
        child.kind === "condition" ? (
          <FieldConditionRow
            key={child.row.id}
            row={child.row}
            index={i + 1}
            fields={fields}
            ownerKey={`tree:${child.row.id}`}
            errors={errors}
            onChange={(row) => replaceChild(i, { kind: "condition", row })}
            onRemove={() => replaceChild(i, undefined)}
          />
        ) : (
          <TreeEditor
            key={child.id}
            group={child}
            depth={depth + 1}
            fields={fields}
            errors={errors}
            onChange={(g) => replaceChild(i, g)}
            onRemove={() => replaceChild(i, undefined)}
          />
        ),
      )}
      <div className={styles.head}>
        <Button
          size="small"
          icon={<AddRegular />}
          onClick={() =>
            onChange({
              ...group,
              children: [...group.children, { kind: "condition", row: emptyFieldRow() }],
            })
          }
        >
          {t("criteria.tree.addCondition")}
        </Button>
        <Button
          size="small"
          icon={<AddRegular />}
          onClick={() => onChange({ ...group, children: [...group.children, emptyGroup()] })}
        >
          {t("criteria.tree.addGroup")}
        </Button>
      </div>
    </div>
  );
};
