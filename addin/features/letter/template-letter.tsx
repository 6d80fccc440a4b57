import {
  Body1Strong,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowDown20Regular } from "@fluentui/react-icons";
import type { InteractionTemplate, TemplateAttachment } from "@shared/model/interaction-template";
import type { Segment } from "@shared/model/segment";
import { useId, useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { ActionErrorBar } from "../../ui/action-error-bar";
import { blobBytes } from "./blob-bytes";
import { StaleLetterError, useSegmentLetter } from "./segment-letter";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  button: { alignSelf: "flex-start" },
});

interface Found {
  readonly segment: Segment;
  readonly template?: InteractionTemplate;
  readonly attachment?: TemplateAttachment;
}

/** The segment's letter: its interaction template's attachment in the segment's language. */
const pickAttachment = (segment: Segment, template: InteractionTemplate) => {
  const language = segment.languageCode ?? template.languageCode;
  return (
    template.attachments.find((a) => a.languageCode === language) ??
    (template.attachments.length === 1 ? template.attachments[0] : undefined)
  );
};

/** "Open the template's letter": the interaction template's attached .docx as the document. */
export const TemplateLetter = ({ segmentNo }: { segmentNo: string }) => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const { client } = useApi();
  const kept = useSegmentLetter();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<unknown>();
  const [opened, setOpened] = useState("");

  const found = useApiQuery<Found>(
    async (signal) => {
      const segment = await client("getSegment", { params: { no: segmentNo }, signal });
      if (!segment.interactionTemplateCode) return { segment };
      const template = await client("getInteractionTemplate", {
        params: { code: segment.interactionTemplateCode },
        signal,
      });
      return { segment, template, attachment: pickAttachment(segment, template) };
    },
    [client, segmentNo],
  );

  const open = async (attachment: TemplateAttachment, code: string) => {
    setConfirming(false);
    setOpening(true);
    setError(undefined);
    setOpened("");
    try {
      const blob = await client("downloadTemplateAttachment", {
        params: { code, languageCode: attachment.languageCode },
      });
      const bytes =
        typeof blob === "string" ? new TextEncoder().encode(blob) : await blobBytes(blob);
      // Outside Word the template's letter becomes the segment's kept letter, a new version.
      await kept.upload({ fileName: attachment.fileName, bytes });
      setOpened(t("letter.template.opened", { fileName: attachment.fileName }));
    } catch (caught) {
      setError(caught);
    } finally {
      setOpening(false);
    }
  };

  const data = found.state.data;
  const attachment = data?.attachment;
  const code = data?.template?.code;
  const how = host.capabilities.openDocument;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Body1Strong as="h3" id={headingId} className={styles.heading}>
        {t("letter.template.heading")}
      </Body1Strong>
      {found.state.status === "loading" && !data && (
        <Spinner size="tiny" label={t("letter.template.loading")} />
      )}
      {found.state.status === "error" && (
        <ApiProblemBar error={found.state.error} onRetry={found.reload} />
      )}
      {data && !data.segment.interactionTemplateCode && (
        <Caption1>{t("letter.template.noTemplate")}</Caption1>
      )}
      {data?.template && !attachment && (
        <Caption1>
          {t("letter.template.noAttachment", {
            code: data.template.code,
            language: data.segment.languageCode ?? data.template.languageCode ?? "",
          })}
        </Caption1>
      )}
      {attachment && code && (
        <>
          <Caption1>
            {t(
              how === "newDocument"
                ? "letter.template.opensNew"
                : how === "replaceContent"
                  ? "letter.template.replaces"
                  : "letter.template.usesAsLetter",
              { fileName: attachment.fileName, code },
            )}
          </Caption1>
          <Button
            className={styles.button}
            icon={opening ? <Spinner size="tiny" /> : <DocumentArrowDown20Regular />}
            disabled={opening}
            onClick={() =>
              how === "replaceContent" ? setConfirming(true) : void open(attachment, code)
            }
          >
            {t("letter.template.open")}
          </Button>
          <Dialog open={confirming} onOpenChange={(_, state) => setConfirming(state.open)}>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>{t("letter.template.confirm.title")}</DialogTitle>
                <DialogContent>
                  {t("letter.template.confirm.body", { fileName: attachment.fileName })}
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" onClick={() => void open(attachment, code)}>
                    {t("letter.template.confirm.replace")}
                  </Button>
                  <Button onClick={() => setConfirming(false)}>{t("letter.cancel")}</Button>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </>
      )}
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
      <div role="status" aria-live="polite">
        {opened && <Caption1>{opened}</Caption1>}
      </div>
    </section>
  );
};
