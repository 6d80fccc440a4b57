import { Button, makeStyles } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  toggle: { alignSelf: "flex-start", paddingLeft: 0, minWidth: 0 },
});

export interface DisclosureButtonProps {
  readonly open: boolean;
  /** The id of the region it folds. */
  readonly controls: string;
  readonly onToggle: () => void;
  readonly children: ReactNode;
}

/**
 * The button that folds a region open and shut: a chevron that points where the region is, and
 * aria-expanded/aria-controls so a screen reader says which; Enter and Space press it.
 */
export const DisclosureButton = ({ open, controls, onToggle, children }: DisclosureButtonProps) => {
  const styles = useStyles();
  return (
    <Button
      className={styles.toggle}
      size="small"
      appearance="transparent"
      icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      {children}
    </Button>
  );
};
