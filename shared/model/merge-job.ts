import { z } from "zod";
import { Code, IsoDateTime, LanguageTag } from "./common";
import { FieldMatches, FieldMatchSuggestion } from "./field-match";
import { IssueGroup } from "./issue-group";
import { JobFailure } from "./job-failure";
import { LabelOptions } from "./label-sheet";

/** Where the letter comes from: an uploaded .docx, or an interaction template's attachment. */
export const MergeTemplateSource = z.union([
  z.object({
    documentBase64: z.string().min(1).meta({ description: "A .docx, base64." }),
    fileName: z.string().max(200).optional(),
    fieldMatches: FieldMatches.optional().meta({
      description:
        "Match Fields for this letter: each of its fields that is not Mergeline's, to a Mergeline field or null (leave empty). A template's letter keeps its own (PUT .../field-matches).",
    }),
  }),
  z.object({ interactionTemplateCode: Code, languageCode: LanguageTag.optional() }),
]);

/**
 * What a merge on the server produces: one document with a section per letter, one .docx per
 * contact zipped, or sheets of labels (one per contact). Each kind is one file in
 * functions/merge/outputs/; the pane offers the same.
 */
export const MergeOutputKind = z
  .enum(["document", "perContact", "labels", "documentPdf", "perContactPdf"])
  .meta({
    description:
      "document: one .docx, a section per letter; perContact: a .docx per contact, zipped; labels: address labels; documentPdf: the one document as PDF; perContactPdf: a PDF per contact, zipped (named as perContact's files).",
  });
export type MergeOutputKind = z.infer<typeof MergeOutputKind>;

export const MergeRequest = z.object({
  jobId: z.uuid().optional().meta({
    description:
      "Choose the job's id, to follow its progress at /merge-jobs/{id} while this request runs; a repeat with the same id answers the same job.",
  }),
  template: MergeTemplateSource.optional().meta({
    description:
      "Absent: the segment's interaction template's attachment in the header's language.",
  }),
  output: MergeOutputKind.default("document"),
  labels: LabelOptions.optional().meta({
    description:
      'With output "labels": the sheet and what goes on each label (A4 3 × 8 address labels when absent). Read only for that output.',
  }),
  keep: z.boolean().default(false).meta({
    description: "Keep each contact's merged letter for the record; Log then references it.",
  }),
});

/** One thing Check for Errors found: a field no record provides, an empty value, an e-mail line without an address... */
export const MergeIssue = z.object({
  code: z.string().meta({
    description:
      "Stable: the pane translates by it (field_without_data, empty_values, email_without_address...).",
  }),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional(),
  record: z
    .number()
    .int()
    .optional()
    .meta({ description: "0-based index of the letter it is about." }),
  lineNo: z.number().int().optional(),
});

export const MergeCheck = z.object({
  records: z.number().int(),
  fields: z.array(z.string()),
  issues: z.array(MergeIssue),
  groups: z.array(IssueGroup).default([]).meta({
    description: "The issues by code and field: count, the first lines, a hint for the fix.",
  }),
  unmatched: z.array(FieldMatchSuggestion).default([]).meta({
    description:
      "The letter's fields that are not Mergeline's and have no match, each with a suggestion: the merge refuses them until each is matched or left empty.",
  }),
});

/** A line whose letter is not in the result, and why: the rest of the job went on. */
export const MergeFailedLine = z.object({
  lineNo: z.number().int(),
  contactNo: Code,
  contactName: z.string(),
  reason: z.object({
    code: z.string().meta({
      description:
        "Stable, the pane translates by it: conversion_failed (LibreOffice made no PDF).",
    }),
    message: z.string(),
  }),
});
export type MergeFailedLine = z.infer<typeof MergeFailedLine>;

export const MergeJob = z.object({
  id: z.string(),
  segmentNo: Code,
  loggedSegmentEntryNo: z.number().int().optional().meta({
    description:
      "Set when the job resends a logged segment's letters (POST /logged-segments/{entryNo}/resend).",
  }),
  status: z.enum(["queued", "running", "done", "failed", "canceled"]),
  output: MergeOutputKind,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  issues: z.array(MergeIssue),
  result: z
    .object({ fileName: z.string(), contentType: z.string(), size: z.number().int() })
    .optional(),
  error: z.string().optional(),
  failure: JobFailure.optional().meta({
    description:
      "Why a failed job failed. server_stopped: the server running it stopped (its lease ran out); no result was kept, and merging again makes the whole file anew. error: an error ended it (see error).",
  }),
  failedLines: z.array(MergeFailedLine).optional().meta({
    description:
      "perContactPdf: the letters LibreOffice could not convert, left out of the zip; the others are in it.",
  }),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.optional(),
});
export type MergeJob = z.infer<typeof MergeJob>;

export const MergeJobParams = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: "must be a merge job id" }),
});

/** The values one contact's letter is merged with, for the pane's preview and in-Word merge. */
/** The line has its own letter (a unique attachment), which goes out instead of the segment's. */
const OwnLetter = z
  .object({ fileName: z.string() })
  .meta({ description: "The line's own letter, which goes out instead of the segment's." });

export const MergeRecordData = z.object({
  lineNo: z.number().int(),
  contactNo: Code,
  name: z.string(),
  language: LanguageTag.optional(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  ownLetter: OwnLetter.optional(),
});
export const MergeDataQuery = z.object({
  top: z.coerce.number().int().min(1).max(1000).default(100),
  continuationToken: z.string().max(4096).optional(),
  lineNo: z.coerce.number().int().min(1).optional(),
});

/** The fields a letter may use, grouped as the pane's field list shows them. */
export const MergeFieldInfo = z.object({
  name: z.string(),
  group: z.enum(["contact", "company", "line", "template", "salesperson", "date"]),
  label: z.object({ "en-US": z.string(), "da-DK": z.string() }),
});
