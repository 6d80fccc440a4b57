import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { attachmentDisposition } from "../http/attachment-disposition";
import { defineHandler } from "../http/endpoint-handler";
import { uploadedFileName } from "../http/uploaded-file-name";
import { deleteLineAttachment, lineAttachment, uploadLineAttachment } from "./line-attachments";

export const uploadLineAttachmentHandler = defineHandler(
  api.uploadLineAttachment,
  async ({ identity, params, rawBody, request }, deps: AppDeps) => ({
    json: await uploadLineAttachment(
      deps,
      identity,
      params.no,
      params.lineNo,
      rawBody?.bytes ?? new Uint8Array(),
      uploadedFileName(request.headers, `${params.no}-${params.lineNo}.docx`),
    ),
  }),
);

export const downloadLineAttachmentHandler = defineHandler(
  api.downloadLineAttachment,
  async ({ identity, params }, deps: AppDeps) => {
    const { fileName, bytes } = await lineAttachment(deps, identity, params.no, params.lineNo);
    return {
      bytes,
      headers: { "content-disposition": attachmentDisposition(fileName) },
    };
  },
);

export const deleteLineAttachmentHandler = defineHandler(
  api.deleteLineAttachment,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await deleteLineAttachment(deps, identity, params.no, params.lineNo),
  }),
);
