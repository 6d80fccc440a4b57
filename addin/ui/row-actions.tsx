import {
  Button,
  Menu,
  MenuList,
  MenuPopover,
  MenuTrigger,
  TableCell,
  TableHeaderCell,
  makeStyles,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-t";
import { useVisuallyHidden } from "./visually-hidden";

const useStyles = makeStyles({
  column: { width: "36px" },
});

/**
 * The last column of a table in the narrow pane: one "more" button a row, its actions in a menu.
 * The header is named for screen readers only; to the eye it is as empty as it is narrow.
 */
export const RowActionsHeaderCell = () => {
  const t = useT();
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  return (
    <TableHeaderCell className={styles.column} style={{ width: 36 }}>
      <span className={hidden.root}>{t("common.actions")}</span>
    </TableHeaderCell>
  );
};

/** One row's actions: an icon button named after the row (`label`) opening the menu items. */
export const RowActionsCell = ({
  label,
  children,
}: {
  readonly label: string;
  readonly children: ReactNode;
}) => {
  const styles = useStyles();
  return (
    <TableCell className={styles.column}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button
            size="small"
            appearance="subtle"
            icon={<MoreHorizontalRegular />}
            aria-label={label}
          />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>{children}</MenuList>
        </MenuPopover>
      </Menu>
    </TableCell>
  );
};
