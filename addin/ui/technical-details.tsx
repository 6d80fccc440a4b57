import type { Problem } from "@shared/model/problem";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { useT } from "../i18n/use-t";
import { DisclosureButton } from "./disclosure-button";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0 },
  // A detail naming a long key or URL wraps rather than widening a 320 px pane.
  said: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
});

/**
 * The problem as the server wrote it, folded away: what support asks for (the server's English
 * detail, the status, the type and the instance that finds it in the logs), kept off a Danish
 * screen until the user opens it.
 */
export const TechnicalDetails = ({ sent }: { readonly sent: Problem }) => {
  const t = useT();
  const styles = useStyles();
  const id = useId();
  const [open, setOpen] = useState(false);
  const facts = [`HTTP ${sent.status}`, sent.type.slice(sent.type.lastIndexOf("/") + 1)];
  return (
    <div className={styles.root}>
      <DisclosureButton open={open} controls={id} onToggle={() => setOpen(!open)}>
        {t("problem.technical.show")}
      </DisclosureButton>
      {open && (
        <div id={id} role="group" aria-label={t("problem.technical.label")} className={styles.said}>
          {sent.detail && <span lang="en">{sent.detail}</span>}
          <Caption1>{facts.join(" · ")}</Caption1>
          {sent.instance && <Caption1>{sent.instance}</Caption1>}
        </div>
      )}
    </div>
  );
};
