import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { MergeIssue } from "@shared/merge/index";
import type {
  MergeIssue as ApiMergeIssue,
  MergeJob,
  MergeOutputKind,
  MergeRequest,
} from "@shared/model/merge-job";
import type { AppDeps } from "../app-deps";
import { ConflictError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { newDocumentId, storedDocumentId, type DocumentId } from "../store/document-names";
import type { StoredLine } from "../store/segment-repository";
import { mergedLetterIdOf } from "../segments/line-letter-ids";
import { withSegmentLock } from "../segments/segment-lock";
import { assertOpen } from "../segments/segment-service";
import { letterRecords, toMergeRecord, type LetterRecord } from "./letter-records";
import { checkEachLetter } from "./check-each-letter";
import { recordsForEachLetter, resolveLineLetters, type LineLetters } from "./line-letters";
import { resolveTemplate } from "./merge-template";
import { printableLabelGrid } from "./outputs/labels";
import { mergeOutputs } from "./outputs/merge-outputs";
import { ownLetterIssues } from "./own-letters";
import { currentJob, publicJob, repeatedJob, runJob } from "./merge-job-run";
import { assertNotLogged } from "../segments/segment-history";
import { groupIssues } from "@shared/model/issue-group";
import { mergeCheckHint } from "./merge-check-hints";
import { leftEmpty, unmatchedFields } from "@shared/letter/field-matching";
import { normalizeFieldName } from "@shared/merge/fields/field-name";
import type { FieldMatchSuggestion } from "@shared/model/field-match";
import { assertAllMatched, assertMatchesValid, withFieldMatches } from "./letter-field-matches";
import type { LetterBytes } from "./merge-template";
import { customKeysOf } from "@shared/letter/merge-fields";

type Request = z.infer<typeof MergeRequest>;

/** Page of lines with their merge values, for the pane's preview and in-Word merge. */
export const mergeData = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  q: { top: number; continuationToken?: string | undefined; lineNo?: number | undefined },
) => {
  const tenant = identity.tenantId;
  const header = assertNotLogged(await deps.store.segments.headers.get(tenant, segmentNo));
  const page = q.lineNo
    ? {
        items: [
          (await deps.store.segments.allLines<StoredLine>(tenant, segmentNo)).find(
            (l) => l.lineNo === q.lineNo,
          ),
        ].filter((l): l is StoredLine => !!l),
      }
    : await deps.store.segments.listLines(
        tenant,
        segmentNo,
        {},
        q.top,
        q.continuationToken,
        "lineNo",
      );
  const records = await letterRecords(deps, tenant, header, page.items as StoredLine[]);
  return {
    items: records.map((r) => ({
      lineNo: r.line.lineNo,
      contactNo: r.line.contactNo,
      name: r.name,
      ...(r.language ? { language: r.language } : {}),
      values: r.values,
      ...(r.line.attachment?.kind === "unique"
        ? { ownLetter: { fileName: r.line.attachment.fileName } }
        : {}),
    })),
    ...("continuationToken" in page && page.continuationToken
      ? { continuationToken: page.continuationToken }
      : {}),
  };
};

/** Check for Errors in a merge thread: the letter's field names and every issue found. */
const checkLetters = async (
  deps: AppDeps,
  letter: LetterBytes,
  records: readonly LetterRecord[],
  signal: AbortSignal | undefined,
  lineLetters: LineLetters | undefined,
  output: MergeOutputKind,
) => {
  const notes = {
    emailField: "E-Mail",
    email: records.map((r) => r.line.correspondenceType === "email"),
    names: records.map((r) => `${r.line.contactNo} ${r.name}`),
    documentPerRecord: output === "perContact",
  };
  const { fieldNames, issues } =
    lineLetters && lineLetters.letters.length > 1
      ? await checkEachLetter(
          deps,
          lineLetters,
          recordsForEachLetter(lineLetters, records).map(toMergeRecord),
          notes,
          signal,
        )
      : await deps.workers.check(
          letter.bytes,
          records.map(toMergeRecord),
          { ...notes, leftEmpty: leftEmpty(letter.matches) },
          signal,
        );
  return {
    fieldNames,
    issues: [...engineIssues(issues, records), ...ownLetterIssues(records)],
  };
};

const engineIssues = (issues: readonly MergeIssue[], records: readonly LetterRecord[]) =>
  issues.map((issue) => ({
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    params: Object.fromEntries(
      Object.entries(issue.params).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]),
    ) as Record<string, string | number | string[]>,
    ...(issue.record !== undefined
      ? { record: issue.record, lineNo: records[issue.record]?.line.lineNo }
      : {}),
  }));

/**
 * The letter's unmatched fields are Match Fields' business: one `field_unmatched` error each,
 * with the suggestion, in place of the engine's "not in the data source; it will be left empty"
 * (the merge refuses them instead).
 */
type CheckedIssue = z.infer<typeof ApiMergeIssue>;

const withUnmatched = (
  issues: readonly CheckedIssue[],
  unmatched: readonly FieldMatchSuggestion[],
): CheckedIssue[] => {
  const names = new Set(unmatched.map((u) => normalizeFieldName(u.field)));
  return [
    ...unmatched.map((u) => ({
      code: "field_unmatched",
      severity: "error" as const,
      message:
        `The letter's field "${u.field}" is not a Mergeline field: match it` +
        (u.suggestion ? ` (suggested: ${u.suggestion})` : "") +
        " or leave it empty before merging.",
      params: {
        field: u.field,
        reason: u.reason,
        ...(u.suggestion ? { suggestion: u.suggestion } : {}),
      },
    })),
    ...issues
      .map((i): CheckedIssue => ({ ...i, params: { ...i.params } }))
      .filter(
        (i) =>
          !(
            i.code === "field_without_data" &&
            typeof i.params?.["field"] === "string" &&
            names.has(normalizeFieldName(i.params["field"]))
          ),
      ),
  ];
};

/**
 * The fields of a line's other letter (its own template's, another language's, its own upload)
 * that nothing matches: one `field_unmatched` error each, naming the letter and its lines. The
 * pane's Match Fields edits the segment's letter; these are matched on their template.
 */
const otherLettersUnmatched = (lineLetters: LineLetters | undefined): CheckedIssue[] =>
  (lineLetters?.unmatched ?? []).flatMap((u) =>
    u.fields.map((f) => ({
      code: "field_unmatched",
      severity: "error" as const,
      message:
        `Lines ${u.lines.join(", ")}: ${u.letter} has the field "${f.field}", which is not a ` +
        "Mergeline field: match it on the template's letter or leave it empty before merging.",
      params: {
        field: f.field,
        reason: f.reason,
        letter: u.letter,
        ...(f.suggestion ? { suggestion: f.suggestion } : {}),
      },
    })),
  );

/** What a Check for Errors finding is grouped by: its rule, and each field it names. */
const groupable = (issue: CheckedIssue, contactNo?: string) => {
  const base = {
    rule: issue.code,
    severity: issue.severity,
    message: issue.message,
    lineNo: issue.lineNo,
    contactNo,
  };
  const params = issue.params ?? {};
  const fields = params["fields"];
  // One contact's "Personal Note, Salutation are empty" counts once under each field.
  if (issue.code === "empty_values" && Array.isArray(fields))
    return fields.map((field) => ({ ...base, field, message: `${field} is empty.` }));
  const field = params["field"];
  return [{ ...base, field: typeof field === "string" ? field : undefined }];
};

/** Word's Check for Errors, for the whole segment: a list the user reads before merging. */
export const checkSegmentMerge = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  request: Request,
) => {
  const tenant = identity.tenantId;
  const header = assertNotLogged(await deps.store.segments.headers.get(tenant, segmentNo));
  const letter = await resolveTemplate(deps, tenant, header, request.template);
  const { fieldNames: letterFields } = await deps.workers.readLetter(letter.bytes);
  assertMatchesValid(letterFields, letter.matches, "template.fieldMatches");
  const lines = (await deps.store.segments.allLines<StoredLine>(tenant, segmentNo)).sort(
    (a, b) => a.lineNo - b.lineNo,
  );
  const records = await letterRecords(deps, tenant, header, lines);
  const lineLetters =
    request.output === "document" ||
    request.output === "documentPdf" ||
    request.output === "perContactPdf"
      ? await resolveLineLetters(deps, tenant, header, request.template, lines, letter, {
          refuseUnmatched: false,
        })
      : undefined;
  const unmatched = unmatchedFields(letterFields, letter.matches, customKeysOf(records));
  const checked = await checkLetters(
    deps,
    letter,
    withFieldMatches(records, letter.matches),
    undefined,
    lineLetters,
    request.output,
  );
  const issues = [
    ...withUnmatched(checked.issues, unmatched),
    ...otherLettersUnmatched(lineLetters),
  ];
  const contactOf = new Map(lines.map((l) => [l.lineNo, l.contactNo]));
  const groups = groupIssues(
    issues.flatMap((i) =>
      groupable(i, i.lineNo === undefined ? undefined : contactOf.get(i.lineNo)),
    ),
    mergeCheckHint,
  );
  return { records: records.length, fields: [...checked.fieldNames], issues, groups, unmatched };
};

/** The letter of a merge that reads none (labels): named after the segment, without bytes. */
const noLetter = (header: { readonly no: string }): LetterBytes => ({
  bytes: new Uint8Array(0),
  fileName: `${header.no}.docx`,
  matches: {},
});

/**
 * Merges the segment as a job (merge-job-run.ts): the client may choose the id, so it can poll
 * from the start and so that a repeated request answers the same job instead of merging twice.
 * What the merge produces is the output's (merge/outputs/); reading, checking, merging and
 * zipping run in merge threads.
 */
export const runMerge = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  request: Request,
): Promise<MergeJob> => {
  const tenant = identity.tenantId;
  const id = request.jobId ?? randomUUID();
  const repeated = await repeatedJob(deps, tenant, { id, segmentNo });
  if (repeated) return repeated;
  const header = assertNotLogged(await deps.store.segments.headers.get(tenant, segmentNo));
  // Letters are kept on the lines, which a logged segment no longer changes: say so up front.
  if (request.keep) assertOpen(header);
  // A label sheet that cannot be printed answers 422 before anything is written.
  if (request.output === "labels") printableLabelGrid(request.labels);
  // Labels print each contact's Address Block and need no letter (Business Central's Print
  // Labels has none); a segment without a template prints them too.
  const labelsOnly = request.output === "labels";
  // The letter is found and read before the job exists: a letter that is missing or that the
  // engine refuses answers 4xx at once, with nothing written.
  const letter = labelsOnly
    ? noLetter(header)
    : await resolveTemplate(deps, tenant, header, request.template);
  if (!labelsOnly) {
    const { fieldNames: letterFields } = await deps.workers.readLetter(letter.bytes);
    // Word's Match Fields before a merge: a field neither Mergeline's, matched nor left empty
    // would merge blank in every letter, so the merge does not start.
    assertMatchesValid(letterFields, letter.matches, "template.fieldMatches");
    assertAllMatched(letterFields, letter.matches, []);
  }
  const lines = (await deps.store.segments.allLines<StoredLine>(tenant, segmentNo)).sort(
    (a, b) => a.lineNo - b.lineNo,
  );
  const total = lines.length;
  // One document holds each line's own letter: each is found, read and held to Match Fields
  // before the job, too.
  const lineLetters =
    request.output === "document" ||
    request.output === "documentPdf" ||
    request.output === "perContactPdf"
      ? await resolveLineLetters(deps, tenant, header, request.template, lines, letter, {
          refuseUnmatched: true,
        })
      : undefined;
  return runJob(
    deps,
    tenant,
    { id, segmentNo, output: request.output, total },
    async ({ signal, checkpoint, report }) => {
      const records: LetterRecord[] = [];
      // Data in slices, so progress moves and a cancel is seen between them; the data is the
      // first half of the job's progress, the letters the second.
      for (let i = 0; i < lines.length; i += 1000) {
        const slice = await letterRecords(deps, tenant, header, lines.slice(i, i + 1000));
        records.push(...withFieldMatches(slice, letter.matches));
        if (await checkpoint(Math.floor(records.length / 2))) return undefined;
      }
      // Check for Errors and the merge each read the letter in their own thread, side by side;
      // the check goes first, so a pool of one thread answers it before the long merge.
      const check = labelsOnly
        ? Promise.resolve({ issues: [] })
        : checkLetters(deps, letter, records, signal, lineLetters, request.output);
      const output = mergeOutputs[request.output].produce({
        deps,
        tenant,
        header,
        source: request.template,
        labels: request.labels,
        letter,
        lineLetters,
        records,
        signal,
        progress: (lettersDone) => report(Math.floor((total + lettersDone) / 2)),
        keep: request.keep
          ? (letters) => keepLetters(deps, identity, segmentNo, records, letters)
          : undefined,
      });
      const [{ issues }, file] = await Promise.all([check, output]);
      return { file, issues };
    },
  );
};

/**
 * "Kept for the record": each contact's letter in Blob Storage, referenced from its line (and, on
 * Log, its entry). Held like any change of the lines, and only while the segment is open: a
 * logged segment's lines, and the letters its entries refer to, stay as they were. The letters a
 * repeat replaces belong to nothing then (only a Log makes entries refer to them), so they go.
 */
const keepLetters = (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  records: readonly LetterRecord[],
  files: readonly Uint8Array[],
) =>
  withSegmentLock(deps, identity, segmentNo, "keepLetters", async () => {
    const tenant = identity.tenantId;
    assertOpen(await deps.store.segments.headers.get(tenant, segmentNo));
    const ids = records.map((r) =>
      newDocumentId(tenant, { kind: "mergedLetter", segmentNo, lineNo: r.line.lineNo }),
    );
    await Promise.all(ids.map((id, i) => deps.store.documents.put(id, files[i] as Uint8Array)));
    const replaced = await deps.store.segments.replaceLines(
      tenant,
      segmentNo,
      records.map((r, i) => ({ ...r.line, mergedDocumentId: ids[i] as DocumentId })),
    );
    // A line that took its new letter lets go of the old; one that did not, of the new.
    const unreferenced = records.flatMap((r, i) =>
      replaced[i]
        ? [mergedLetterIdOf(tenant, r.line)].filter((id): id is DocumentId => !!id)
        : [ids[i] as DocumentId],
    );
    await Promise.all(unreferenced.map((id) => deps.store.documents.delete(id)));
    const failed = replaced.filter((done) => !done).length;
    if (failed)
      throw new ConflictError(
        `${failed} lines changed during the merge; merge again to keep their letters.`,
      );
  });

export const getMergeJob = async (
  deps: AppDeps,
  identity: Identity,
  id: string,
): Promise<MergeJob> => {
  const tenant = identity.tenantId;
  return publicJob(await currentJob(deps, tenant, await deps.store.mergeJobs.get(tenant, id)));
};

export const mergeResult = async (deps: AppDeps, identity: Identity, id: string) => {
  // Only a done job offers its result: a job whose server stopped while the blob was being
  // written says failed, never done.
  const job = await deps.store.mergeJobs.get(identity.tenantId, id);
  const resultId = storedDocumentId(identity.tenantId, job.resultDocumentId, {
    kind: "mergeResult",
    jobId: id,
  });
  if (job.status !== "done" || !resultId || !job.result) {
    throw new ConflictError(`Merge job ${id} has no result (it is ${job.status}).`);
  }
  return {
    bytes: await deps.store.documents.get(resultId),
    ...job.result,
  };
};

/** Cancels a running job; one whose server died ends failed instead, as any read would end it. */
export const cancelMergeJob = async (
  deps: AppDeps,
  identity: Identity,
  id: string,
): Promise<MergeJob> => {
  const tenant = identity.tenantId;
  const jobs = deps.store.mergeJobs;
  const job = await currentJob(deps, tenant, await jobs.get(tenant, id));
  if (job.status !== "running" && job.status !== "queued") return publicJob(job);
  const canceled = await jobs.cancel(tenant, id, deps.now().toISOString());
  // The job document says canceled first, so the merge, stopped, finds it so.
  deps.runningMerges.cancel(tenant, id);
  return publicJob(canceled);
};
