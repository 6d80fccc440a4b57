import type { OperationInput } from "@azure/cosmos";
import type { LoggedSegment } from "@shared/model/logged-segment";
import type { LogOutcome, LogProblem } from "@shared/model/logging";
import type { AppDeps } from "../app-deps";
import { ConflictError, PreconditionFailedError, ValidationError } from "../errors/app-errors";
import type { Identity } from "../http/identity";
import { succeeded } from "../store/bulk";
import { partitionKey } from "../store/containers";
import { sameEtag } from "../store/document-store";
import { entryId } from "../store/interaction-repository";
import { formatNo, series } from "../store/number-series";
import type { LogRun, SegmentHeader } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import { createSegment } from "../segments/segment-service";
import { reuseSegment } from "../segments/criteria/criteria-service";
import { checkLines, loadLogInputs, type LogInputs } from "./log-checks";
import { entryFor } from "./log-entries";

/** Entries per bulk call: about ten steps of progress for the pane, never tiny calls. */
const chunkSize = (total: number) => Math.max(1000, Math.ceil(total / 10));

const strip = <T extends { etag: string }>({ etag: _e, ...rest }: T) => rest;

const problemsToErrors = (problems: readonly LogProblem[]) =>
  problems.map((p) => ({
    in: "body" as const,
    field: `lines.${p.lineNo}.${p.field}`,
    rule: p.rule,
    message: `${p.contactNo}: ${p.message}`,
  }));

export const checkLog = async (deps: AppDeps, identity: Identity, segmentNo: string) => {
  const tenant = identity.tenantId;
  const header = await deps.store.segments.headers.get(tenant, segmentNo);
  const inputs = await loadLogInputs(deps, tenant, header);
  return { lines: inputs.lines.length, problems: await checkLines(deps, tenant, header, inputs) };
};

/**
 * Log, exactly once. The run document (numbers reserved up front, the time of the Log, the
 * header's ETag) is written before anything else; the header is then locked ("logging"); entries
 * have ids from their numbers, so writing them again finds them there. A retried request, a
 * client that timed out, or a process killed anywhere on the way, repeated, finish the same run:
 * exactly one entry per line and one logged segment.
 */
export const logSegment = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  options: { followUp: boolean },
  ifMatch: string,
  idempotencyKey: string | undefined,
): Promise<LogOutcome> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  const header = await segments.headers.get(tenant, segmentNo);
  const existing = await segments.logRuns.find(tenant, segmentNo);
  const isRetryOf = (run: LogRun) =>
    sameEtag(run.headerEtag, ifMatch) ||
    (idempotencyKey !== undefined && run.idempotencyKey === idempotencyKey);

  if (header.status === "logged") {
    if (existing && isRetryOf(existing)) return outcome(deps, tenant, existing, true);
    throw new ConflictError(
      `Segment ${segmentNo} is already logged (logged segment ${header.loggedSegmentEntryNo ?? "?"}). Create a follow-up segment to log again.`,
    );
  }
  if (header.status === "logging") {
    if (!existing || !isRetryOf(existing))
      throw new ConflictError(`Segment ${segmentNo} is being logged right now.`);
    return finish(deps, identity, header, existing);
  }

  if (!sameEtag(header.etag, ifMatch)) throw new PreconditionFailedError("Segment", segmentNo);
  const inputs = await loadLogInputs(deps, tenant, header);
  if (inputs.lines.length === 0) {
    throw new ValidationError(
      [
        {
          in: "path",
          field: "no",
          rule: "not_empty",
          message: `segment ${segmentNo} has no lines to log`,
        },
      ],
      "There is nothing to log.",
      422,
    );
  }
  const problems = await checkLines(deps, tenant, header, inputs);
  if (problems.length)
    throw new ValidationError(
      problemsToErrors(problems),
      `${problems.length} problem(s) stop the Log; see errors.`,
      422,
    );

  const run = await startRun(
    deps,
    identity,
    header,
    inputs.lines.length,
    options.followUp,
    idempotencyKey,
  );
  try {
    const { etag, ...rest } = header;
    await segments.headers.replace(tenant, segmentNo, { ...rest, status: "logging" }, etag);
  } catch (error) {
    // The header changed between our read and the lock: nothing was written yet.
    if (error instanceof PreconditionFailedError)
      await segments.logRuns.delete(tenant, segmentNo).catch(() => undefined);
    throw error;
  }
  return finish(deps, identity, await segments.headers.get(tenant, segmentNo), run, inputs);
};

/** Reserves the numbers once; a run left by an interrupted attempt on the same header is reused. */
const startRun = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  total: number,
  followUp: boolean,
  idempotencyKey: string | undefined,
): Promise<LogRun> => {
  const tenant = identity.tenantId;
  const runs = deps.store.segments.logRuns;
  const previous = await runs.find(tenant, header.no);
  if (previous && sameEtag(previous.headerEtag, header.etag) && previous.total === total)
    return previous;
  if (previous) await runs.delete(tenant, header.no);
  const numbers = deps.store.numberSeries;
  const [loggedSegmentEntryNo, firstEntryNo, followUpNo] = await Promise.all([
    numbers.reserve(tenant, series.loggedSegment),
    numbers.reserve(tenant, series.interactionLogEntry, total),
    followUp ? numbers.reserve(tenant, series.segment) : Promise.resolve(undefined),
  ]);
  try {
    return await runs.create(tenant, header.no, {
      segmentNo: header.no,
      status: "writing",
      headerEtag: header.etag,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      loggedSegmentEntryNo,
      firstEntryNo,
      total,
      written: 0,
      followUp,
      ...(followUpNo !== undefined
        ? { followUpSegmentNo: formatNo(series.segment, followUpNo) }
        : {}),
      startedAt: deps.now().toISOString(),
      userId: identity.userId,
    });
  } catch (error) {
    // Another request started the same Log a moment ago: carry on with its run.
    if (error instanceof ConflictError) return runs.get(tenant, header.no);
    throw error;
  }
};

const finish = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  run: LogRun,
  given?: LogInputs,
): Promise<LogOutcome> => {
  const tenant = identity.tenantId;
  const inputs = given ?? (await loadLogInputs(deps, tenant, header));
  const interactions = deps.store.interactions;
  // The SDK's bulk executor waits up to a second for a partial batch at the end of every call,
  // so chunks run side by side (the waits overlap) and each finished chunk moves the progress on.
  const chunks: number[] = [];
  for (let i = 0; i < inputs.lines.length; i += chunkSize(inputs.lines.length)) chunks.push(i);
  let written = 0;
  let progress = Promise.resolve();
  const writeChunk = async (start: number) => {
    const operations: OperationInput[] = inputs.lines
      .slice(start, start + chunkSize(inputs.lines.length))
      .map((line, j) => {
        const entry = entryFor(run, header, inputs, line, start + j);
        const pk = partitionKey.interactions(tenant, line.contactNo);
        return {
          operationType: "Create",
          partitionKey: pk,
          resourceBody: {
            ...entry,
            id: entryId(entry.entryNo),
            pk,
            tenantId: tenant,
            docType: "interactionLogEntry",
          },
        };
      });
    const results = await interactions.bulk(operations);
    const failed = results.find((r) => !succeeded(r) && r.status !== 409);
    if (failed) {
      throw new Error(
        `Writing interaction log entries failed (${failed.status}): ${failed.message ?? ""}; repeat the Log to finish it.`,
      );
    }
    written += results.length;
    const snapshot = written;
    progress = progress.then(async () => {
      await deps.store.segments.logRuns.upsert(tenant, header.no, {
        ...strip(run),
        written: snapshot,
      });
    });
  };
  await Promise.all(chunks.map(writeChunk));
  await progress;

  const entries = inputs.lines.map((line, i) => entryFor(run, header, inputs, line, i));
  const logged: Omit<LoggedSegment, "etag"> = {
    entryNo: run.loggedSegmentEntryNo,
    segmentNo: header.no,
    description: header.description,
    createdAt: run.startedAt,
    userId: run.userId,
    noOfInteractions: entries.length,
    noOfCampaignEntries: entries.filter((e) => e.campaignNo).length,
    canceled: false,
    ...(header.campaignNo ? { campaignNo: header.campaignNo } : {}),
    ...(header.interactionTemplateCode
      ? { interactionTemplateCode: header.interactionTemplateCode }
      : {}),
    ...(run.followUpSegmentNo ? { followUpSegmentNo: run.followUpSegmentNo } : {}),
  };
  try {
    await interactions.loggedSegments.create(tenant, String(run.loggedSegmentEntryNo), logged);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  if (run.followUpSegmentNo)
    await followUpSegment(deps, identity, header, run.followUpSegmentNo, run.loggedSegmentEntryNo);

  const current = await deps.store.segments.headers.get(tenant, header.no);
  if (current.status !== "logged") {
    const { etag, ...rest } = current;
    await deps.store.segments.headers.replace(
      tenant,
      header.no,
      { ...rest, status: "logged", loggedSegmentEntryNo: run.loggedSegmentEntryNo },
      etag,
    );
  }
  const done = await deps.store.segments.logRuns.upsert(tenant, header.no, {
    ...strip(run),
    written: entries.length,
    status: "done",
    finishedAt: deps.now().toISOString(),
  });
  return outcome(deps, tenant, done, false);
};

/** A follow-up segment: the same campaign and template, and the logged segment's contacts. */
export const followUpSegment = async (
  deps: AppDeps,
  identity: Identity,
  header: Pick<
    SegmentHeader,
    "no" | "description" | "campaignNo" | "interactionTemplateCode" | "salespersonCode"
  >,
  followUpNo: string,
  loggedSegmentEntryNo: number,
): Promise<void> => {
  try {
    await createSegment(deps, identity, {
      no: followUpNo,
      description: `Follow-up: ${header.description}`.slice(0, 100),
      dynamic: false,
      ignoreContactCorrespondenceType: false,
      unitCost: 0,
      unitDuration: 0,
      campaignTarget: false,
      campaignResponse: false,
      ...(header.campaignNo ? { campaignNo: header.campaignNo } : {}),
      ...(header.salespersonCode ? { salespersonCode: header.salespersonCode } : {}),
    });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  const actions = await deps.store.segments.listActions(identity.tenantId, followUpNo);
  if (actions.length === 0) {
    await reuseSegment(deps, identity, followUpNo, {
      loggedSegmentEntryNo,
      options: {
        allowExistingContacts: false,
        expandCompanies: false,
        allowRelatedCompanies: false,
        ignoreExclusion: true,
        entireCompanies: false,
      },
      dryRun: false,
    });
  }
};

const outcome = async (
  deps: AppDeps,
  tenant: TenantId,
  run: LogRun,
  replayed: boolean,
): Promise<LogOutcome> => ({
  loggedSegment: await deps.store.interactions.loggedSegments.get(
    tenant,
    String(run.loggedSegmentEntryNo),
  ),
  ...(run.followUpSegmentNo ? { followUpSegmentNo: run.followUpSegmentNo } : {}),
  replayed,
});

export const logStatus = async (deps: AppDeps, identity: Identity, segmentNo: string) => {
  const tenant = identity.tenantId;
  await deps.store.segments.headers.get(tenant, segmentNo);
  const run = await deps.store.segments.logRuns.find(tenant, segmentNo);
  if (!run) return { status: "notStarted" as const, written: 0, total: 0 };
  return {
    status: run.status,
    written: run.written,
    total: run.total,
    loggedSegmentEntryNo: run.loggedSegmentEntryNo,
  };
};
