import type { LoggedSegment } from "@shared/model/logged-segment";
import type { LogOutcome, LogProblem, LogStatus } from "@shared/model/logging";
import type { AppDeps } from "../app-deps";
import {
  ConflictError,
  PartialWriteError,
  PreconditionFailedError,
  ValidationError,
} from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { sameEtag } from "../store/document-store";
import { segmentEtag } from "../segments/segment-etag";
import { leaseIsLive } from "../store/segment-lock-repository";
import { formatNo, series } from "../store/number-series";
import type { LogRun, SegmentHeader } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import { busyError, holderName, withSegmentLock, type SegmentHold } from "../segments/segment-lock";
import { createSegment } from "../segments/segment-service";
import { reuseSegment } from "../segments/criteria/criteria-service";
import { checkLines, lineOrHeader, loadLogInputs, type LogInputs } from "./log-checks";
import { entryFor } from "./log-entries";
import { campaignEntriesFor, campaignsOf, withCampaignNumbers } from "./log-campaign-entries";
import { pinnedLetterOf, pinTemplateLetters } from "./logged-letters";
import { assertNotLogged } from "../segments/segment-history";
import { groupIssues } from "@shared/model/issue-group";
import { logCheckHint } from "./log-check-hints";
import { checkTemplateLetterFields, letterFieldPath } from "./log-letter-fields";
import type { SendAttachments } from "@shared/model/delivery";
import { assertEmailChoice } from "../delivery/compose/email-choice-checks";
import { assertCanSend, logSendJobId, startSendJob } from "../delivery/job/send-job-service";
import type { SendGrant } from "../delivery/job/send-session";

/** Entries per bulk call: about ten steps of progress for the pane, never tiny calls. */
const chunkSize = (total: number) => Math.max(1000, Math.ceil(total / 10));

const strip = <T extends { etag: string }>({ etag: _e, ...rest }: T) => rest;

/** A template letter's field is named where its Match Fields are; anything else by its line. */
const problemsToErrors = (problems: readonly LogProblem[]) =>
  problems.map((p) =>
    p.templateCode !== undefined && p.languageCode !== undefined && p.letterField !== undefined
      ? {
          in: "body" as const,
          field: letterFieldPath(p.templateCode, p.languageCode, p.letterField),
          rule: p.rule,
          message: p.message,
        }
      : {
          in: "body" as const,
          field: `lines.${p.lineNo}.${p.field}`,
          rule: p.rule,
          message: `${p.contactNo}: ${p.message}`,
        },
  );

/** Every check the Log makes before it writes anything: the lines, then the letters it copies. */
const logProblems = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  inputs: LogInputs,
): Promise<LogProblem[]> => [
  ...(await checkLines(deps, tenant, header, inputs)),
  ...(await checkTemplateLetterFields(deps, tenant, header, inputs)),
];

/**
 * The ETag of the segment as it stands: header and lines. A Log's If-Match must name it, so a
 * line added, removed or changed after the review refuses the Log.
 */
const reviewedEtag = async (deps: AppDeps, tenant: TenantId, header: SegmentHeader) =>
  segmentEtag(header.etag, await deps.store.segments.linesVersionOf(tenant, header.no));

const changedSinceReview = (segmentNo: string) => {
  const error = new PreconditionFailedError("Segment", segmentNo);
  error.message = `Segment ${segmentNo} changed since you reviewed it (its lines or header were edited, or contacts added or removed). Reload the segment, check the lines again, then log.`;
  return error;
};

export const checkLog = async (deps: AppDeps, identity: Identity, segmentNo: string) => {
  const tenant = identity.tenantId;
  const header = assertNotLogged(await deps.store.segments.headers.get(tenant, segmentNo));
  const inputs = await loadLogInputs(deps, tenant, header);
  const problems = await logProblems(deps, tenant, header, inputs);
  const groups = groupIssues(
    problems.map((p) => ({ ...p, severity: "error" as const })),
    logCheckHint,
  );
  return { lines: inputs.lines.length, problems, groups };
};

/**
 * Log, exactly once, one at a time. The Log holds the segment (withSegmentLock, with a lease it
 * renews while it writes). The run document (numbers reserved up front, the time of the Log, the
 * header's ETag) is written before anything else; the header is then marked "logging"; entries
 * have ids from their numbers, so writing them again finds them there. A Log whose process died
 * is finished, once its lease has run out, by the next Log with the segment's current ETag (any
 * user), a repeat of the original request, or resumeLog: exactly one entry per line and one
 * logged segment.
 */
export const logSegment = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  options: { followUp: boolean; sendAttachments?: SendAttachments | undefined },
  ifMatch: string,
  idempotencyKey: string | undefined,
  /** Sending as the marketer: the token session the request swapped for (grantForSend). */
  grant?: SendGrant,
): Promise<LogOutcome> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  // Refused before anything is written: a choice that cannot be sent, or no queue to send it.
  if (options.sendAttachments) {
    assertEmailChoice(options.sendAttachments, "sendAttachments.");
    assertCanSend(deps);
  }
  const header = await segments.headers.get(tenant, segmentNo);
  if (header.status === "logged")
    return answerLogged(deps, identity, header, idempotencyKey, grant);
  if (header.status === "logging")
    await assertMayFinish(deps, identity, header, ifMatch, idempotencyKey);
  else if (!sameEtag(await reviewedEtag(deps, tenant, header), ifMatch))
    throw changedSinceReview(segmentNo);

  return withSegmentLock(deps, identity, segmentNo, "log", async (hold) => {
    // What the segment is now that it is ours: another Log may have finished meanwhile.
    const current = await segments.headers.get(tenant, segmentNo);
    if (current.status === "logged")
      return answerLogged(deps, identity, current, idempotencyKey, grant);
    if (current.status === "logging") return finishStopped(deps, identity, current, hold, grant);
    if (!sameEtag(await reviewedEtag(deps, tenant, current), ifMatch))
      throw changedSinceReview(segmentNo);

    const inputs = await loadLogInputs(deps, tenant, current);
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
    const problems = await logProblems(deps, tenant, current, inputs);
    if (problems.length)
      throw new ValidationError(
        problemsToErrors(problems),
        `${problems.length} problem(s) stop the Log; see errors.`,
        422,
      );

    const run = await startRun(
      deps,
      identity,
      current,
      inputs.lines.length,
      campaignsOf(inputs.lines.map((line) => lineOrHeader(line, current, "campaignNo"))),
      options.followUp,
      idempotencyKey,
      options.sendAttachments,
    );
    try {
      const { etag, ...rest } = current;
      await segments.headers.replace(tenant, segmentNo, { ...rest, status: "logging" }, etag);
    } catch (error) {
      // The header changed between our read and the mark (a PATCH): nothing was written yet.
      if (error instanceof PreconditionFailedError)
        await segments.logRuns.delete(tenant, segmentNo).catch(() => undefined);
      throw error;
    }
    const logging = await segments.headers.get(tenant, segmentNo);
    return finish(deps, identity, logging, run, hold, inputs, grant);
  });
};

/**
 * Finishes a Log that stopped before it finished, whoever started it; a finished one answers
 * its outcome again. While another request holds the segment, 409 names it.
 */
export const resumeLog = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
): Promise<LogOutcome> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  const header = await segments.headers.get(tenant, segmentNo);
  if (header.status === "logged") return answerFinished(deps, identity, header);
  if (header.status === "open") throw nothingToResume(segmentNo);
  return withSegmentLock(deps, identity, segmentNo, "log", async (hold) => {
    const current = await segments.headers.get(tenant, segmentNo);
    if (current.status === "logged") return answerFinished(deps, identity, current);
    if (current.status === "open") throw nothingToResume(segmentNo);
    return finishStopped(deps, identity, current, hold);
  });
};

const nothingToResume = (segmentNo: string) => {
  const message = `segment ${segmentNo} has no stopped Log to finish`;
  return new ConflictError(`Segment ${segmentNo} has no stopped Log to finish: Log it instead.`, [
    { in: "path", field: "no", rule: "log_stopped", message },
  ]);
};

/** A logged segment: the same request again gets its outcome, anything else a refusal. */
const answerLogged = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  idempotencyKey: string | undefined,
  grant: SendGrant | undefined,
): Promise<LogOutcome> => {
  const run = await deps.store.segments.logRuns.find(identity.tenantId, header.no);
  if (run && idempotencyKey !== undefined && run.idempotencyKey === idempotencyKey)
    return outcome(deps, identity, run, true, grant);
  throw new ConflictError(
    `Segment ${header.no} is already logged (logged segment ${header.loggedSegmentEntryNo ?? "?"}). Create a follow-up segment to log again.`,
  );
};

const answerFinished = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
): Promise<LogOutcome> => {
  const run = await deps.store.segments.logRuns.find(identity.tenantId, header.no);
  if (run?.status !== "done") throw nothingToResume(header.no);
  return outcome(deps, identity, run, true);
};

/**
 * Who may finish a stopped Log through POST .../log: a request with the segment's current ETag
 * (whoever sends it), or a repeat of the request that started it. Anyone else learns who holds
 * the segment or that a stopped Log waits to be finished.
 */
const assertMayFinish = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  ifMatch: string,
  idempotencyKey: string | undefined,
): Promise<void> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  const run = await segments.logRuns.find(tenant, header.no);
  const repeat =
    run !== undefined &&
    (sameEtag(run.headerEtag, ifMatch) ||
      (idempotencyKey !== undefined && run.idempotencyKey === idempotencyKey));
  if (sameEtag(await reviewedEtag(deps, tenant, header), ifMatch) || repeat) return;
  const lock = await segments.locks.find(tenant, header.no);
  if (lock && leaseIsLive(lock, deps.now())) throw busyError(lock, identity);
  throw new ConflictError(
    `The Log of segment ${header.no} stopped before it finished${
      run
        ? ` (started by ${run.userId} at ${run.startedAt}; ${run.written} of ${run.total} entries written)`
        : ""
    }. Finish it: POST /api/segments/${header.no}/log/resume, or Log with the segment's current ETag.`,
  );
};

/** The holder of a segment marked "logging" finishes the Log that stopped there. */
const finishStopped = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  hold: SegmentHold,
  grant?: SendGrant,
): Promise<LogOutcome> => {
  const segments = deps.store.segments;
  const run = await segments.logRuns.find(identity.tenantId, header.no);
  if (!run) {
    // The run is written before the header is marked, so this cannot be; if it is, no entry
    // has a number to be written under: the segment is open again.
    const { etag, ...rest } = header;
    await segments.headers.replace(identity.tenantId, header.no, { ...rest, status: "open" }, etag);
    throw new ConflictError(`Segment ${header.no} had no Log to finish; it is open again.`);
  }
  return finish(deps, identity, header, run, hold, undefined, grant);
};

/** Reserves the numbers once; a run left by an interrupted attempt on the same header is reused. */
const startRun = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  total: number,
  campaignNos: readonly string[],
  followUp: boolean,
  idempotencyKey: string | undefined,
  sendAttachments: SendAttachments | undefined,
): Promise<LogRun> => {
  const tenant = identity.tenantId;
  const runs = deps.store.segments.logRuns;
  const previous = await runs.find(tenant, header.no);
  const reviewed = await reviewedEtag(deps, tenant, header);
  if (previous && sameEtag(previous.headerEtag, reviewed) && previous.total === total)
    return previous;
  if (previous) await runs.delete(tenant, header.no);
  const numbers = deps.store.numberSeries;
  const [loggedSegmentEntryNo, firstEntryNo, followUpNo, firstCampaignEntryNo] = await Promise.all([
    numbers.reserve(tenant, series.loggedSegment),
    numbers.reserve(tenant, series.interactionLogEntry, total),
    followUp ? numbers.reserve(tenant, series.segment) : Promise.resolve(undefined),
    campaignNos.length
      ? numbers.reserve(tenant, series.campaignEntry, campaignNos.length)
      : Promise.resolve(undefined),
  ]);
  return runs.create(tenant, header.no, {
    segmentNo: header.no,
    status: "writing",
    headerEtag: reviewed,
    ...(idempotencyKey ? { idempotencyKey } : {}),
    loggedSegmentEntryNo,
    firstEntryNo,
    ...(firstCampaignEntryNo !== undefined
      ? { campaignNos: [...campaignNos], firstCampaignEntryNo }
      : {}),
    total,
    written: 0,
    followUp,
    ...(sendAttachments ? { sendAttachments } : {}),
    ...(followUpNo !== undefined
      ? { followUpSegmentNo: formatNo(series.segment, followUpNo) }
      : {}),
    startedAt: deps.now().toISOString(),
    userId: identity.userId,
    ...(holderName(identity) ? { userName: holderName(identity) } : {}),
  });
};

const finish = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  started: LogRun,
  hold: SegmentHold,
  given?: LogInputs,
  grant?: SendGrant,
): Promise<LogOutcome> => {
  const tenant = identity.tenantId;
  const inputs = given ?? (await loadLogInputs(deps, tenant, header));
  const numbered = await withCampaignNumbers(
    deps,
    tenant,
    started,
    inputs.lines.map((line) => lineOrHeader(line, header, "campaignNo")),
  );
  // The template letters the entries refer to are copied and recorded before any entry exists.
  const run = await pinTemplateLetters(deps, tenant, header, inputs, numbered);
  hold.assertHeld();
  const templateLetter = pinnedLetterOf(tenant, run, header);
  const interactions = deps.store.interactions;
  // The SDK's bulk executor waits up to a second for a partial batch at the end of every call,
  // so chunks run side by side (the waits overlap) and each finished chunk moves the progress on.
  const chunks: number[] = [];
  for (let i = 0; i < inputs.lines.length; i += chunkSize(inputs.lines.length)) chunks.push(i);
  let written = 0;
  let progress = Promise.resolve();
  const writeChunk = async (start: number) => {
    const entries = inputs.lines
      .slice(start, start + chunkSize(inputs.lines.length))
      .map((line, j) => entryFor(run, header, inputs, line, start + j, templateLetter));
    try {
      await interactions.createEntries(tenant, entries);
    } catch (error) {
      throw error instanceof PartialWriteError
        ? error.withRemedy("repeat the Log to finish it")
        : error;
    }
    written += entries.length;
    hold.assertHeld();
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
  hold.assertHeld();

  const entries = inputs.lines.map((line, i) =>
    entryFor(run, header, inputs, line, i, templateLetter),
  );
  // Before the logged segment: a Log that stops here is finished by its repeat, which finds the
  // campaign entries by their reserved numbers and writes only what is missing.
  try {
    await deps.store.campaignEntries.createForLog(tenant, campaignEntriesFor(run, header, entries));
  } catch (error) {
    throw error instanceof PartialWriteError
      ? error.withRemedy("repeat the Log to finish it")
      : error;
  }
  hold.assertHeld();
  const logged: Omit<LoggedSegment, "etag"> = {
    entryNo: run.loggedSegmentEntryNo,
    segmentNo: header.no,
    description: header.description,
    createdAt: run.startedAt,
    userId: run.userId,
    noOfInteractions: entries.length,
    // Business Central makes one campaign entry per logged segment and campaign, not per line.
    noOfCampaignEntries: campaignsOf(entries.map((e) => e.campaignNo)).length,
    date: header.date,
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
  return outcome(deps, identity, done, false, grant);
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
  // An Add a crash left "applying" does not count: reuseSegment takes it over and undoes it.
  const actions = await deps.store.segments.listActions(identity.tenantId, followUpNo);
  if (!actions.some((a) => a.status === "applied")) {
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

/**
 * The Log's answer. A Log with Send Attachments makes its send job here, under an id from its
 * logged segment: the first answer creates it, a repeated or resumed Log finds it (and wakes it).
 */
const outcome = async (
  deps: AppDeps,
  identity: Identity,
  run: LogRun,
  replayed: boolean,
  grant?: SendGrant,
): Promise<LogOutcome> => {
  const sendJob = run.sendAttachments
    ? await startSendJob(deps, identity, {
        jobId: logSendJobId(run.loggedSegmentEntryNo),
        loggedSegmentEntryNo: run.loggedSegmentEntryNo,
        options: run.sendAttachments,
        origin: "log",
        grant,
      })
    : undefined;
  return {
    loggedSegment: await deps.store.interactions.loggedSegments.get(
      identity.tenantId,
      String(run.loggedSegmentEntryNo),
    ),
    ...(run.followUpSegmentNo ? { followUpSegmentNo: run.followUpSegmentNo } : {}),
    ...(sendJob ? { sendJobId: sendJob.id } : {}),
    replayed,
  };
};

/**
 * How far a Log is. A run still "writing" whose Log no longer holds the segment (its lease ran
 * out: the process died) is "abandoned", for the pane to offer finishing it.
 */
export const logStatus = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
): Promise<LogStatus> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  const header = await segments.headers.get(tenant, segmentNo);
  const [run, lock] = await Promise.all([
    segments.logRuns.find(tenant, segmentNo),
    segments.locks.find(tenant, segmentNo),
  ]);
  if (!run) return { status: "notStarted", written: 0, total: 0 };
  const base = {
    written: run.written,
    total: run.total,
    loggedSegmentEntryNo: run.loggedSegmentEntryNo,
    startedBy: run.userId,
    ...(run.userName ? { startedByName: run.userName } : {}),
    startedAt: run.startedAt,
  };
  if (run.status === "done") return { status: "done", ...base };
  if (lock && lock.operation === "log" && leaseIsLive(lock, deps.now()))
    return {
      status: "writing",
      ...base,
      // A name to show, never the object id (a lock of a token without name claims has none).
      ...(lock.userName ? { loggingBy: lock.userName } : {}),
      leaseEndsAt: lock.leaseUntil,
    };
  // A Log that stopped before it marked the segment wrote nothing: there is nothing to finish.
  if (header.status !== "logging") return { status: "notStarted", written: 0, total: 0 };
  return { status: "abandoned", ...base };
};
