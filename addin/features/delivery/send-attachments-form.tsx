import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { MailRegular } from "@fluentui/react-icons";
import { useId, useRef, useState } from "react";
import { useT } from "../../i18n/use-t";
import { useMergeFields } from "../letter/use-merge-fields";
import { EmailPreviewDialog } from "./email-preview-dialog";
import { MergeFieldMenu } from "./merge-field-menu";
import type { SendChoice } from "./send-choice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: "none",
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  indent: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    minWidth: 0,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  wide: { minWidth: 0, width: "100%" },
  button: { alignSelf: "flex-start" },
});

/** Puts `inserted` where the cursor was in `value` (the end when the field never had focus). */
const insertAt = (
  value: string,
  inserted: string,
  selection: { start: number; end: number } | undefined,
): { value: string; cursor: number } => {
  const start = selection?.start ?? value.length;
  const end = selection?.end ?? value.length;
  return {
    value: value.slice(0, start) + inserted + value.slice(end),
    cursor: start + inserted.length,
  };
};

/**
 * Business Central's Send Attachments, per correspondence type: how e-mail lines go (the letter
 * as the body, or a short body with the letter attached as PDF or Word), an optional subject
 * instead of each line's, how hard-copy lines go (one PDF or one Word document to print, or not
 * at all), and a preview of one contact's e-mail.
 */
export const SendAttachmentsForm = ({
  segmentNo,
  value,
  disabled,
  onChange,
}: {
  /** The segment whose contacts Preview offers; absent once it is logged (it is history then). */
  readonly segmentNo?: string;
  readonly value: SendChoice;
  readonly disabled?: boolean;
  readonly onChange: (value: SendChoice) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const emailId = useId();
  const hardCopyId = useId();
  const body = useRef<HTMLTextAreaElement>(null);
  const subject = useRef<HTMLInputElement>(null);
  const [previewing, setPreviewing] = useState(false);
  // The preview dialog has no DialogTrigger: this marks Preview as where focus goes back to.
  const restoreFocusTarget = useRestoreFocusTarget();
  const fields = useMergeFields();

  const selectionOf = (element: HTMLTextAreaElement | HTMLInputElement | null) =>
    element && element.selectionStart !== null && element.selectionEnd !== null
      ? { start: element.selectionStart, end: element.selectionEnd }
      : undefined;

  /** The field goes in at the cursor, and the cursor lands after it for the next keystroke. */
  const insertInto = (
    key: "text" | "subject",
    element: HTMLTextAreaElement | HTMLInputElement | null,
    field: string,
  ) => {
    const next = insertAt(value[key], field, selectionOf(element));
    onChange({ ...value, [key]: next.value });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  return (
    <div className={styles.root}>
      <fieldset className={styles.group} aria-labelledby={emailId} disabled={disabled}>
        <Body1Strong as="h4" id={emailId} className={styles.legend}>
          {t("delivery.email.heading")}
        </Body1Strong>
        <RadioGroup
          aria-labelledby={emailId}
          value={value.body}
          disabled={disabled}
          onChange={(_, d) =>
            onChange({ ...value, body: d.value === "letter" ? "letter" : "attachment" })
          }
        >
          <Radio value="attachment" label={t("delivery.email.attachment")} />
          <Radio value="letter" label={t("delivery.email.letter")} />
        </RadioGroup>
        {value.body === "attachment" && (
          <div className={styles.indent}>
            <Field label={t("delivery.email.format")}>
              <RadioGroup
                layout="horizontal"
                value={value.format}
                disabled={disabled}
                onChange={(_, d) =>
                  onChange({ ...value, format: d.value === "docx" ? "docx" : "pdf" })
                }
              >
                <Radio value="pdf" label={t("delivery.email.format.pdf")} />
                <Radio value="docx" label={t("delivery.email.format.docx")} />
              </RadioGroup>
            </Field>
            <Field label={t("delivery.email.text")} hint={t("delivery.email.text.hint")}>
              <Textarea
                ref={body}
                className={styles.wide}
                resize="vertical"
                value={value.text}
                disabled={disabled}
                onChange={(_, d) => onChange({ ...value, text: d.value })}
              />
            </Field>
            <div className={styles.row}>
              <MergeFieldMenu
                fields={fields}
                label={t("delivery.email.text.insertField")}
                disabled={disabled}
                onInsert={(field) => insertInto("text", body.current, field)}
              />
            </div>
          </div>
        )}
        {value.body === "letter" && <Caption1>{t("delivery.email.letter.hint")}</Caption1>}
        <Field label={t("delivery.email.subject")} hint={t("delivery.email.subject.hint")}>
          <Input
            ref={subject}
            className={styles.wide}
            value={value.subject}
            disabled={disabled}
            onChange={(_, d) => onChange({ ...value, subject: d.value })}
          />
        </Field>
        <div className={styles.row}>
          <MergeFieldMenu
            fields={fields}
            label={t("delivery.email.subject.insertField")}
            disabled={disabled}
            onInsert={(field) => insertInto("subject", subject.current, field)}
          />
          {segmentNo && (
            <Button
              size="small"
              icon={<MailRegular />}
              disabled={disabled}
              onClick={() => setPreviewing(true)}
              {...restoreFocusTarget}
            >
              {t("delivery.preview.open")}
            </Button>
          )}
        </div>
      </fieldset>

      <fieldset className={styles.group} aria-labelledby={hardCopyId} disabled={disabled}>
        <Body1Strong as="h4" id={hardCopyId} className={styles.legend}>
          {t("delivery.hardCopy.heading")}
        </Body1Strong>
        <RadioGroup
          aria-labelledby={hardCopyId}
          value={value.hardCopy}
          disabled={disabled}
          onChange={(_, d) =>
            onChange({
              ...value,
              hardCopy: d.value === "document" ? "document" : d.value === "none" ? "none" : "pdf",
            })
          }
        >
          <Radio value="pdf" label={t("delivery.hardCopy.pdf")} />
          <Radio value="document" label={t("delivery.hardCopy.document")} />
          <Radio value="none" label={t("delivery.hardCopy.none")} />
        </RadioGroup>
      </fieldset>

      {previewing && segmentNo && (
        <EmailPreviewDialog
          segmentNo={segmentNo}
          choice={value}
          onClose={() => setPreviewing(false)}
        />
      )}
    </div>
  );
};
