import type { SendJob } from "@shared/model/delivery";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { useSubmit } from "../../api/use-submit";
import { useT } from "../../i18n/use-t";
import { FormDialog } from "../../ui/form-dialog";
import { SendAttachmentsForm } from "./send-attachments-form";
import { DEFAULT_SEND_CHOICE, toSendAttachments } from "./send-choice";

const newJobId = (): string | undefined =>
  typeof crypto !== "undefined" && typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : undefined;

/**
 * Send a logged segment's letters (Business Central's Resend Attachments, by each line's
 * correspondence type): the same choices as Log's Send Attachments. The job's id is chosen
 * here once per dialog, so a retry after a lost answer finds the job the first try started.
 */
export const SendDialog = ({
  entryNo,
  onClose,
  onStarted,
}: {
  readonly entryNo: number;
  readonly onClose: () => void;
  readonly onStarted: (job: SendJob) => void;
}) => {
  const t = useT();
  const { client } = useApi();
  const submit = useSubmit();
  const [choice, setChoice] = useState(DEFAULT_SEND_CHOICE);
  const [jobId] = useState(newJobId);
  return (
    <FormDialog
      title={t("delivery.send.title", { entryNo })}
      submitLabel={t("delivery.send.submit")}
      busy={submit.busy}
      error={submit.error}
      placed={[]}
      onClose={onClose}
      onSubmit={() =>
        void submit.run(async () => {
          const job = await client("sendLoggedSegment", {
            params: { entryNo },
            body: { ...toSendAttachments(choice), ...(jobId ? { jobId } : {}) },
          });
          onStarted(job);
        })
      }
    >
      <SendAttachmentsForm value={choice} disabled={submit.busy} onChange={setChoice} />
    </FormDialog>
  );
};
