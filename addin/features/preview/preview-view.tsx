import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowNext20Regular,
  ArrowPrevious20Regular,
  ChevronLeft20Regular,
  ChevronRight20Regular,
  Code20Regular,
  Eye20Regular,
} from "@fluentui/react-icons";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useDocumentVersion, useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ActionErrorBar } from "../../ui/action-error-bar";
import { useDocumentFields } from "../letter/use-document-fields";
import { applyFieldMatches } from "@shared/letter/field-matching";
import { useLetterFieldMatches } from "../merge/letter-field-matches";
import { toMergeRecord, type MergeData } from "../merge/merge-data";
import { ContactPicker } from "./contact-picker";
import { LetterRendering } from "./letter-rendering";
import { setPreviewedContact } from "./previewed-contact";
import { RecordValues } from "./record-values";
import { usePreviewRecords } from "./use-preview-records";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  toolbar: { flexWrap: "wrap", padding: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Preview: step through the segment's contacts (first, previous, next, last, or jump to one);
 * in Word the document shows that contact's values in place, and "Show field codes" brings
 * the letter back unchanged. Elsewhere the pane draws the letter itself with the contact's values
 * (docx-preview, loaded only there) and lists the values below it.
 */
export const PreviewView = ({ segmentNo }: { segmentNo: string }) => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const headingId = useId();
  const { mode } = useDocumentVersion();
  const data = usePreviewRecords(segmentNo);
  const matches = useLetterFieldMatches();
  const inDocument = host.capabilities.previewInDocument;
  // Without a document to show values in, the pane lists the letter's fields' values.
  const documentFields = useDocumentFields(!inDocument);
  const [error, setError] = useState<unknown>();
  const [working, setWorking] = useState(false);
  // Word calls run one after another: a fast clicker's steps must not interleave.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const run = useCallback((step: () => Promise<void>) => {
    setWorking(true);
    setError(undefined);
    const next = queue.current.then(step).then(
      () => setWorking(false),
      (caught: unknown) => {
        setWorking(false);
        setError(caught);
      },
    );
    queue.current = next;
    return next;
  }, []);

  const show = useCallback(
    (move: () => Promise<MergeData | undefined>) =>
      run(async () => {
        const record = await move();
        // The letter's fields read what Match Fields matched them to, as in the merge.
        if (record && inDocument)
          await host.previewRecord({
            ...toMergeRecord(record),
            values: applyFieldMatches(record.values, matches),
          });
      }),
    [run, host, inDocument, matches],
  );

  const { current } = data;
  // One object per contact (and Match Fields): the rendered letter is redrawn only when it changes.
  const letterRecord = useMemo(
    () =>
      current && !inDocument
        ? { ...toMergeRecord(current), values: applyFieldMatches(current.values, matches) }
        : undefined,
    [current, inDocument, matches],
  );
  useEffect(() => {
    setPreviewedContact(segmentNo, current);
  }, [segmentNo, current]);

  const position = data.index + 1;
  const total = data.total;
  const atStart = data.index === 0;
  const atEnd = total !== undefined && position >= total;
  const empty = !data.loading && data.records.length === 0 && data.error === undefined;
  const previewing = mode === "preview";
  const busy = working || data.loading;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t("preview.heading")}
      </Subtitle2>
      <Caption1>{t(inDocument ? "preview.hint.document" : "preview.hint.values")}</Caption1>

      {mode === "customize" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("preview.customizing")}</MessageBarBody>
        </MessageBar>
      )}
      {data.error !== undefined && <ActionErrorBar error={data.error} onRetry={data.retry} />}
      {empty && <Caption1>{t("preview.empty")}</Caption1>}

      {!empty && (
        <>
          <Toolbar aria-label={t("preview.navigation")} className={styles.toolbar} size="small">
            <ToolbarButton
              aria-label={t("preview.first")}
              icon={<ArrowPrevious20Regular />}
              disabled={busy || atStart || !current}
              onClick={() => void show(() => data.goTo(0))}
            />
            <ToolbarButton
              aria-label={t("preview.previous")}
              icon={<ChevronLeft20Regular />}
              disabled={busy || atStart || !current}
              onClick={() => void show(() => data.goTo(data.index - 1))}
            />
            <Text role="status" aria-live="polite" aria-atomic>
              {current
                ? t("preview.position", { position, total: total ?? "?" })
                : t("preview.loading")}
            </Text>
            <ToolbarButton
              aria-label={t("preview.next")}
              icon={<ChevronRight20Regular />}
              disabled={busy || atEnd || !current}
              onClick={() => void show(() => data.goTo(data.index + 1))}
            />
            <ToolbarButton
              aria-label={t("preview.last")}
              icon={<ArrowNext20Regular />}
              disabled={busy || atEnd || !current}
              onClick={() => void show(data.goToLast)}
            />
          </Toolbar>

          {current && (
            <Text weight="semibold">
              {t("preview.contact", { name: current.name, no: current.contactNo })}
            </Text>
          )}

          <ContactPicker
            segmentNo={segmentNo}
            label={t("preview.jump.label")}
            disabled={busy}
            onPick={(lineNo) => void show(() => data.goToLine(lineNo))}
          />

          {inDocument && (
            <div className={styles.actions}>
              <Button
                appearance={previewing ? "secondary" : "primary"}
                icon={<Eye20Regular />}
                disabled={busy || !current}
                onClick={() => void show(async () => current)}
              >
                {t("preview.show")}
              </Button>
              <Button
                icon={<Code20Regular />}
                disabled={busy || mode === "letter"}
                onClick={() => void run(() => host.showFieldCodes())}
              >
                {t("preview.fieldCodes")}
              </Button>
            </div>
          )}
          {busy && <Spinner size="tiny" label={t("preview.working")} />}
          {error !== undefined && <ActionErrorBar error={error} />}

          {!inDocument && current && letterRecord && (
            <LetterRendering record={letterRecord} name={current.name} />
          )}
          {!inDocument && current && (
            <RecordValues
              record={{ ...current, values: applyFieldMatches(current.values, matches) }}
              fields={documentFields.state.fields?.map((field) => field.name)}
            />
          )}
        </>
      )}
    </section>
  );
};
