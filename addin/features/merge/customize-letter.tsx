import {
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndo20Regular, DocumentEdit20Regular, Save20Regular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { useApi } from "../../api/api-context";
import { useDocumentVersion, useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ActionErrorBar } from "../../ui/action-error-bar";
import { blobBytes, docxBlob } from "../letter/blob-bytes";
import { DocxFileButton } from "../letter/docx-file-button";
import { ContactPicker } from "../preview/contact-picker";
import {
  setCustomizedContact,
  useCustomizedContact,
  usePreviewedContact,
} from "../preview/previewed-contact";
import { toMergeRecord, type MergeData } from "./merge-data";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Customize one contact's letter: the contact's merged letter to edit by hand (in Word, in the
 * document; elsewhere, a download), saved as that segment line's own attachment (PUT
 * /segments/{no}/lines/{lineNo}/attachment), which Log then uses instead of the segment's.
 */
export const CustomizeLetter = ({ segmentNo }: { segmentNo: string }) => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const { client } = useApi();
  const { mode } = useDocumentVersion();
  const headingId = useId();
  const previewed = usePreviewedContact(segmentNo);
  const customized = useCustomizedContact(segmentNo);
  const [picked, setPicked] = useState<MergeData>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState("");
  const inWord = host.capabilities.source === "open";
  const contact = picked ?? previewed;
  // In Word the letter being edited belongs to whoever was customized, whatever is picked since;
  // elsewhere the edited file the user uploads is for the contact chosen now.
  const target = inWord ? customized : contact;

  const act = async (step: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(undefined);
    setStatus("");
    try {
      setStatus((await step()) ?? "");
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const pick = (lineNo: number) =>
    act(async () => {
      const page = await client("getMergeData", {
        params: { no: segmentNo },
        query: { lineNo, top: 1 },
      });
      setPicked(page.items[0]);
      return undefined;
    });

  const customize = () =>
    act(async () => {
      if (!contact) return undefined;
      await host.customizeRecord(toMergeRecord(contact));
      setCustomizedContact(segmentNo, contact);
      return t(inWord ? "merge.customize.editing" : "merge.customize.downloaded", {
        name: contact.name,
      });
    });

  const save = (file: Blob, record: MergeData) =>
    client("uploadLineAttachment", {
      params: { no: segmentNo, lineNo: record.lineNo },
      file,
    }).then(() => t("merge.customize.saved", { name: record.name }));

  const saveDocument = () =>
    act(async () => {
      if (!target) return undefined;
      const file = await host.currentDocx();
      if (!file) return undefined;
      return save(docxBlob(file.bytes), target);
    });

  const uploadEdited = (file: File) => {
    if (!target) return;
    void act(async () => save(docxBlob(await blobBytes(file)), target));
  };

  const back = () =>
    act(async () => {
      await host.showFieldCodes();
      setCustomizedContact(segmentNo, undefined);
      return undefined;
    });

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Body1Strong as="h3" id={headingId} className={styles.heading}>
        {t("merge.customize.heading")}
      </Body1Strong>
      <Caption1>{t(inWord ? "merge.customize.hintWord" : "merge.customize.hintUpload")}</Caption1>
      <ContactPicker
        segmentNo={segmentNo}
        label={t("merge.customize.contact")}
        disabled={busy}
        onPick={(lineNo) => void pick(lineNo)}
      />
      <Caption1>
        {contact
          ? t("merge.customize.chosen", { name: contact.name, no: contact.contactNo })
          : t("merge.customize.noneChosen")}
      </Caption1>
      <div className={styles.actions}>
        <Button
          icon={<DocumentEdit20Regular />}
          disabled={busy || !contact}
          onClick={() => void customize()}
        >
          {t(inWord ? "merge.customize.open" : "merge.customize.download")}
        </Button>
        {inWord ? (
          <>
            <Button
              appearance="primary"
              icon={<Save20Regular />}
              disabled={busy || mode !== "customize" || !target}
              onClick={() => void saveDocument()}
            >
              {t("merge.customize.save")}
            </Button>
            <Button
              icon={<ArrowUndo20Regular />}
              disabled={busy || mode !== "customize"}
              onClick={() => void back()}
            >
              {t("merge.customize.back")}
            </Button>
          </>
        ) : (
          <DocxFileButton disabled={busy || !target} onFile={uploadEdited}>
            {t("merge.customize.upload")}
          </DocxFileButton>
        )}
      </div>
      {inWord && mode === "customize" && target && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("merge.customize.inProgress", { name: target.name })}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label={t("merge.customize.working")} />}
      {error !== undefined && <ActionErrorBar error={error} />}
      <div role="status" aria-live="polite">
        {status && <Caption1>{status}</Caption1>}
      </div>
    </section>
  );
};
