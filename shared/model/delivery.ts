import { z } from "zod";
import { Code, IsoDateTime, LanguageTag } from "./common";

/**
 * How an e-mail line's letter goes into its message, as Word's "Merge to E-mail" (the letter as
 * the HTML body) and Business Central's Log with Send Attachments (a short body, the letter
 * attached). The short body and the subject may hold merge fields written as Word shows them:
 * «FirstName».
 */
export const EmailBody = z.discriminatedUnion("kind", [
  z.object({
    kind: z
      .literal("letter")
      .meta({ description: "The merged letter is the message's HTML body." }),
  }),
  z.object({
    kind: z.literal("attachment"),
    format: z.enum(["docx", "pdf"]).default("pdf"),
    text: z.string().max(10_000).default("").meta({
      description:
        "The short body above the attachment, with merge fields as «FirstName»; empty: a greeting line in the contact's language.",
    }),
  }),
]);
export type EmailBody = z.infer<typeof EmailBody>;

/** Where each correspondence type goes when a Log sends its attachments. */
export const SendAttachments = z.object({
  email: EmailBody.default({ kind: "attachment", format: "pdf", text: "" }),
  hardCopy: z.enum(["pdf", "document", "none"]).default("pdf").meta({
    description:
      "Hard-copy lines: merged into one PDF (or one .docx) for printing, as the send job's print file.",
  }),
  subject: z.string().max(250).optional().meta({
    description:
      "Overrides each line's subject (its own, else the header's Subject (Default), else the template's description); merge fields as «FirstName».",
  }),
});
export type SendAttachments = z.infer<typeof SendAttachments>;

/**
 * One line's delivery. "waiting": not yet tried (or due again after a throttle); "sending": a
 * transport has it (after a crash it is looked up, never blindly sent again); "skipped": never
 * sent, with the reason (opted out, no address, not an e-mail line).
 */
export const DeliveryState = z.enum([
  "waiting",
  "sending",
  "sent",
  "failed",
  "skipped",
  "canceled",
]);
export type DeliveryState = z.infer<typeof DeliveryState>;

export const DeliveryReason = z.object({
  code: z.string().meta({
    description:
      "Stable, the pane translates by it: opted_out, no_address, invalid_address, too_large, transport_not_configured, auth_failed, consent_missing, recipient_rejected, conversion_failed, hard_copy...",
  }),
  message: z.string(),
});
export type DeliveryReason = z.infer<typeof DeliveryReason>;

export const Delivery = z.object({
  entryNo: z.number().int().min(1).meta({ description: "The interaction log entry it delivers." }),
  contactNo: Code,
  contactName: z.string(),
  email: z.string().optional(),
  languageCode: LanguageTag.optional(),
  state: DeliveryState,
  reason: DeliveryReason.optional(),
  attempts: z.number().int().min(0),
  messageId: z
    .string()
    .optional()
    .meta({ description: "The Message-ID every attempt for this line carries." }),
  sentAt: IsoDateTime.optional(),
});
export type Delivery = z.infer<typeof Delivery>;

export const SendJobState = z.enum(["queued", "sending", "paused", "done", "canceled"]);

export const SendJob = z.object({
  id: z.string(),
  loggedSegmentEntryNo: z.number().int(),
  state: SendJobState.meta({
    description:
      "paused: the mailbox's allowance is used up (or it throttled us) until resumesAt; done: every line is sent, failed, skipped or canceled.",
  }),
  transport: z.enum(["graph", "smtp", "none"]),
  counts: z.object({
    total: z.number().int(),
    waiting: z.number().int(),
    sending: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    canceled: z.number().int(),
  }),
  problem: DeliveryReason.optional().meta({
    description: "What stops the whole job (no transport, a bad password, consent missing).",
  }),
  resumesAt: IsoDateTime.optional(),
  estimatedFinishAt: IsoDateTime.optional().meta({
    description: "When the last message should go, at the mailbox's pace and daily allowance.",
  }),
  printFile: z
    .object({ fileName: z.string(), contentType: z.string(), bytes: z.number().int() })
    .optional()
    .meta({ description: "The hard-copy lines' letters for printing: GET .../print-file." }),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.optional(),
  userId: z.string(),
  etag: z.string(),
});
export type SendJob = z.infer<typeof SendJob>;

/** A job id is a UUID, or log-<entryNo> for a Log's: letters, digits and - only (it names documents). */
export const SendJobParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/),
});

export const DeliveryListQuery = z.object({
  state: DeliveryState.optional(),
  continuation: z.string().max(4000).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const SendLoggedSegmentRequest = SendAttachments.extend({
  jobId: z.uuid().optional().meta({
    description: "Choose the job's id; a repeat with the same id answers the same job.",
  }),
});

/** One contact's e-mail as it would go out: Preview in the pane. */
export const EmailPreview = z.object({
  to: z.string().optional(),
  subject: z.string(),
  html: z.string(),
  attachments: z.array(
    z.object({ fileName: z.string(), contentType: z.string(), bytes: z.number().int() }),
  ),
  skipped: DeliveryReason.optional().meta({
    description: "Why this contact would get no e-mail (opted out, no address...).",
  }),
});
export type EmailPreview = z.infer<typeof EmailPreview>;

export const EmailPreviewRequest = z.object({
  contactNo: Code,
  email: EmailBody.default({ kind: "attachment", format: "pdf", text: "" }),
  subject: z.string().max(250).optional(),
});
