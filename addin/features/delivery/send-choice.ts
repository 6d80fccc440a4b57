import type { SendAttachments } from "@shared/model/delivery";

/**
 * What the user chose for Send Attachments, kept whole while they switch between options (the
 * short body survives a detour to "letter as body"); `toSendAttachments` is what goes out.
 */
export interface SendChoice {
  readonly body: "letter" | "attachment";
  readonly format: "pdf" | "docx";
  /** The short body above the attachment, merge fields as «Field». */
  readonly text: string;
  /** Empty: each line's own subject. */
  readonly subject: string;
  readonly hardCopy: SendAttachments["hardCopy"];
}

/** Business Central's default: the letter attached (as PDF here) to a short greeting. */
export const DEFAULT_SEND_CHOICE: SendChoice = {
  body: "attachment",
  format: "pdf",
  text: "",
  subject: "",
  hardCopy: "pdf",
};

export const emailBodyOf = (choice: SendChoice): SendAttachments["email"] =>
  choice.body === "letter"
    ? { kind: "letter" }
    : { kind: "attachment", format: choice.format, text: choice.text };

export const toSendAttachments = (choice: SendChoice): SendAttachments => {
  const subject = choice.subject.trim();
  return {
    email: emailBodyOf(choice),
    hardCopy: choice.hardCopy,
    ...(subject ? { subject } : {}),
  };
};
