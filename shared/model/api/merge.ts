import { z } from "zod";
import { page } from "../common";
import { endpoint } from "../endpoint";
import {
  MergeCheck,
  MergeDataQuery,
  MergeFieldInfo,
  MergeJob,
  MergeJobParams,
  MergeRecordData,
  MergeRequest,
} from "../merge-job";
import { SegmentNoParams } from "../segment";
import { docxType } from "./docx-type";

/**
 * Mail merge: the fields a letter can use, each line's values, checking and merging a letter,
 * and the merge jobs that result.
 */
export const mergeEndpoints = {
  listMergeFields: endpoint({
    method: "GET",
    path: "/merge/fields",
    tag: "Merge",
    summary: "The fields a letter can use: contact, company, line, template, salesperson, date.",
    response: z.object({ items: z.array(MergeFieldInfo) }),
    status: 200,
  }),
  getMergeData: endpoint({
    method: "GET",
    path: "/segments/{no}/merge-data",
    tag: "Merge",
    summary:
      "Each line's merge values, a page at a time (or one line), for preview and merge in Word.",
    params: SegmentNoParams,
    query: MergeDataQuery,
    response: page(MergeRecordData),
    status: 200,
  }),
  checkMerge: endpoint({
    method: "POST",
    path: "/segments/{no}/merge-check",
    tag: "Merge",
    summary: "Check for errors before merging, as Word does.",
    params: SegmentNoParams,
    body: MergeRequest,
    maxBodyBytes: 30 * 1024 * 1024,
    response: MergeCheck,
    status: 200,
    rateLimit: "merge",
  }),
  startMerge: endpoint({
    method: "POST",
    path: "/segments/{no}/merge",
    tag: "Merge",
    summary:
      "Merge the segment into the letter: one document, or one per contact zipped; or print a label per contact. Answers the finished job; send a jobId to follow its progress at /merge-jobs/{id} meanwhile.",
    params: SegmentNoParams,
    body: MergeRequest,
    maxBodyBytes: 30 * 1024 * 1024,
    response: MergeJob,
    status: 200,
    rateLimit: "merge",
  }),
  getMergeJob: endpoint({
    method: "GET",
    path: "/merge-jobs/{id}",
    tag: "Merge",
    summary: "A merge job's progress and result.",
    params: MergeJobParams,
    response: MergeJob,
    status: 200,
  }),
  downloadMergeResult: endpoint({
    method: "GET",
    path: "/merge-jobs/{id}/result",
    tag: "Merge",
    summary: "The merged .docx, or the zip of one .docx per contact.",
    params: MergeJobParams,
    responseType: docxType,
    status: 200,
  }),
  cancelMergeJob: endpoint({
    method: "POST",
    path: "/merge-jobs/{id}/cancel",
    tag: "Merge",
    summary: "Stop a running merge.",
    params: MergeJobParams,
    response: MergeJob,
    status: 200,
  }),
} as const;
