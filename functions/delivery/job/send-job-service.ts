import { randomUUID } from "node:crypto";
import type { Delivery, DeliveryState, SendAttachments, SendJob } from "@shared/model/delivery";
import type { AppDeps } from "../../app-deps";
import type { Identity } from "../../auth/identity";
import {
  ConflictError,
  DependencyError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from "../../errors/app-errors";
import type { StoredDelivery, StoredSendJob } from "../../store/send-job-repository";
import type { TenantId } from "../../store/tenant";
import { makesPrintFile, printDocumentIdOf } from "./print-file-builder";
import type { SendQueue } from "./send-queue";
import { endSession, keepSession, pacingMailbox, type SendGrant } from "./send-session";

/** The job as the API shows it: what only its workers read stays behind. */
export const toSendJob = (job: StoredSendJob): SendJob => ({
  id: job.id,
  loggedSegmentEntryNo: job.loggedSegmentEntryNo,
  state: job.state,
  transport: job.transport,
  counts: job.counts,
  ...(job.problem ? { problem: job.problem } : {}),
  ...(job.resumesAt ? { resumesAt: job.resumesAt } : {}),
  ...(job.estimatedFinishAt ? { estimatedFinishAt: job.estimatedFinishAt } : {}),
  ...(job.printFile ? { printFile: job.printFile } : {}),
  createdAt: job.createdAt,
  ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
  userId: job.userId,
  etag: job.etag,
});

export const toDelivery = ({ jobId: _j, etag: _e, ...delivery }: StoredDelivery): Delivery =>
  delivery;

const hardCopyReason = {
  code: "hard_copy",
  message: "A hard-copy line: its letter is in the job's print file.",
};

/** The send job of a Log with Send Attachments: one per logged segment, found again by a repeat. */
export const logSendJobId = (loggedSegmentEntryNo: number): string => `log-${loggedSegmentEntryNo}`;

/** Refuses (503) before anything is written when there is no queue to send from. */
export const assertCanSend = (deps: AppDeps): void => {
  queueOf(deps);
};

const queueOf = (deps: AppDeps): SendQueue => {
  const queue = deps.delivery.queue;
  if (!queue)
    throw new DependencyError(
      "Sending needs the send queue: set AZURE_STORAGE_CONNECTION_STRING (Azurite locally).",
    );
  return queue;
};

const isOver = (job: StoredSendJob | undefined) =>
  !job || job.state === "done" || job.state === "canceled";

const busyError = (loggedSegmentEntryNo: number, otherJobId: string) =>
  new ConflictError(
    `Logged segment ${loggedSegmentEntryNo} is being sent by send job ${otherJobId}: follow it at /send-jobs/${otherJobId}, or cancel it first.`,
    [
      {
        in: "path",
        field: "entryNo",
        rule: "one_send_job",
        message: `send job ${otherJobId} is still sending`,
      },
    ],
  );

export interface SendJobSpec {
  readonly jobId?: string | undefined;
  readonly loggedSegmentEntryNo: number;
  readonly options: SendAttachments;
  readonly origin: StoredSendJob["origin"];
  /** Only these entries (Resend of one entry); all of the logged segment's otherwise. */
  readonly entryNos?: readonly number[] | undefined;
  readonly printFile?: StoredSendJob["printFile"];
  readonly printDocumentId?: string | undefined;
  /** Sending as the marketer: the token session the request swapped for (grantForSend). */
  readonly grant?: SendGrant | undefined;
}

/**
 * Creates a send job for a logged segment's e-mail lines (hard-copy lines are skipped, for the
 * print file) and puts it on the queue. A repeat with the same job id answers the same job (and
 * wakes it: a crash may have lost its message); a second job while one sends is a 409 naming it.
 */
export const startSendJob = async (
  deps: AppDeps,
  identity: Identity,
  spec: SendJobSpec,
): Promise<SendJob> => {
  const tenant = identity.tenantId;
  const repo = deps.store.sendJobs;
  const jobId = spec.jobId ?? randomUUID();
  const existing = await repo.findJob(tenant, jobId);
  // What does not exist is a 404 whether or not a queue is configured; then the 503.
  if (!existing)
    await deps.store.interactions.loggedSegments.get(tenant, String(spec.loggedSegmentEntryNo));
  const queue = queueOf(deps);
  if (existing) {
    if (existing.loggedSegmentEntryNo !== spec.loggedSegmentEntryNo)
      throw new ConflictError(`Send job ${jobId} sends another logged segment.`, [
        { in: "body", field: "jobId", rule: "unique", message: `${jobId} is already used` },
      ]);
    if (!isOver(existing)) {
      // The same marketer again, signed in: the job goes on with their fresh session.
      if (existing.userId === identity.userId) await keepSession(deps, tenant, jobId, spec.grant);
      await queue.enqueue({ tenant, jobId });
    }
    return toSendJob(existing);
  }
  const interactions = deps.store.interactions;
  const logged = await interactions.loggedSegments.get(tenant, String(spec.loggedSegmentEntryNo));
  if (logged.canceled)
    throw new ConflictError(
      `Logged segment ${logged.entryNo} is canceled: undo the cancel to send it.`,
      [
        {
          in: "path",
          field: "entryNo",
          rule: "not_canceled",
          message: "the logged segment is canceled",
        },
      ],
    );
  const wanted = spec.entryNos ? new Set(spec.entryNos) : undefined;
  const entries = (await interactions.entriesOfLogged(tenant, logged.entryNo))
    .filter((e) => !e.canceled && (!wanted || wanted.has(e.entryNo)))
    .sort((a, b) => a.entryNo - b.entryNo);
  if (entries.length === 0) {
    const message = `logged segment ${logged.entryNo} has no entry to send`;
    throw new ValidationError(
      [{ in: "path", field: "entryNo", rule: "has_entries", message }],
      `There is nothing to send: ${message}.`,
      422,
    );
  }
  const other = await repo.claimActive(tenant, logged.entryNo, jobId, async (otherId) =>
    isOver(await repo.findJob(tenant, otherId)),
  );
  if (other) throw busyError(logged.entryNo, other);

  const contacts = new Map(
    (await deps.store.contacts.getMany(tenant, [...new Set(entries.map((e) => e.contactNo))])).map(
      (c) => [c.no, c],
    ),
  );
  const lines = entries.map((entry) => {
    const email = contacts.get(entry.contactNo)?.email;
    const byEmail = entry.correspondenceType === "email";
    return {
      entryNo: entry.entryNo,
      contactNo: entry.contactNo,
      contactName: entry.contactName,
      ...(email ? { email } : {}),
      ...(entry.languageCode ? { languageCode: entry.languageCode } : {}),
      state: (byEmail ? "waiting" : "skipped") as DeliveryState,
      ...(byEmail
        ? {}
        : {
            reason: hardCopyReason,
          }),
    };
  });
  const waiting = lines.filter((l) => l.state === "waiting").length;
  // The print file is built by the job's run (send-job-run.ts), so the job is not done before it.
  const printDocumentId =
    spec.printDocumentId ??
    (makesPrintFile(tenant, spec.options.hardCopy, entries)
      ? printDocumentIdOf(tenant, jobId)
      : undefined);
  const pending = waiting > 0 || (printDocumentId !== undefined && !spec.printFile);
  const now = deps.now().toISOString();
  // The session before the job: a worker never finds the job without it.
  await keepSession(deps, tenant, jobId, spec.grant);
  const job = await repo.createJob(
    tenant,
    {
      id: jobId,
      loggedSegmentEntryNo: logged.entryNo,
      state: pending ? "queued" : "done",
      transport: deps.delivery.transportKind,
      counts: {
        total: lines.length,
        waiting,
        sending: 0,
        sent: 0,
        failed: 0,
        skipped: lines.length - waiting,
        canceled: 0,
      },
      createdAt: now,
      ...(pending ? {} : { finishedAt: now }),
      userId: identity.userId,
      options: spec.options,
      mailbox: pacingMailbox(deps, identity.userId),
      origin: spec.origin,
      ...(spec.printFile ? { printFile: spec.printFile } : {}),
      ...(printDocumentId ? { printDocumentId } : {}),
    },
    lines,
  );
  await interactions.setDeliveryStatus(
    tenant,
    lines
      .filter((l) => l.state === "waiting")
      .map((l) => ({ contactNo: l.contactNo, entryNo: l.entryNo, status: "inProgress" as const })),
  );
  if (!isOver(job)) await queue.enqueue({ tenant, jobId });
  return toSendJob(job);
};

export const getSendJob = async (
  deps: AppDeps,
  tenant: TenantId,
  jobId: string,
): Promise<StoredSendJob> => {
  const job = await deps.store.sendJobs.findJob(tenant, jobId);
  if (!job) throw new NotFoundError("Send job", jobId);
  return job;
};

/** Writes a change to the job with its lines counted again, whatever a worker wrote meanwhile. */
const changeJob = async (
  deps: AppDeps,
  tenant: TenantId,
  jobId: string,
  change: (job: StoredSendJob) => StoredSendJob,
): Promise<StoredSendJob> => {
  const repo = deps.store.sendJobs;
  for (;;) {
    const job = await getSendJob(deps, tenant, jobId);
    const counts = await repo.countDeliveries(tenant, jobId);
    try {
      return await repo.replaceJob(tenant, {
        ...change(job),
        counts,
      });
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
};

/** The value without these fields (JSON leaves undefined fields out of the document). */
const without = <T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> => ({
  ...value,
  ...Object.fromEntries(keys.map((key) => [key, undefined])),
});

/** Cancel: lines still waiting are canceled; lines in flight finish as they go. */
export const cancelSendJob = async (
  deps: AppDeps,
  identity: Identity,
  jobId: string,
): Promise<SendJob> => {
  const tenant = identity.tenantId;
  const repo = deps.store.sendJobs;
  const job = await getSendJob(deps, tenant, jobId);
  if (job.state === "done" || job.state === "canceled") return toSendJob(job);
  // The job first, so no worker starts another line once it rereads it.
  const canceled = await changeJob(deps, tenant, jobId, (j) => ({
    ...without(j, "resumesAt", "estimatedFinishAt"),
    state: "canceled",
    finishedAt: deps.now().toISOString(),
  }));
  const waiting = await repo.deliveriesIn(tenant, jobId, ["waiting"]);
  const changed = await repo.changeDeliveries(
    tenant,
    waiting.map((delivery) => ({ delivery, state: "canceled" as const })),
  );
  await deps.store.interactions.setDeliveryStatus(
    tenant,
    changed.map((d) => ({ contactNo: d.contactNo, entryNo: d.entryNo, status: "none" as const })),
  );
  await endSession(deps, tenant, jobId);
  return toSendJob(changed.length ? await changeJob(deps, tenant, jobId, (j) => j) : canceled);
};

/** Retry: failed lines wait again, and a job a problem stopped sends on. */
export const retrySendJob = async (
  deps: AppDeps,
  identity: Identity,
  jobId: string,
  grant?: SendGrant,
): Promise<SendJob> => {
  const tenant = identity.tenantId;
  const repo = deps.store.sendJobs;
  const job = await getSendJob(deps, tenant, jobId);
  const queue = queueOf(deps);
  if (job.state === "canceled")
    throw new ConflictError(`Send job ${jobId} is canceled: start a new one to send again.`, [
      { in: "path", field: "id", rule: "not_canceled", message: "the send job is canceled" },
    ]);
  // Its messages go from its marketer's own mailbox: nobody else's sign-in carries it on.
  if (deps.delivery.delegated && job.userId !== identity.userId)
    throw new ConflictError(
      `Send job ${jobId} sends as ${job.userId}: they retry it signed in, or cancel it and send again as yourself.`,
      [{ in: "path", field: "id", rule: "same_sender", message: `the job sends as ${job.userId}` }],
    );
  const other = await repo.claimActive(tenant, job.loggedSegmentEntryNo, jobId, async (otherId) =>
    isOver(await repo.findJob(tenant, otherId)),
  );
  if (other) throw busyError(job.loggedSegmentEntryNo, other);
  await keepSession(deps, tenant, jobId, grant);
  const failed = await repo.deliveriesIn(tenant, jobId, ["failed"]);
  // A hard-copy line whose letter did not convert goes back to the print file, which is made again.
  const unprinted = (d: StoredDelivery) => d.reason?.code === "conversion_failed";
  const reprinted = await repo.changeDeliveries(
    tenant,
    failed.filter(unprinted).map((delivery) => ({
      delivery,
      state: "skipped" as const,
      reason: hardCopyReason,
      attempts: 0,
    })),
  );
  const changed = await repo.changeDeliveries(
    tenant,
    failed
      .filter((d) => !unprinted(d))
      .map((delivery) => ({ delivery, state: "waiting" as const, attempts: 0 })),
  );
  await deps.store.interactions.setDeliveryStatus(tenant, [
    ...changed.map((d) => ({
      contactNo: d.contactNo,
      entryNo: d.entryNo,
      status: "inProgress" as const,
    })),
    ...reprinted.map((d) => ({
      contactNo: d.contactNo,
      entryNo: d.entryNo,
      status: "none" as const,
    })),
  ]);
  const reprint = reprinted.length > 0 && job.options.hardCopy !== "none";
  const updated = await changeJob(deps, tenant, jobId, (j) =>
    j.problem || changed.length > 0 || reprint || j.state !== "done"
      ? {
          ...without(
            j,
            "problem",
            "finishedAt",
            "resumesAt",
            ...(reprint ? ["printFile" as const] : []),
          ),
          ...(reprint ? { printDocumentId: printDocumentIdOf(tenant, jobId) } : {}),
          state: j.state === "sending" ? "sending" : "queued",
        }
      : j,
  );
  if (updated.state !== "done") await queue.enqueue({ tenant, jobId });
  else await endSession(deps, tenant, jobId);
  return toSendJob(updated);
};

export const listDeliveries = async (
  deps: AppDeps,
  tenant: TenantId,
  jobId: string,
  query: { state?: DeliveryState | undefined; continuation?: string | undefined; pageSize: number },
) => {
  await getSendJob(deps, tenant, jobId);
  const page = await deps.store.sendJobs.pageOfDeliveries(
    tenant,
    jobId,
    query.state,
    query.pageSize,
    query.continuation,
  );
  return {
    items: page.items.map(toDelivery),
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
  };
};

export const sendJobsOfLogged = async (
  deps: AppDeps,
  tenant: TenantId,
  loggedSegmentEntryNo: number,
) => {
  await deps.store.interactions.loggedSegments.get(tenant, String(loggedSegmentEntryNo));
  const jobs = await deps.store.sendJobs.jobsOfLogged(tenant, loggedSegmentEntryNo);
  return { items: jobs.map(toSendJob) };
};
