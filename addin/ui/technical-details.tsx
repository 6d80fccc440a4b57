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
 * What support asks for, folded away: the words a server or the pane's own checks wrote in
 * English (`said`), and the facts that find it in the logs, one per line. Kept off a Danish
 * screen until the user opens it.
 */
export const TechnicalDetails = ({
  said,
  facts,
}: {
  readonly said?: string | undefined;
  readonly facts: readonly string[];
}) => {
  const t = useT();
  const styles = useStyles();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.root}>
      <DisclosureButton open={open} controls={id} onToggle={() => setOpen(!open)}>
        {t("problem.technical.show")}
      </DisclosureButton>
      {open && (
        <div id={id} role="group" aria-label={t("problem.technical.label")} className={styles.said}>
          {said && <span lang="en">{said}</span>}
          {facts.map((fact) => (
            <Caption1 key={fact}>{fact}</Caption1>
          ))}
        </div>
      )}
    </div>
  );
};

/** The problem as the server wrote it: its English detail, the status and type, the instance. */
export const SentProblemDetails = ({ sent }: { readonly sent: Problem }) => (
  <TechnicalDetails
    said={sent.detail}
    facts={[
      `HTTP ${sent.status} · ${sent.type.slice(sent.type.lastIndexOf("/") + 1)}`,
      ...(sent.instance ? [sent.instance] : []),
    ]}
  />
);
