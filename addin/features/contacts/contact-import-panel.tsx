import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUpload20Regular, Dismiss20Regular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState } from "react";
import { useFormat } from "../../i18n/use-format";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { useVisuallyHidden } from "../../ui/visually-hidden";
import { blobBytes } from "../letter/blob-bytes";
import { ImportProblemGroups } from "./import-problem-groups";
import { useContactImport } from "./use-contact-import";

/** The server takes a CSV of up to 16 MiB (its body limit); a bigger file is not sent at all. */
const MAX_BYTES = 16 * 1024 * 1024;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "4px" },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  counts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * Import contacts from a CSV file, beside the segment list: the import runs as a server job the
 * pane follows ("1,204 of 3,229 rows"), Cancel stops the server after the page it writes, and the
 * outcome lists the rows left out by kind. The rest of the pane stays usable meanwhile.
 */
export const ContactImportPanel = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const format = useFormat();
  const styles = useStyles();
  const hidden = useVisuallyHidden().root;
  const inputId = useId();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLButtonElement>(null);
  const [file, setFile] = useState<File | undefined>();
  const [refusal, setRefusal] = useState<"tooLarge" | "notCsv" | undefined>();
  const { state, start, cancel, reset } = useContactImport();

  useEffect(() => chooser.current?.focus(), []);

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    reset();
    if (!chosen) return setRefusal(undefined);
    if (!/\.(csv|txt)$/i.test(chosen.name)) return setRefusal("notCsv");
    setRefusal(chosen.size > MAX_BYTES ? "tooLarge" : undefined);
  };

  const begin = async () => {
    if (!file || refusal) return;
    // As UTF-8: a Windows-1252 file's æ, ø and å become U+FFFD, which the server refuses with
    // the advice to save as "CSV UTF-8" rather than storing names with "?" in them.
    start(new TextDecoder("utf-8").decode(await blobBytes(file)));
  };

  const running = state.phase === "running";
  const job = state.phase === "running" ? state.job : undefined;
  const ended = state.phase === "ended" ? state.job : undefined;
  const progressText = job
    ? t("contactImport.progress", {
        done: format.number(job.progress.done),
        total: format.number(job.progress.total),
      })
    : t("contactImport.reading");

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Subtitle2 as="h3" id={headingId}>
          {t("contactImport.title")}
        </Subtitle2>
        {!running && (
          <Button
            size="small"
            appearance="subtle"
            icon={<Dismiss20Regular />}
            aria-label={t("contactImport.close")}
            onClick={onClose}
          />
        )}
      </div>
      <Caption1>{t("contactImport.intro")}</Caption1>

      {!running && !ended && (
        <div className={styles.row}>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".csv,.txt,text/csv"
            className={hidden}
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              choose(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
          <Button
            ref={chooser}
            size="small"
            icon={<ArrowUpload20Regular />}
            onClick={() => input.current?.click()}
          >
            {t("contactImport.choose")}
          </Button>
          <Text className={styles.name}>
            {file
              ? t("contactImport.chosen", {
                  name: file.name,
                  size: format.number(Math.max(1, Math.round(file.size / 1024))),
                })
              : t("contactImport.noFile")}
          </Text>
        </div>
      )}
      {refusal && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {refusal === "tooLarge"
              ? t("contactImport.tooLarge", {
                  size: format.number(Math.ceil((file?.size ?? 0) / 1024 / 1024)),
                })
              : t("contactImport.notCsv")}
          </MessageBarBody>
        </MessageBar>
      )}
      {!running && !ended && (
        <Button
          appearance="primary"
          size="small"
          disabled={!file || !!refusal}
          onClick={() => void begin()}
        >
          {t("contactImport.start")}
        </Button>
      )}

      {running && (
        <div className={styles.row}>
          <Field
            style={{ flexGrow: 1, minWidth: 0 }}
            label={t("contactImport.progressLabel")}
            validationState="none"
            validationMessage={
              state.canceling
                ? t("contactImport.canceling")
                : state.serverLost
                  ? t("contactImport.serverLost")
                  : progressText
            }
          >
            <ProgressBar
              thickness="large"
              max={1}
              {...(job && job.progress.total > 0
                ? { value: job.progress.done / job.progress.total }
                : {})}
            />
          </Field>
          <Button
            size="small"
            icon={<Dismiss20Regular />}
            disabled={state.canceling}
            onClick={cancel}
          >
            {t("contactImport.cancel")}
          </Button>
        </div>
      )}

      <div role="status" aria-live="polite">
        {running && job && <span className={hidden}>{progressText}</span>}
        {ended && (
          <MessageBar intent={ended.status === "done" ? "success" : "warning"}>
            <MessageBarBody>
              {ended.status === "done"
                ? t(ended.skipped > 0 ? "contactImport.doneSkipped" : "contactImport.done", {
                    created: format.number(ended.created),
                    skipped: format.number(ended.skipped),
                    total: format.number(ended.progress.total),
                  })
                : ended.status === "canceled"
                  ? t("contactImport.canceled", { created: format.number(ended.created) })
                  : ended.failure === "server_stopped"
                    ? t("contactImport.serverStopped", { created: format.number(ended.created) })
                    : t("contactImport.failed", { created: format.number(ended.created) })}
              <ul className={styles.counts}>
                <li>
                  {t("contactImport.summary.created", { count: format.number(ended.created) })}
                </li>
                <li>
                  {t("contactImport.summary.skipped", { count: format.number(ended.skipped) })}
                </li>
                <li>{t("contactImport.summary.failed", { count: format.number(ended.failed) })}</li>
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.phase === "refused" && <ApiProblemBar error={state.error} />}
      {ended && <ImportProblemGroups job={ended} />}
      {ended && (
        <div className={styles.row}>
          {ended.status !== "done" && file && (
            // The way on after a stop: the same file again adds the rows missing, and skips
            // the contacts this run created (by No., e-mail, or as rows of this same file).
            <Button size="small" appearance="primary" onClick={() => void begin()}>
              {t("contactImport.retry")}
            </Button>
          )}
          <Button
            size="small"
            onClick={() => {
              choose(undefined);
              // The chooser comes back in place of this button: the keyboard stays there.
              setTimeout(() => chooser.current?.focus(), 0);
            }}
          >
            {t("contactImport.again")}
          </Button>
          <Button
            size="small"
            appearance={ended.status !== "done" && file ? "secondary" : "primary"}
            onClick={onClose}
          >
            {t("contactImport.close")}
          </Button>
        </div>
      )}
    </section>
  );
};
