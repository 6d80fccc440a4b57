import { SegmentNoParams } from "../segment";
import { endpoint } from "../endpoint";
import { SegmentLetter } from "../segment-letter";
import { docxType } from "./docx-type";

/** The segment's working letter outside Word: one .docx per segment, versioned. */
export const segmentLetterEndpoints = {
  getSegmentLetter: endpoint({
    method: "GET",
    path: "/segments/{no}/letter",
    tag: "Segments",
    summary:
      "The segment's letter for the browser and Teams (its file name, version and ETag); 404 while it has none.",
    params: SegmentNoParams,
    response: SegmentLetter,
    status: 200,
  }),
  downloadSegmentLetter: endpoint({
    method: "GET",
    path: "/segments/{no}/letter/content",
    tag: "Segments",
    summary: "The segment's letter itself (.docx).",
    params: SegmentNoParams,
    responseType: docxType,
    status: 200,
  }),
  putSegmentLetter: endpoint({
    method: "PUT",
    path: "/segments/{no}/letter",
    tag: "Segments",
    summary:
      "Keep this .docx (the body, up to 20 MiB) as the segment's letter, as a new version. Replacing a letter needs its ETag in If-Match (412 when a colleague replaced it meanwhile); the first letter is sent without If-Match.",
    params: SegmentNoParams,
    bodyTypes: [docxType, "application/octet-stream"],
    maxBodyBytes: 20 * 1024 * 1024,
    rateLimit: "upload",
    ifMatch: "optional",
    response: SegmentLetter,
    status: 200,
  }),
  deleteSegmentLetter: endpoint({
    method: "DELETE",
    path: "/segments/{no}/letter",
    tag: "Segments",
    summary: "Remove the segment's letter (If-Match: the version you read).",
    params: SegmentNoParams,
    ifMatch: "required",
    status: 204,
  }),
} as const;
