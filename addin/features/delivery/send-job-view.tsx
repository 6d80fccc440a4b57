import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, ArrowDownloadRegular, DismissRegular } from "@fluentui/react-icons";
import type { SendJob } from "@shared/model/delivery";
import { useId, useRef, useState } from "react";
import { useApi } from "../../api/api-context";
import { useHost } from "../../host/host-context";
import type { MessageKey } from "../../i18n/en-US";
import { useT } from "../../i18n/use-t";
import { useFormat } from "../../i18n/use-format";
import { ActionErrorBar } from "../../ui/action-error-bar";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { reasonFix, reasonText } from "./delivery-reason";
import { DeliveryList } from "./delivery-list";
import { formatMoment } from "./format-time";
import { isLive, useSendJob } from "./use-send-job";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  counts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const STATES: Record<SendJob["state"], MessageKey> = {
  queued: "delivery.job.state.queued",
  sending: "delivery.job.state.sending",
  paused: "delivery.job.state.paused",
  done: "delivery.job.state.done",
  canceled: "delivery.job.state.canceled",
};

/**
 * A send job as it runs: sent, failed, waiting and skipped with a progress bar; when it pauses
 * (the mailbox's allowance for the minute or the day) when it resumes and when it should be
 * done, in the user's own time; what stops it and how to fix that; Cancel (asked first), Retry
 * failed, the print file of the hard-copy lines; and every line's delivery below.
 */
export const SendJobView = ({
  jobId,
  initial,
}: {
  readonly jobId: string;
  readonly initial?: SendJob;
}) => {
  const t = useT();
  const count = useFormat().number;
  const styles = useStyles();
  const headingId = useId();
  const { client } = useApi();
  const host = useHost();
  const { job, error: pollError, replace } = useSendJob(jobId, initial);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<"cancel" | "retry" | "download">();
  const [actionError, setActionError] = useState<unknown>();
  // Cancel and Retry go away once they have done their work: focus moves to the job's heading
  // rather than to nowhere (inside a side panel, lost focus would hide the panel).
  const heading = useRef<HTMLHeadingElement>(null);

  const act = async (kind: "cancel" | "retry" | "download") => {
    setBusy(kind);
    setActionError(undefined);
    try {
      if (kind === "download") {
        const file = await client("getSendJobPrintFile", { params: { id: jobId } });
        const fileName = job?.printFile?.fileName ?? `${jobId}.pdf`;
        await host.saveFile(typeof file === "string" ? new Blob([file]) : file, fileName);
      } else {
        replace(
          await client(kind === "cancel" ? "cancelSendJob" : "retrySendJob", {
            params: { id: jobId },
          }),
        );
      }
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusy(undefined);
      if (kind !== "download") heading.current?.focus();
    }
  };

  if (!job) {
    return pollError !== undefined ? (
      <ApiProblemBar error={pollError} />
    ) : (
      <Caption1>{t("delivery.job.loading")}</Caption1>
    );
  }
  const { counts } = job;
  const finished = counts.sent + counts.failed + counts.skipped + counts.canceled;
  const live = isLive(job);
  const lang = host.displayLanguage;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        {t("delivery.job.heading")}
      </h4>
      <Field
        label={t(STATES[job.state])}
        validationState="none"
        validationMessage={t("delivery.job.progress", {
          done: count(finished),
          total: count(counts.total),
        })}
      >
        <ProgressBar
          value={counts.total > 0 ? finished / counts.total : live ? undefined : 1}
          max={1}
          thickness="large"
        />
      </Field>
      <ul className={styles.counts} aria-label={t("delivery.job.counts")}>
        <li>{t("delivery.job.sent", { count: count(counts.sent) })}</li>
        <li>{t("delivery.job.failed", { count: count(counts.failed) })}</li>
        <li>{t("delivery.job.waiting", { count: count(counts.waiting + counts.sending) })}</li>
        <li>{t("delivery.job.skipped", { count: count(counts.skipped) })}</li>
        {counts.canceled > 0 && (
          <li>{t("delivery.job.canceled", { count: count(counts.canceled) })}</li>
        )}
      </ul>
      <div role="status" aria-live="polite">
        {job.state === "paused" && job.resumesAt && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("delivery.job.paused.title")}</MessageBarTitle>
              {t("delivery.job.paused.body", { time: formatMoment(job.resumesAt, lang) })}
            </MessageBarBody>
          </MessageBar>
        )}
        {live && job.estimatedFinishAt && (
          <Caption1>
            {t("delivery.job.finishesAt", { time: formatMoment(job.estimatedFinishAt, lang) })}
          </Caption1>
        )}
        {!live && job.finishedAt && (
          <Caption1>
            {t("delivery.job.finishedAt", { time: formatMoment(job.finishedAt, lang) })}
          </Caption1>
        )}
      </div>
      {job.problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{reasonText(t, job.problem)}</MessageBarTitle>
            {reasonFix(t, job.problem) ?? job.problem.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {pollError !== undefined && <ApiProblemBar error={pollError} />}
      {actionError !== undefined && <ActionErrorBar error={actionError} />}
      <div className={styles.actions}>
        {live && (
          <Button
            icon={<DismissRegular />}
            disabled={busy !== undefined}
            onClick={() => setConfirming(true)}
          >
            {t("delivery.job.cancel")}
          </Button>
        )}
        {counts.failed > 0 && job.state !== "canceled" && (
          <Button
            icon={<ArrowClockwiseRegular />}
            disabled={busy !== undefined}
            onClick={() => void act("retry")}
          >
            {t("delivery.job.retry", { count: counts.failed })}
          </Button>
        )}
        {job.printFile && (
          <Button
            icon={<ArrowDownloadRegular />}
            disabled={busy !== undefined}
            onClick={() => void act("download")}
          >
            {t("delivery.job.printFile", { fileName: job.printFile.fileName })}
          </Button>
        )}
      </div>
      <DeliveryList jobId={jobId} version={JSON.stringify(counts)} />

      {confirming && (
        <Dialog open onOpenChange={(_, d) => !d.open && setConfirming(false)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t("delivery.job.cancel.title")}</DialogTitle>
              <DialogContent>
                {t("delivery.job.cancel.body", { count: counts.waiting + counts.sending })}
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirming(false);
                    void act("cancel");
                  }}
                >
                  {t("delivery.job.cancel.confirm")}
                </Button>
                <Button onClick={() => setConfirming(false)}>
                  {t("delivery.job.cancel.keep")}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
};
