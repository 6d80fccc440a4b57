import type { MailAttachment, MailMessage } from "../mail-transport";

/**
 * The MAPI named property that carries a line's delivery id on its Graph message: our own
 * property set GUID, so no other app's property can collide with it.
 */
export const deliveryIdPropertyId =
  "String {4c47fc00-988e-4532-801e-fab5d89998b1} Name MergelineDeliveryId";

const megabyte = 1024 * 1024;
/** Graph takes at most 4 MB in one request, base64 attachments included. */
export const graphRequestLimitBytes = 4 * megabyte;
/** Larger attachments go through an upload session (createUploadSession). */
export const graphInlineAttachmentBytes = 3 * megabyte;
/** The most one upload session takes. */
export const graphUploadSessionBytes = 150 * megabyte;
/** Room left in a request for the message's own JSON around the attachments. */
const envelopeBytes = 64 * 1024;

/** OData string literal: a quote is doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

export const fileAttachmentJson = (attachment: MailAttachment) => ({
  "@odata.type": "#microsoft.graph.fileAttachment",
  name: attachment.fileName,
  contentType: attachment.contentType,
  contentBytes: Buffer.from(attachment.bytes).toString("base64"),
});

/** The draft to create, and the attachments that do not fit its request and are added after. */
export interface DraftPlan {
  readonly json: string;
  readonly later: readonly MailAttachment[];
}

/**
 * The draft as Graph's message resource. internetMessageId is settable while the message is a
 * draft, so every attempt carries the line's Message-ID. Graph takes one body: Exchange writes
 * the plain-text alternative itself, so message.text is not sent. Attachments ride in the
 * create request while it stays under 4 MB: then the draft is complete the moment it exists.
 */
export const planDraft = (message: MailMessage): DraftPlan => {
  let room = graphRequestLimitBytes - envelopeBytes - Buffer.byteLength(message.html) * 2;
  const inline: MailAttachment[] = [];
  const later: MailAttachment[] = [];
  for (const attachment of message.attachments) {
    const size = base64Length(attachment.bytes.byteLength);
    if (attachment.bytes.byteLength <= graphInlineAttachmentBytes && size <= room) {
      inline.push(attachment);
      room -= size;
    } else later.push(attachment);
  }
  const json = JSON.stringify({
    subject: message.subject,
    body: { contentType: "HTML", content: message.html },
    toRecipients: [
      {
        emailAddress: {
          address: message.to.address,
          ...(message.to.name ? { name: message.to.name } : {}),
        },
      },
    ],
    internetMessageId: message.messageId,
    singleValueExtendedProperties: [{ id: deliveryIdPropertyId, value: message.deliveryId }],
    attachments: inline.map(fileAttachmentJson),
  });
  return { json, later };
};

/** Why Graph cannot take this message, or undefined when it can. */
export const tooLargeForGraph = (
  message: MailMessage,
  plan: DraftPlan,
  maxMessageBytes: number,
): string | undefined => {
  const total =
    Buffer.byteLength(message.html) +
    message.attachments.reduce((sum, a) => sum + a.bytes.byteLength, 0);
  if (total > maxMessageBytes)
    return `The message has ${total} bytes; the mailbox takes messages of up to ${maxMessageBytes} bytes (GRAPH_MAX_MESSAGE_BYTES; Exchange Online's default is 35 MB).`;
  const huge = message.attachments.find((a) => a.bytes.byteLength > graphUploadSessionBytes);
  if (huge)
    return `The attachment ${huge.fileName} has ${huge.bytes.byteLength} bytes; Microsoft Graph takes attachments of up to ${graphUploadSessionBytes} bytes (150 MB).`;
  if (Buffer.byteLength(plan.json) > graphRequestLimitBytes)
    return `The message body takes ${Buffer.byteLength(plan.json)} bytes as a Graph request; Microsoft Graph takes up to ${graphRequestLimitBytes} bytes (4 MB) in one request.`;
  return undefined;
};
