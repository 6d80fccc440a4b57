import type { Delivery, EmailPreview, SendJob } from "@shared/model/delivery";
import type { LogOutcome } from "@shared/model/logging";

/** A send job as GET /send-jobs/{id} answers it (typed by the contract). */
export const aSendJob = (overrides: Partial<SendJob> = {}): SendJob => ({
  id: "job-1",
  loggedSegmentEntryNo: 7,
  state: "sending",
  transport: "smtp",
  counts: { total: 10, waiting: 5, sending: 1, sent: 3, failed: 1, skipped: 0, canceled: 0 },
  createdAt: "2026-03-02T09:00:00Z",
  userId: "demo",
  etag: '"1"',
  ...overrides,
});

export const aDelivery = (overrides: Partial<Delivery> = {}): Delivery => ({
  entryNo: 101,
  contactNo: "KT0001",
  contactName: "Jens Hansen",
  email: "jens@example.com",
  state: "sent",
  attempts: 1,
  sentAt: "2026-03-02T09:01:00Z",
  ...overrides,
});

export const aPreview = (overrides: Partial<EmailPreview> = {}): EmailPreview => ({
  to: "jens@example.com",
  subject: "Spring news for Jens",
  html: "<p>Dear Jens,</p><script>parent.document.title='owned'</script>",
  attachments: [{ fileName: "Spring letter.pdf", contentType: "application/pdf", bytes: 20480 }],
  ...overrides,
});

export const aLogOutcome = (overrides: Partial<LogOutcome> = {}): LogOutcome => ({
  loggedSegment: {
    entryNo: 7,
    segmentNo: "MG0001",
    description: "Spring letter",
    createdAt: "2026-03-02T09:00:00Z",
    userId: "demo",
    noOfInteractions: 10,
    noOfCampaignEntries: 0,
    canceled: false,
    etag: '"1"',
  },
  replayed: false,
  ...overrides,
});
