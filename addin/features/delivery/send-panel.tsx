import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { SendJob } from "@shared/model/delivery";
import { useEffect, useId, useRef, useState } from "react";
import { useApi } from "../../api/api-context";
import { useSubmit } from "../../api/use-submit";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { newJobId } from "../../api/new-job-id";
import { SendAttachmentsForm } from "./send-attachments-form";
import { DEFAULT_SEND_CHOICE, toSendAttachments } from "./send-choice";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/**
 * Send a logged segment's letters (Business Central's Resend Attachments, by each line's
 * correspondence type) with the same choices as Log's Send Attachments. In place rather than
 * in a dialog: it opens inside a side panel already. The job's id is chosen once per panel, so
 * a retry after a lost answer finds the job the first try started instead of sending twice.
 */
export const SendPanel = ({
  entryNo,
  onClose,
  onStarted,
}: {
  readonly entryNo: number;
  readonly onClose: () => void;
  readonly onStarted: (job: SendJob) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const headingId = useId();
  const { client } = useApi();
  const submit = useSubmit();
  const [choice, setChoice] = useState(DEFAULT_SEND_CHOICE);
  const [jobId] = useState(newJobId);
  // The Send button that opened this panel is gone: focus moves to the panel's heading, so it
  // stays inside the side panel (lost focus would make the panel's focus trap hide the panel).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <form
      className={styles.root}
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run(async () => {
          const job = await client("sendLoggedSegment", {
            params: { entryNo },
            body: { ...toSendAttachments(choice), jobId },
          });
          onStarted(job);
        });
      }}
    >
      <h4 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        {t("delivery.send.title", { entryNo })}
      </h4>
      <SendAttachmentsForm value={choice} disabled={submit.busy} onChange={setChoice} />
      {submit.error !== undefined && <ApiProblemBar error={submit.error} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={submit.busy}>
          {t("delivery.send.submit")}
        </Button>
        <Button disabled={submit.busy} onClick={onClose}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
};
