import { Button, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  line: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: 0 },
});

export interface RemovableRowProps {
  /** Names the row as a group, so its controls read as "row n" to a screen reader. */
  readonly label: string;
  /** The remove button has only an icon: this is its name and its tooltip. */
  readonly removeLabel: string;
  readonly onRemove: () => void;
  /** Two controls side by side on the first line. */
  readonly pair: ReactNode;
  /** The last control, widened to leave the remove button at the end of its line. */
  readonly children: ReactNode;
}

/** One row of a criteria section the user can add again and again (profiles, memberships). */
export const RemovableRow = ({
  label,
  removeLabel,
  onRemove,
  pair,
  children,
}: RemovableRowProps) => {
  const styles = useStyles();
  return (
    <div className={styles.stack} role="group" aria-label={label}>
      <div className={styles.pair}>{pair}</div>
      <div className={styles.line}>
        <div className={styles.grow}>{children}</div>
        <Tooltip content={removeLabel} relationship="label">
          <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={onRemove} />
        </Tooltip>
      </div>
    </div>
  );
};
