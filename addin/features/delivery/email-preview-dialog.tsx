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
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { reasonText } from "./delivery-reason";
import { emailBodyOf, type SendChoice } from "./send-choice";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    overflowWrap: "anywhere",
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  body: {
    width: "100%",
    minHeight: "240px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: "#ffffff",
    boxSizing: "border-box",
  },
});

const size = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, {
    style: "unit",
    unit: "kilobyte",
    maximumFractionDigits: 0,
  }).format(Math.max(1, Math.round(bytes / 1024)));

/**
 * One contact's e-mail as the send would make it (POST /segments/{no}/email-preview): To,
 * Subject, the attachments, and the HTML body, shown in an iframe sandboxed with no permission
 * at all (no scripts, no forms, no navigation of the pane), since a letter's HTML comes from
 * a document anyone could have written. A contact who would get no e-mail says why.
 */
export const EmailPreviewDialog = ({
  segmentNo,
  choice,
  onClose,
}: {
  readonly segmentNo: string;
  readonly choice: SendChoice;
  readonly onClose: () => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const lines = useApiQuery(
    (signal) =>
      client("listSegmentLines", { params: { no: segmentNo }, query: { top: 100 }, signal }),
    [client, segmentNo],
  );
  const contacts = [
    ...new Map(
      (lines.state.data?.items ?? []).map((l) => [l.contactNo, l.contactName] as const),
    ).entries(),
  ];
  const [picked, setPicked] = useState<string>();
  const contactNo = picked ?? contacts[0]?.[0];
  const subject = choice.subject.trim();
  const preview = useApiQuery(
    (signal) =>
      contactNo
        ? client("previewEmail", {
            params: { no: segmentNo },
            body: { contactNo, email: emailBodyOf(choice), ...(subject ? { subject } : {}) },
            signal,
          })
        : Promise.resolve(undefined),
    [client, segmentNo, contactNo, choice],
  );
  const mail = preview.state.status === "ok" ? preview.state.data : undefined;

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("delivery.preview.title")}</DialogTitle>
          <DialogContent className={styles.content}>
            {lines.state.status === "error" && (
              <ApiProblemBar error={lines.state.error} onRetry={lines.reload} />
            )}
            <Field label={t("delivery.preview.contact")}>
              <Select
                value={contactNo ?? ""}
                disabled={contacts.length === 0}
                onChange={(_, d) => setPicked(d.value)}
              >
                {contacts.map(([no, name]) => (
                  <option key={no} value={no}>
                    {`${name} (${no})`}
                  </option>
                ))}
              </Select>
            </Field>
            {lines.state.status === "ok" && contacts.length === 0 && (
              <Caption1>{t("delivery.preview.noContacts")}</Caption1>
            )}
            {preview.state.status === "loading" && contactNo && (
              <Spinner size="tiny" label={t("delivery.preview.loading")} />
            )}
            {preview.state.status === "error" && (
              <ApiProblemBar error={preview.state.error} onRetry={preview.reload} />
            )}
            {mail?.skipped && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t("delivery.preview.skipped")}</MessageBarTitle>
                  {reasonText(t, mail.skipped)}
                </MessageBarBody>
              </MessageBar>
            )}
            {mail && (
              <>
                <dl className={styles.facts}>
                  <dt className={styles.term}>{t("delivery.preview.to")}</dt>
                  <dd className={styles.value}>{mail.to ?? t("delivery.preview.noAddress")}</dd>
                  <dt className={styles.term}>{t("delivery.preview.subject")}</dt>
                  <dd className={styles.value}>{mail.subject}</dd>
                  <dt className={styles.term}>{t("delivery.preview.attachments")}</dt>
                  <dd className={styles.value}>
                    {mail.attachments.length === 0 ? (
                      t("delivery.preview.noAttachments")
                    ) : (
                      <ul className={styles.list}>
                        {mail.attachments.map((a) => (
                          <li
                            key={a.fileName}
                          >{`${a.fileName} (${size(a.bytes, displayLanguage)})`}</li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </dl>
                <iframe
                  className={styles.body}
                  title={t("delivery.preview.body")}
                  sandbox=""
                  srcDoc={mail.html}
                />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t("common.close")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
