import {
  Body1Strong,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { formatMoment } from "../delivery/format-time";
import { useDocumentVersion, useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ActionErrorBar } from "../../ui/action-error-bar";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { blobBytes } from "./blob-bytes";
import { DocxFileButton } from "./docx-file-button";
import { StaleLetterError, useSegmentLetter } from "./segment-letter";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  button: { alignSelf: "flex-start" },
});

/**
 * Outside Word the letter is a .docx the user uploads: the merge engine reads it in the page
 * (its fields, a contact's letter) and the server keeps it with the segment (a new version per
 * upload), so it is there after a reload and only in this segment.
 */
export const TemplateUpload = () => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const kept = useSegmentLetter();
  const { version } = useDocumentVersion();
  const headingId = useId();
  const [fileName, setFileName] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let live = true;
    host.letterDocx().then(
      (file) => live && setFileName(file?.fileName ?? ""),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host, version]);

  const upload = async (file: File) => {
    setError(undefined);
    setSaving(true);
    try {
      await kept.upload({ fileName: file.name, bytes: await blobBytes(file) });
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const letter = kept.letter;
  const loading = kept.kept && kept.status === "loading";

  return (
    <section className={styles.root} aria-labelledby={headingId} aria-busy={loading || saving}>
      <Body1Strong as="h3" id={headingId} className={styles.heading}>
        {t("letter.upload.heading")}
      </Body1Strong>
      {loading ? (
        <Spinner size="tiny" label={t("letter.kept.loading")} />
      ) : (
        <Caption1>
          {fileName ? t("letter.upload.current", { fileName }) : t("letter.upload.none")}
        </Caption1>
      )}
      {letter && fileName && (
        <Caption1>
          {t("letter.kept.version", {
            version: letter.version,
            user: letter.uploadedBy,
            date: formatMoment(letter.uploadedAt, host.displayLanguage),
          })}
        </Caption1>
      )}
      {kept.status === "error" && <ApiProblemBar error={kept.error} onRetry={kept.reload} />}
      <DocxFileButton
        className={styles.button}
        disabled={loading || saving}
        onFile={(file) => void upload(file)}
      >
        {t(fileName ? "letter.upload.replace" : "letter.upload.choose")}
      </DocxFileButton>
      {saving && <Spinner size="tiny" label={t("letter.kept.saving")} />}
      {error instanceof StaleLetterError ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("letter.kept.stale.title")}</MessageBarTitle>
            {t("letter.kept.stale.body", {
              user: error.current?.uploadedBy ?? "",
              version: error.current?.version ?? "",
            })}
          </MessageBarBody>
        </MessageBar>
      ) : (
        error !== undefined && <ActionErrorBar error={error} />
      )}
    </section>
  );
};
