import { z } from "zod";
import { page } from "../common";
import {
  Delivery,
  DeliveryListQuery,
  EmailPreview,
  EmailPreviewRequest,
  SendJob,
  SendJobParams,
  SendLoggedSegmentRequest,
} from "../delivery";
import { endpoint } from "../endpoint";
import { LoggedSegmentParams } from "../logging";
import { EntryNoParams } from "../resend";
import { SegmentNoParams } from "../segment";

// --- Send jobs (send15) ------------------------------------------------------------------------

/** A logged segment's e-mail lines sent as a durable, paced job, and the job's lines. */
export const sendJobEndpoints = {
  sendLoggedSegment: endpoint({
    method: "POST",
    path: "/logged-segments/{entryNo}/send",
    tag: "Delivery",
    summary:
      "Send the logged segment's e-mail lines (Business Central's Log with Send Attachments, after the fact) as a send job on the queue, at the mailbox's pace. A repeat with the same jobId answers the same job; while another job sends the logged segment, 409 names it.",
    params: LoggedSegmentParams,
    body: SendLoggedSegmentRequest,
    response: SendJob,
    status: 202,
    rateLimit: "merge",
  }),
  listLoggedSegmentSendJobs: endpoint({
    method: "GET",
    path: "/logged-segments/{entryNo}/send-jobs",
    tag: "Delivery",
    summary: "The logged segment's send jobs, newest first.",
    params: LoggedSegmentParams,
    response: z.object({ items: z.array(SendJob) }),
    status: 200,
  }),
  getSendJob: endpoint({
    method: "GET",
    path: "/send-jobs/{id}",
    tag: "Delivery",
    summary:
      "A send job: its state, counts per line state, a problem that stops it, when it resumes and should finish.",
    params: SendJobParams,
    response: SendJob,
    status: 200,
  }),
  listSendJobDeliveries: endpoint({
    method: "GET",
    path: "/send-jobs/{id}/deliveries",
    tag: "Delivery",
    summary:
      "The job's lines by entry No., each with its delivery state, reason, Message-ID and time sent.",
    params: SendJobParams,
    query: DeliveryListQuery,
    response: page(Delivery),
    status: 200,
  }),
  cancelSendJob: endpoint({
    method: "POST",
    path: "/send-jobs/{id}/cancel",
    tag: "Delivery",
    summary: "Cancel the job: lines still waiting are canceled; messages already in flight finish.",
    params: SendJobParams,
    response: SendJob,
    status: 200,
  }),
  retrySendJob: endpoint({
    method: "POST",
    path: "/send-jobs/{id}/retry",
    tag: "Delivery",
    summary:
      "Send the failed lines again; a job a problem stopped (a bad password, consent missing) sends on.",
    params: SendJobParams,
    response: SendJob,
    status: 200,
  }),
  resendEntryByEmail: endpoint({
    method: "POST",
    path: "/interaction-log-entries/{entryNo}/send",
    tag: "Delivery",
    summary:
      "Resend one e-mail entry's letter by e-mail (Business Central's Resend Attachments): a send job of that one line, on the queue, with the same Message-ID as before. Nothing new is logged.",
    params: EntryNoParams,
    body: SendLoggedSegmentRequest,
    response: SendJob,
    status: 202,
    rateLimit: "merge",
  }),
  getSendJobPrintFile: endpoint({
    method: "GET",
    path: "/send-jobs/{id}/print-file",
    tag: "Delivery",
    summary: "The hard-copy lines' letters merged for printing: one PDF (or .docx).",
    params: SendJobParams,
    responseType: "application/pdf",
    status: 200,
  }),
} as const;

// --- end send jobs ---------------------------------------------------------------------------

/** E-mail delivery: one contact's e-mail as it would go out, and the send jobs. */
export const deliveryEndpoints = {
  previewEmail: endpoint({
    method: "POST",
    path: "/segments/{no}/email-preview",
    tag: "Delivery",
    summary:
      "One contact's e-mail as it would go out: the subject, the HTML body and the attachments with their sizes, or why the contact gets none.",
    params: SegmentNoParams,
    body: EmailPreviewRequest,
    response: EmailPreview,
    status: 200,
    rateLimit: "merge",
  }),
  ...sendJobEndpoints,
} as const;
