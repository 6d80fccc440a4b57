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

// ── pane15's block ─────────────────────────────────────────────────────────────────────────────
// The delivery endpoints as the pane calls them, written from the paths in the notes
// (COMMON.md, "Issue 15 specifics") so the pane's typed client compiles before the server has
// them. Not listed in index.ts: nothing on this branch serves them (the pane's client adds them
// to the contract it calls, addin/api/client-endpoints.ts). The lead reconciles this block with
// send15's and mail15's entries and lists the result in `api`; the names are COMMON's.

/** An e-mail resend is a one-line send job; a download resend stays resendEntry. */
const ResendEntryByEmailRequest = z.object({ via: z.literal("email") });

export const paneDeliveryEndpoints = {
  sendLoggedSegment: endpoint({
    method: "POST",
    path: "/logged-segments/{entryNo}/send",
    tag: "Delivery",
    summary:
      "Send a logged segment's letters: e-mail lines by e-mail, hard-copy lines into one print file, as a send job.",
    params: LoggedSegmentParams,
    body: SendLoggedSegmentRequest,
    response: SendJob,
    status: 202,
  }),
  listSendJobs: endpoint({
    method: "GET",
    path: "/logged-segments/{entryNo}/send-jobs",
    tag: "Delivery",
    summary: "A logged segment's send jobs, newest first.",
    params: LoggedSegmentParams,
    response: z.object({ items: z.array(SendJob) }),
    status: 200,
  }),
  getSendJob: endpoint({
    method: "GET",
    path: "/send-jobs/{id}",
    tag: "Delivery",
    summary: "A send job's progress: counts per state, pause, problem, print file.",
    params: SendJobParams,
    response: SendJob,
    status: 200,
  }),
  listDeliveries: endpoint({
    method: "GET",
    path: "/send-jobs/{id}/deliveries",
    tag: "Delivery",
    summary: "A send job's lines, a page at a time, optionally of one state.",
    params: SendJobParams,
    query: DeliveryListQuery,
    response: page(Delivery),
    status: 200,
  }),
  cancelSendJob: endpoint({
    method: "POST",
    path: "/send-jobs/{id}/cancel",
    tag: "Delivery",
    summary: "Stop sending: waiting lines become canceled; sent ones stay sent.",
    params: SendJobParams,
    response: SendJob,
    status: 200,
  }),
  retrySendJob: endpoint({
    method: "POST",
    path: "/send-jobs/{id}/retry",
    tag: "Delivery",
    summary: "Send the failed lines again.",
    params: SendJobParams,
    response: SendJob,
    status: 200,
  }),
  downloadPrintFile: endpoint({
    method: "GET",
    path: "/send-jobs/{id}/print-file",
    tag: "Delivery",
    summary: "The hard-copy lines' letters for printing: one PDF (or .docx).",
    params: SendJobParams,
    responseType: "application/pdf",
    status: 200,
  }),
  emailPreview: endpoint({
    method: "POST",
    path: "/segments/{no}/email-preview",
    tag: "Delivery",
    summary: "One contact's e-mail as it would go out, or why it would not.",
    params: SegmentNoParams,
    body: EmailPreviewRequest,
    response: EmailPreview,
    status: 200,
  }),
  resendEntryByEmail: endpoint({
    method: "POST",
    path: "/interaction-log-entries/{entryNo}/resend",
    tag: "Delivery",
    summary: "Resend one entry's letter by e-mail: a send job of one line.",
    params: EntryNoParams,
    body: ResendEntryByEmailRequest,
    response: SendJob,
    status: 202,
  }),
} as const;
// ── end of pane15's block ──────────────────────────────────────────────────────────────────────
