import { randomUUID } from "node:crypto";
import {
  SegmentFields,
  type Segment,
  type SegmentCreate,
  type SegmentListQuery,
  type SegmentPatch,
} from "@shared/model/segment";
import { applyMergePatch } from "@shared/model/patch";
import type { AppDeps } from "../app-deps";
import { stampChange, stampNew, withoutStamp } from "../audit/stamp";
import { ConflictError, PreconditionFailedError, ValidationError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { issuesToErrors } from "../errors/validation-issues";
import { checkReferences, type Reference } from "../references/reference-check";
import { sameEtag, type Page } from "../store/document-store";
import { headerEtagOf, segmentEtag } from "./segment-etag";
import { createWithSeriesNo, series } from "../store/number-series";
import { leaseIsLive } from "../store/segment-lock-repository";
import { emptyStats, type SegmentHeader, type SegmentStats } from "../store/segment-repository";
import { propagateHeaderChange } from "./header-propagation";
import { assertNotLogged } from "./segment-history";
import { withSegmentLock, type SegmentHold } from "./segment-lock";
import { repeatedApplyJob, runApplyJob, startApplyJob } from "./apply-template-job";
import type { TenantId } from "../store/tenant";

const references = (s: Partial<SegmentCreate>): Reference[] => [
  { field: "salespersonCode", kind: "salesperson", value: s.salespersonCode },
  { field: "campaignNo", kind: "campaign", value: s.campaignNo },
  {
    field: "interactionTemplateCode",
    kind: "interactionTemplate",
    value: s.interactionTemplateCode,
  },
];

const withCounts = (
  header: SegmentHeader,
  stats: Pick<SegmentStats, "noOfLines" | "noOfCriteriaActions" | "linesVersion"> | undefined,
): Segment => ({
  ...header,
  etag: segmentEtag(header.etag, stats?.linesVersion ?? 0),
  noOfLines: stats?.noOfLines ?? 0,
  noOfCriteriaActions: stats?.noOfCriteriaActions ?? 0,
});

export const today = (now: Date): string => now.toISOString().slice(0, 10);

export const listSegments = async (
  deps: AppDeps,
  identity: Identity,
  q: SegmentListQuery,
): Promise<Page<Segment>> => {
  const { top, continuationToken, ...filters } = q;
  // Logged segments are history: they list among the logged segments only.
  const page = await deps.store.segments.listHeaders(
    identity.tenantId,
    filters,
    top,
    continuationToken,
  );
  const stats = await deps.store.segments.statsOf(
    identity.tenantId,
    page.items.map((h) => h.no),
  );
  return { ...page, items: page.items.map((h) => withCounts(h, stats.get(h.no))) };
};

/** Reads a header with exact counts, repairing the stored counters if a crash left them behind. */
export const getSegment = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
): Promise<Segment> => {
  const tenant = identity.tenantId;
  const [header, stats, noOfLines, lock] = await Promise.all([
    deps.store.segments.headers.get(tenant, no),
    deps.store.segments.stats.find(tenant, no),
    deps.store.segments.countLines(tenant, no),
    deps.store.segments.locks.find(tenant, no),
  ]);
  // While someone holds the segment its lines are moving: the holder updates the counters.
  const held = lock !== undefined && leaseIsLive(lock, deps.now());
  if (stats && stats.noOfLines !== noOfLines && !held) {
    await deps.store.segments.updateStats(tenant, no, (s) => ({ ...withoutEtag(s), noOfLines }));
  }
  assertNotLogged(header);
  return withCounts(header, {
    noOfLines,
    noOfCriteriaActions: stats?.noOfCriteriaActions ?? 0,
    linesVersion: stats?.linesVersion ?? 0,
  });
};

const withoutEtag = ({ etag: _e, ...rest }: SegmentStats) => rest;

export const createSegment = async (
  deps: AppDeps,
  identity: Identity,
  input: SegmentCreate,
): Promise<Segment> => {
  const tenant = identity.tenantId;
  await checkReferences(deps.store, tenant, references(input));
  const now = deps.now();
  const header = await createWithSeriesNo(
    deps.store.numberSeries,
    tenant,
    series.segment,
    input.no,
    (no) =>
      deps.store.segments.headers.create(tenant, no, {
        ...input,
        no,
        date: input.date ?? today(now),
        status: "open",
        ...stampNew(identity, now),
      }),
  );
  await ensureStats(deps, tenant, header.no);
  return withCounts(header, undefined);
};

const ensureStats = async (deps: AppDeps, tenant: TenantId, no: string) => {
  try {
    await deps.store.segments.stats.create(tenant, no, emptyStats(no));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
};

/** Only an open segment changes; a logged one is history and answers as such. */
export const assertOpen = (header: SegmentHeader): void => {
  assertNotLogged(header);
  if (header.status === "logging") {
    // Reached by the segment's holder, or with its ETag: so no Log is running, one stopped.
    throw new ConflictError(
      `Segment ${header.no} is being logged, or its Log stopped before it finished (see GET /api/segments/${header.no}/log-status). Once logged it can no longer be changed; finish a stopped Log with POST /api/segments/${header.no}/log/resume.`,
    );
  }
  if (header.status !== "open") {
    throw new ConflictError(
      `Segment ${header.no} is ${header.status} and can no longer be changed.`,
    );
  }
};

/**
 * Changes the header; a changed header field goes on to the lines that still carry the old
 * value, so this holds the segment like any action on its lines.
 */
export const updateSegment = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
  patch: SegmentPatch,
  ifMatch: string,
): Promise<Segment> => {
  // A logged (or logging) header is refused at once, not after waiting for the segment.
  assertOpen(await deps.store.segments.headers.get(identity.tenantId, no));
  return withSegmentLock(deps, identity, no, "changeHeader", () =>
    updateHeld(deps, identity, no, patch, ifMatch),
  );
};

const updateHeld = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
  patch: SegmentPatch,
  ifMatch: string,
): Promise<Segment> => {
  const tenant = identity.tenantId;
  const current = await deps.store.segments.headers.get(tenant, no);
  assertOpen(current);
  const { status, loggedSegmentEntryNo, ...stored } = withoutStamp(current);
  const merged = applyMergePatch(stored, patch);
  const parsed = SegmentFields.safeParse(merged);
  if (!parsed.success)
    throw new ValidationError(issuesToErrors(parsed.error.issues, "body", merged));
  await checkReferences(
    deps.store,
    tenant,
    references(parsed.data).filter(
      (r) => (patch as Record<string, unknown>)[r.field] !== undefined,
    ),
  );
  const saved = await deps.store.segments.headers.replace(
    tenant,
    no,
    {
      ...parsed.data,
      date: parsed.data.date ?? current.date,
      status,
      ...(loggedSegmentEntryNo !== undefined ? { loggedSegmentEntryNo } : {}),
      ...stampChange(current, identity, deps.now()),
    },
    headerEtagOf(ifMatch),
  );
  // Changing a header field updates the lines that still carry the old value.
  await propagateHeaderChange(deps, tenant, current, saved);
  const stats = await deps.store.segments.stats.find(tenant, no);
  return withCounts(saved, stats);
};

type ApplyTemplateInput = {
  interactionTemplateCode: string;
  updateLines: boolean;
  jobId?: string | undefined;
};

const templateToApply = async (deps: AppDeps, tenant: TenantId, code: string) => {
  const template = await deps.store.interactionTemplates.store.find(tenant, code);
  if (!template) {
    throw new ValidationError(
      [
        {
          in: "body",
          field: "interactionTemplateCode",
          rule: "exists",
          message: `interaction template ${code} does not exist`,
        },
      ],
      "The interaction template does not exist.",
      422,
    );
  }
  return template;
};

/**
 * Choosing the interaction template copies its defaults to the header and, when the user
 * confirms (updateLines), on to the lines, as Business Central asks. It runs as a job
 * (apply-template-job.ts) that the caller may name (jobId) to follow and cancel it: a repeat of
 * the id applies nothing again and answers the segment as it is. The job is written before the
 * segment is held, so the same id sent twice at once runs once; a refusal before the header
 * changed (busy, stale ETag, no such template) takes the job back, so nothing is half written.
 */
export const applyTemplate = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
  input: ApplyTemplateInput,
  ifMatch: string,
): Promise<Segment> => {
  const tenant = identity.tenantId;
  const id = input.jobId ?? randomUUID();
  if (await repeatedApplyJob(deps, tenant, id, no)) return getSegment(deps, identity, no);
  const seen = await deps.store.segments.headers.get(tenant, no);
  assertOpen(seen);
  await templateToApply(deps, tenant, input.interactionTemplateCode);
  // A stale ETag answers 412 before the job is written, as before there were jobs.
  if (!sameEtag(seen.etag, headerEtagOf(ifMatch))) throw new PreconditionFailedError("Segment", no);
  const started = await startApplyJob(deps, identity, {
    id,
    segmentNo: no,
    interactionTemplateCode: input.interactionTemplateCode,
    updateLines: input.updateLines,
  });
  // The same id arrived at the same moment and won the write: that request does the work.
  if (!started) {
    await repeatedApplyJob(deps, tenant, id, no);
    return getSegment(deps, identity, no);
  }
  let headerWritten = false;
  try {
    return await withSegmentLock(deps, identity, no, "applyTemplate", (hold) =>
      applyTemplateHeld(deps, identity, no, input, ifMatch, id, hold, () => {
        headerWritten = true;
      }),
    );
  } catch (error) {
    if (!headerWritten) await deps.store.applyTemplateJobs.withdraw(tenant, id);
    throw error;
  }
};

const applyTemplateHeld = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
  input: ApplyTemplateInput,
  ifMatch: string,
  jobId: string,
  hold: SegmentHold,
  written: () => void,
): Promise<Segment> => {
  const tenant = identity.tenantId;
  const current = await deps.store.segments.headers.get(tenant, no);
  assertOpen(current);
  const template = await templateToApply(deps, tenant, input.interactionTemplateCode);
  const { etag: _e, ...rest } = current;
  // A template leaves a header field alone where it has no default of its own.
  const defaults = Object.fromEntries(
    Object.entries({
      languageCode: template.languageCode,
      correspondenceType: template.correspondenceType,
      informationFlow: template.informationFlow,
      initiatedBy: template.initiatedBy,
      campaignNo: template.campaignNo,
    }).filter(([, v]) => v !== undefined),
  );
  const next = {
    ...rest,
    ...defaults,
    interactionTemplateCode: template.code,
    ignoreContactCorrespondenceType: template.ignoreContactCorrespondenceType,
    unitCost: template.unitCost,
    unitDuration: template.unitDuration,
    campaignTarget: template.campaignTarget,
    campaignResponse: template.campaignResponse,
    ...stampChange(current, identity, deps.now()),
  };
  const saved = await deps.store.segments.headers.replace(tenant, no, next, headerEtagOf(ifMatch));
  written();
  await runApplyJob(deps, tenant, jobId, current, saved, input.updateLines, hold);
  const stats = await deps.store.segments.stats.find(tenant, no);
  return withCounts(saved, stats);
};

/** Deletes lines and counters first and the header last, so a crash never leaves lines without a visible owner. */
export const deleteSegment = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
  ifMatch: string | undefined,
): Promise<void> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  // Check the ETag before anything is written, the lock included.
  const seen = assertNotLogged(await segments.headers.get(tenant, no));
  const headerEtag = ifMatch === undefined ? undefined : headerEtagOf(ifMatch);
  if (headerEtag !== undefined && !sameEtag(seen.etag, headerEtag))
    throw new PreconditionFailedError("Segment", no);
  await withSegmentLock(deps, identity, no, "deleteSegment", async () => {
    const header = assertNotLogged(await segments.headers.get(tenant, no));
    if (headerEtag !== undefined && !sameEtag(header.etag, headerEtag))
      throw new PreconditionFailedError("Segment", no);
    if (header.status === "logging") {
      // Its entries are partly written: deleting now would leave them without a logged segment.
      throw new ConflictError(
        `The Log of segment ${no} stopped before it finished. Finish it first (POST /api/segments/${no}/log/resume), then delete the segment.`,
      );
    }
    // The working letter's blob goes with the item that names it (deleteContent removes that).
    const letterBlob = await deps.store.segmentLetters.documentOf(tenant, no);
    // The lock goes last, with the hold: until then nobody else acts on the half-deleted segment.
    await segments.deleteContent(tenant, no);
    await segments.headers.delete(tenant, no, headerEtag);
    if (letterBlob) await deps.store.documents.delete(letterBlob);
  });
};
