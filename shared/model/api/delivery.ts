import { endpoint } from "../endpoint";
import { EmailPreview, EmailPreviewRequest } from "../delivery";
import { SegmentNoParams } from "../segment";

/** E-mail delivery: one contact's e-mail as it would go out, and (send15) the send jobs. */
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
};
