import type { MailMessage } from "../mail-transport";

/**
 * The MAPI named property that carries a line's delivery id on its Graph message: our own
 * property set GUID, so no other app's property can collide with it.
 */
export const deliveryIdPropertyId =
  "String {4c47fc00-988e-4532-801e-fab5d89998b1} Name MergelineDeliveryId";

/**
 * Graph takes at most 4 MB in one request; attachments travel base64 inside it, so about 3 MB
 * of files. Larger attachments need an upload session (createUploadSession), which the transport
 * does not do: it refuses such a message as too_large before any request.
 */
export const graphRequestLimitBytes = 4 * 1024 * 1024;
export const graphInlineAttachmentBytes = 3 * 1024 * 1024;

/** OData string literal: a quote is doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * The draft as Graph's message resource. internetMessageId is settable while the message is a
 * draft, so every attempt carries the line's Message-ID; Exchange keeps it when it sends.
 * Graph takes one body: Exchange writes the plain-text alternative itself, so message.text is
 * not sent.
 */
export const graphDraft = (message: MailMessage): string =>
  JSON.stringify({
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
    attachments: message.attachments.map((attachment) => ({
      "@odata.type": "#microsoft.graph.fileAttachment",
      name: attachment.fileName,
      contentType: attachment.contentType,
      contentBytes: Buffer.from(attachment.bytes).toString("base64"),
    })),
  });

/** Why Graph cannot take this message in one request, or undefined when it can. */
export const tooLargeForGraph = (message: MailMessage, draftJson: string): string | undefined => {
  const big = message.attachments.find((a) => a.bytes.byteLength > graphInlineAttachmentBytes);
  if (big)
    return `The attachment ${big.fileName} has ${big.bytes.byteLength} bytes; Mergeline sends attachments of up to ${graphInlineAttachmentBytes} bytes (3 MB) through Microsoft Graph.`;
  const bytes = Buffer.byteLength(draftJson);
  if (bytes > graphRequestLimitBytes)
    return `The message takes ${bytes} bytes as a Graph request; Microsoft Graph takes up to ${graphRequestLimitBytes} bytes (4 MB, about 3 MB of attachments) in one request.`;
  return undefined;
};
