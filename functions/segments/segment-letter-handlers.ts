import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { attachmentDisposition } from "../http/attachment-disposition";
import { defineHandler } from "../http/endpoint-handler";
import { uploadedFileName } from "../http/uploaded-file-name";
import {
  deleteSegmentLetter,
  putSegmentLetter,
  segmentLetter,
  segmentLetterContent,
} from "./segment-letter";

export const getSegmentLetterHandler = defineHandler(
  api.getSegmentLetter,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await segmentLetter(deps, identity, params.no),
  }),
);

export const downloadSegmentLetterHandler = defineHandler(
  api.downloadSegmentLetter,
  async ({ identity, params }, deps: AppDeps) => {
    const { fileName, bytes } = await segmentLetterContent(deps, identity, params.no);
    return { bytes, headers: { "content-disposition": attachmentDisposition(fileName) } };
  },
);

export const putSegmentLetterHandler = defineHandler(
  api.putSegmentLetter,
  async ({ identity, params, rawBody, request, ifMatch }, deps: AppDeps) => ({
    json: await putSegmentLetter(
      deps,
      identity,
      params.no,
      rawBody?.bytes ?? new Uint8Array(),
      uploadedFileName(request.headers, `${params.no}.docx`),
      ifMatch,
    ),
  }),
);

export const deleteSegmentLetterHandler = defineHandler(
  api.deleteSegmentLetter,
  async ({ identity, params, ifMatch }, deps: AppDeps) => {
    await deleteSegmentLetter(deps, identity, params.no, ifMatch);
    return {};
  },
);
