import { Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { useDocumentVersion, useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ActionErrorBar } from "../../ui/action-error-bar";
import { blobBytes } from "./blob-bytes";
import { DocxFileButton } from "./docx-file-button";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  button: { alignSelf: "flex-start" },
});

/**
 * Outside Word the letter is a .docx the user uploads: the merge engine reads it in the page
 * (its fields, a contact's letter) and the server merges it.
 */
export const TemplateUpload = () => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const { version } = useDocumentVersion();
  const headingId = useId();
  const [fileName, setFileName] = useState("");
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
    try {
      await host.openDocument({ fileName: file.name, bytes: await blobBytes(file) });
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Body1Strong as="h3" id={headingId} className={styles.heading}>
        {t("letter.upload.heading")}
      </Body1Strong>
      <Caption1>
        {fileName ? t("letter.upload.current", { fileName }) : t("letter.upload.none")}
      </Caption1>
      <DocxFileButton className={styles.button} onFile={(file) => void upload(file)}>
        {t(fileName ? "letter.upload.replace" : "letter.upload.choose")}
      </DocxFileButton>
      {error !== undefined && <ActionErrorBar error={error} />}
    </section>
  );
};
