import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import type { ApplyTemplateJob } from "@shared/model/apply-template-job";
import { useEffect, useRef } from "react";
import { useT } from "../../i18n/use-t";
import { useFormat } from "../../i18n/use-format";

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  button: { alignSelf: "flex-start" },
});

export interface ApplyTemplateProgressProps {
  /** The template being applied. */
  readonly code: string | undefined;
  /** The job as last read; undefined until the server has written it. */
  readonly job: ApplyTemplateJob | undefined;
  /** The request that runs the job is still open. */
  readonly running: boolean;
  /** Cancel was asked: the server stops after the page in hand. */
  readonly canceling: boolean;
  readonly onCancel: () => void;
  /** Applies the same template again, to finish the lines a cancel or a stop left. */
  readonly onApplyAgain: (code: string) => void;
}

/**
 * A template going on to the segment's lines: "1,204 of 3,229 lines" from the server's job while
 * it runs, with Cancel; then what it did, and for a run that stopped early, a button to finish.
 */
export const ApplyTemplateProgress = ({
  code,
  job,
  running,
  canceling,
  onCancel,
  onApplyAgain,
}: ApplyTemplateProgressProps) => {
  const t = useT();
  const styles = useStyles();
  const { number } = useFormat();
  const summary = useRef<HTMLDivElement>(null);
  const ended = !running && job !== undefined && job.status !== "running";

  // Cancel goes away with the run: focus goes to what it did rather than to the page body. Only
  // when the run ends on screen: a form opened later shows the outcome without taking the focus.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && ended) summary.current?.focus();
    wasRunning.current = running;
  }, [running, ended]);

  // Arriving by the shell's Show, whose button went away with its line, the focus is nowhere:
  // the run takes it, so a keyboard user goes on from where the run is told, not the page top.
  const progress = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) (progress.current ?? summary.current)?.focus();
  }, []);

  if (running) {
    const total = job?.progress.total ?? 0;
    const done = job?.progress.done ?? 0;
    return (
      <div
        ref={progress}
        tabIndex={-1}
        role="group"
        aria-label={t("segments.applyJob.progress.label", { code: code ?? "" })}
        className={styles.progress}
      >
        <Field
          label={t("segments.applyJob.progress.label", { code: code ?? "" })}
          validationState="none"
          validationMessage={
            canceling
              ? t("segments.applyJob.progress.canceling")
              : job && total > 0
                ? t("segments.applyJob.progress.count", {
                    done: number(done),
                    total: number(total),
                  })
                : t("segments.applyJob.progress.starting")
          }
        >
          <ProgressBar
            value={total > 0 ? Math.min(1, done / total) : undefined}
            max={1}
            thickness="large"
          />
        </Field>
        <Button
          className={styles.button}
          icon={<Dismiss20Regular />}
          disabled={canceling}
          onClick={onCancel}
        >
          {t("common.cancel")}
        </Button>
      </div>
    );
  }
  // The header alone is one write: nothing to report beyond the form itself.
  if (!ended || !job.updateLines) return null;
  const values = {
    code: job.interactionTemplateCode,
    done: number(job.progress.done),
    total: number(job.progress.total),
    changed: number(job.changed),
    left: number(Math.max(0, job.progress.total - job.progress.done)),
  };
  const complete = job.status === "done";
  return (
    <div ref={summary} tabIndex={-1} role="status">
      <MessageBar intent={complete ? "success" : "warning"} layout="multiline">
        <MessageBarBody>
          {complete
            ? t("segments.applyJob.done", values)
            : t(
                job.status === "canceled"
                  ? "segments.applyJob.canceled"
                  : "segments.applyJob.failed",
                values,
              )}
        </MessageBarBody>
        {!complete && (
          <MessageBarActions>
            <Button size="small" onClick={() => onApplyAgain(job.interactionTemplateCode)}>
              {t("segments.applyJob.again")}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
};
