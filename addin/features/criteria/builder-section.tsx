import {
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * Changes one part of the builder's state. Each section gets only its part and this (stable)
 * setter, so typing in one section does not render the others again.
 */
export type EditPart<T> = (change: (part: T) => T) => void;

/** One collapsible section of the builder: a heading that opens it, its controls below. */
export const BuilderSection = ({
  value,
  title,
  children,
}: {
  /** The accordion item's value; "fields" is open at first. */
  readonly value: string;
  readonly title: string;
  readonly children: ReactNode;
}) => {
  const styles = useStyles();
  return (
    <AccordionItem value={value}>
      <AccordionHeader size="small">{title}</AccordionHeader>
      <AccordionPanel className={styles.stack}>{children}</AccordionPanel>
    </AccordionItem>
  );
};
