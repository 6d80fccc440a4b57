import { formatGreetingLine } from "@shared/letter/greeting-line";
import { renderMergeText } from "@shared/letter/merge-text";
import type { MergeValue } from "@shared/merge/merge-record";
import type { Contact } from "@shared/model/contact";
import type { DeliveryReason } from "@shared/model/delivery";
import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import { ConversionFailedError, ConversionTimeoutError } from "../../errors/app-errors";
import type { TenantId } from "../../store/tenant";
import type { MailAttachment, MailMessage } from "../mail-transport";
import { deliveryIdOf, messageIdOf } from "./delivery-ids";
import { deliverySkipOf } from "./delivery-skips";
import type { EmailChoice } from "./email-choice-checks";
import type { LetterHtml } from "./letter-html";
import { htmlDocument, textAsHtml } from "./mail-html";

/** One interaction log entry to e-mail, with what its message is made from. */
export interface EmailLine {
  readonly entry: Pick<
    InteractionLogEntry,
    "entryNo" | "contactName" | "subject" | "description" | "correspondenceType" | "languageCode"
  >;
  /** The contact as it is now (its address and opt-out); undefined when it was deleted. */
  readonly contact: Contact | undefined;
  /** The letter's merge values by Mergeline field name (merge/letter-records.ts). */
  readonly values: Readonly<Record<string, MergeValue>>;
  /** The entry's merged letter (interactions/entry-letters.ts); undefined: nothing was kept. */
  readonly letter: { readonly fileName: string; readonly bytes: Uint8Array } | undefined;
}

export interface ComposeContext {
  readonly tenant: TenantId;
  /** The right-hand side of Message-IDs (config.mail.messageIdDomain). */
  readonly messageIdDomain: string;
  /** A letter as an HTML body: in a merge thread (deps.workers.letterHtml), off the event loop. */
  readonly toHtml: (docx: Uint8Array, signal?: AbortSignal) => Promise<LetterHtml>;
  /** A letter as PDF: the LibreOffice pool (convert/pdf-converter.ts). */
  readonly toPdf: (docx: Uint8Array, signal?: AbortSignal) => Promise<Uint8Array>;
  readonly signal?: AbortSignal | undefined;
  /** Set when the job resends the entry: the message gets ids of its own (delivery-ids.ts). */
  readonly resendJobId?: string | undefined;
}

export type ComposedEmail =
  | { readonly kind: "message"; readonly message: MailMessage }
  | {
      /** skipped: never sent (opted out, no address...); failed: this line cannot be sent. */
      readonly kind: "skipped" | "failed";
      readonly reason: DeliveryReason;
      readonly to?: string | undefined;
      readonly subject: string;
    };

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const languageOf = (line: EmailLine): string | undefined =>
  line.entry.languageCode ?? line.contact?.languageCode;

const textValue = (value: MergeValue): string | undefined =>
  typeof value === "string" && value.trim() ? value : undefined;

/**
 * The subject: the request's, else the line's (the segment header's Subject (Default) when the
 * line has none, as the Log wrote the entry), else the interaction template's description, else
 * the entry's description; merge fields written in the line's language.
 */
export const emailSubjectOf = (line: EmailLine, choice: Pick<EmailChoice, "subject">): string => {
  const written =
    textValue(choice.subject) ??
    textValue(line.entry.subject) ??
    textValue(line.values["Template Description"]) ??
    line.entry.description;
  return renderMergeText(written, line.values, languageOf(line)).replace(/\s+/g, " ").trim();
};

/** An empty short body greets the contact in their language, as the letter's Greeting Line does. */
const shortBodyOf = (line: EmailLine, text: string): string => {
  const language = languageOf(line);
  if (text.trim()) return renderMergeText(text, line.values, language).trim();
  const c = line.contact;
  return formatGreetingLine(
    {
      kind: c?.type,
      salutation: c?.salutation,
      firstName: c?.firstName,
      middleName: c?.middleName,
      surname: c?.surname,
      name: c?.name ?? line.entry.contactName,
    },
    { language },
  );
};

const pdfNameOf = (fileName: string): string => fileName.replace(/\.docx$/i, "") + ".pdf";

/** The letter as the attachment chosen; a letter LibreOffice cannot convert fails this line. */
const attachmentOf = async (
  letter: { readonly fileName: string; readonly bytes: Uint8Array },
  format: "docx" | "pdf",
  context: ComposeContext,
): Promise<MailAttachment | DeliveryReason> => {
  if (format === "docx")
    return { fileName: letter.fileName, contentType: docxType, bytes: letter.bytes };
  try {
    const bytes = await context.toPdf(letter.bytes, context.signal);
    return { fileName: pdfNameOf(letter.fileName), contentType: "application/pdf", bytes };
  } catch (error) {
    if (error instanceof ConversionFailedError || error instanceof ConversionTimeoutError)
      return { code: "conversion_failed", message: error.message };
    throw error;
  }
};

/**
 * One entry's e-mail as it goes out (or why it does not): the merged letter as the HTML body,
 * or a short body with the letter attached. The ids are the entry's, so every attempt, and a
 * preview, builds the same message.
 */
export const composeEmail = async (
  line: EmailLine,
  choice: EmailChoice,
  context: ComposeContext,
): Promise<ComposedEmail> => {
  const subject = emailSubjectOf(line, choice);
  const to = line.contact?.email?.trim() || undefined;
  const skip = deliverySkipOf(line.entry, line.contact);
  if (skip) return { kind: "skipped", reason: skip, to, subject };
  if (!line.letter)
    return {
      kind: "failed",
      reason: {
        code: "no_letter",
        message: `Interaction log entry ${line.entry.entryNo} has no letter to send.`,
      },
      to,
      subject,
    };
  const language = languageOf(line);
  let body: { html: string; text: string };
  const attachments: MailAttachment[] = [];
  if (choice.email.kind === "letter") {
    const letter = await context.toHtml(line.letter.bytes, context.signal);
    body = { html: letter.body, text: letter.text };
  } else {
    const text = shortBodyOf(line, choice.email.text);
    body = { html: textAsHtml(text), text };
    const attachment = await attachmentOf(line.letter, choice.email.format, context);
    if (!("bytes" in attachment)) return { kind: "failed", reason: attachment, to, subject };
    attachments.push(attachment);
  }
  return {
    kind: "message",
    message: {
      deliveryId: deliveryIdOf(context.tenant, line.entry.entryNo, context.resendJobId),
      messageId: messageIdOf(
        context.tenant,
        line.entry.entryNo,
        context.messageIdDomain,
        context.resendJobId,
      ),
      to: { name: line.contact?.name ?? line.entry.contactName, address: to as string },
      subject,
      html: htmlDocument(body.html, language, subject),
      text: body.text,
      attachments,
      languageCode: language,
    },
  };
};
