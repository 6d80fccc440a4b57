import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import { useT } from "../i18n/use-t";
import { DisclosureButton } from "./disclosure-button";

/** Rows drawn per "Show more": 3,229 rows at once made the pane 194,149 px tall. */
export const DETAIL_PAGE = 100;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  toggle: { alignSelf: "flex-start", paddingLeft: 0 },
});

/**
 * The line-by-line detail of a check, folded under its groups: one click shows it, a page of rows
 * at a time, so the buttons below the problems stay in reach.
 */
export const ProblemDetails = <T,>({
  label,
  items,
  render,
}: {
  /** What the rows are ("Problems by line"); the button adds how many. */
  label: string;
  items: readonly T[];
  render: (shown: readonly T[]) => ReactNode;
}) => {
  const t = useT();
  const styles = useStyles();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(DETAIL_PAGE);
  if (items.length === 0) return null;
  return (
    <div className={styles.root}>
      <DisclosureButton open={open} controls={id} onToggle={() => setOpen(!open)}>
        {t("checks.details.toggle", { label, count: items.length })}
      </DisclosureButton>
      {open && (
        <div id={id} className={styles.root}>
          {render(items.slice(0, shown))}
          {items.length > shown && (
            <>
              <Caption1>{t("checks.details.more", { count: items.length - shown })}</Caption1>
              <Button
                className={styles.toggle}
                size="small"
                appearance="transparent"
                onClick={() => setShown(shown + DETAIL_PAGE)}
              >
                {t("common.showMore")}
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
};
