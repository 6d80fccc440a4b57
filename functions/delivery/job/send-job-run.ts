import type { DeliveryReason, DeliveryState } from "@shared/model/delivery";
import type { AppDeps } from "../../app-deps";
import { PreconditionFailedError } from "../../errors/app-errors";
import type { StoredDelivery, StoredSendJob } from "../../store/send-job-repository";
import type { TenantId } from "../../store/tenant";
import { MailTransportError, type MailTransport } from "../mail-transport";
import type { ComposedLine } from "./line-composer";
import { buildPrintFile } from "./print-file-builder";
import { endSession, jobTransport } from "./send-session";
import { estimatedFinish, grant, reserve, settle, type PaceState } from "./mailbox-pace";

/** What a slice of work on a job ended with, and when the queue should bring the job back. */
export type SliceOutcome =
  | { readonly kind: "finished" }
  | { readonly kind: "stopped"; readonly problem: DeliveryReason }
  | { readonly kind: "busy"; readonly delayMs: number }
  | { readonly kind: "again"; readonly delayMs: number }
  | { readonly kind: "missing" };

export interface WorkerOptions {
  /** Names the lease; two workers never share one. */
  readonly workerId: string;
  /** How long one queue message works before it hands over to the next (a function's timeout). */
  readonly sliceMs: number;
  /** Waits up to this long in place (a short pace wait); longer ones go back to the queue. */
  readonly inlineWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** After this many tries a line that keeps failing for a passing reason fails for good. */
const maxAttempts = 5;

const stopReasons: Record<"auth" | "consent" | "not_configured", string> = {
  auth: "auth_failed",
  consent: "consent_missing",
  not_configured: "transport_not_configured",
};

type LineOutcome =
  | { readonly kind: "sent"; readonly sentAt: string }
  | { readonly kind: "failed" | "skipped"; readonly reason: DeliveryReason }
  | { readonly kind: "again"; readonly delayMs: number; readonly reason: DeliveryReason }
  | { readonly kind: "stop"; readonly problem: DeliveryReason };

class LeaseLostError extends Error {
  override readonly name = "LeaseLostError";
}

const stateOf = (outcome: LineOutcome): DeliveryState => {
  switch (outcome.kind) {
    case "sent":
      return "sent";
    case "failed":
      return "failed";
    case "skipped":
      return "skipped";
    default:
      return "waiting";
  }
};

/**
 * Works on one send job for a while: takes its lease, sends what the mailbox's pace allows,
 * line by line (waiting -> sending, written before the transport is called -> sent / failed /
 * skipped), and says when to come back. Lines a dead worker left "sending" are looked up
 * (transport.priorAttempt) before they are sent again with the same Message-ID.
 */
export const runSendJobSlice = async (
  deps: AppDeps,
  tenant: TenantId,
  jobId: string,
  worker: WorkerOptions,
): Promise<SliceOutcome> => {
  const repo = deps.store.sendJobs;
  const delivery = deps.delivery;
  const limits = delivery.limits;
  const nowMs = () => deps.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();

  // Take the lease: one worker sends a job at a time.
  let job: StoredSendJob;
  for (;;) {
    const found = await repo.findJob(tenant, jobId);
    if (!found) return { kind: "missing" };
    // A session its end left behind (a crash right after) ends now.
    if (found.state === "done" || found.state === "canceled") {
      await endSession(deps, tenant, jobId);
      return { kind: "finished" };
    }
    if (found.problem) {
      await endSession(deps, tenant, jobId);
      return { kind: "stopped", problem: found.problem };
    }
    const now = nowMs();
    const leaseUntil = found.leaseUntil ? Date.parse(found.leaseUntil) : 0;
    if (found.leaseOwner && found.leaseOwner !== worker.workerId && leaseUntil > now)
      return { kind: "busy", delayMs: leaseUntil - now };
    try {
      const { resumesAt: _r, ...rest } = found;
      job = await repo.replaceJob(tenant, {
        ...rest,
        state: "sending",
        leaseOwner: worker.workerId,
        leaseUntil: iso(now + delivery.leaseMs),
      });
      break;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
  let counts = await repo.countDeliveries(tenant, jobId);

  /** Writes the job (its counts, renewing the lease); an endpoint's change in between is kept. */
  const writeJob = async (
    change: Partial<StoredSendJob>,
    drop: readonly (keyof StoredSendJob)[] = [],
  ) => {
    for (let round = 0; ; round++) {
      const next: Record<string, unknown> = {
        ...job,
        ...change,
        counts,
        leaseOwner: worker.workerId,
        leaseUntil: iso(nowMs() + delivery.leaseMs),
        ...("leaseOwner" in change ? { leaseOwner: change.leaseOwner } : {}),
      };
      // A cancel (the endpoint) stays a cancel whatever this worker was about to say.
      if (job.state === "canceled") next["state"] = "canceled";
      for (const key of drop) next[key] = undefined; // JSON leaves undefined fields out
      try {
        job = await repo.replaceJob(tenant, next as StoredSendJob);
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || round > 5) throw error;
        const fresh = await repo.findJob(tenant, jobId);
        if (!fresh || fresh.leaseOwner !== worker.workerId) throw new LeaseLostError();
        job = fresh;
        counts = await repo.countDeliveries(tenant, jobId);
      }
    }
  };
  const release = (change: Partial<StoredSendJob>, drop: (keyof StoredSendJob)[] = []) =>
    writeJob(change, [...drop, "leaseOwner", "leaseUntil"]);

  const paceState = async () => repo.pace(tenant, job.mailbox);
  const finishEstimate = (pace: PaceState) =>
    iso(estimatedFinish(pace, nowMs(), counts.waiting + counts.sending, limits));

  let transport: { readonly transport: MailTransport; readonly own: boolean } | undefined;
  const started = nowMs();
  let recovering = true;
  try {
    // The print file first, under the lease: the job never says done before it exists.
    if (job.printDocumentId && !job.printFile && job.state !== "canceled") {
      const built = await buildPrintFile(deps, tenant, job, () => writeJob({}));
      const failed = await repo.changeDeliveries(
        tenant,
        built.failed.map(({ line, reason }) => ({ delivery: line, state: "failed", reason })),
      );
      await deps.store.interactions.setDeliveryStatus(
        tenant,
        failed.map((d) => ({ contactNo: d.contactNo, entryNo: d.entryNo, status: "error" })),
      );
      counts = await repo.countDeliveries(tenant, jobId);
      // No letter could be printed: no file to wait for, nor to serve.
      if (built.printFile) await writeJob({ printFile: built.printFile });
      else await writeJob({}, ["printDocumentId"]);
    }
    for (;;) {
      if (job.state === "canceled") {
        await release({}, ["resumesAt", "estimatedFinishAt"]);
        await endSession(deps, tenant, jobId);
        return { kind: "finished" };
      }
      if (nowMs() - started > worker.sliceMs) {
        await release({});
        return { kind: "again", delayMs: 0 };
      }
      let lines = recovering
        ? await repo.deliveriesIn(tenant, jobId, ["sending"], limits.concurrency)
        : [];
      if (lines.length === 0) {
        recovering = false;
        lines = await repo.deliveriesIn(tenant, jobId, ["waiting"], limits.concurrency);
      }
      if (lines.length === 0) {
        counts = await repo.countDeliveries(tenant, jobId);
        if (counts.sending > 0) {
          recovering = true;
          continue;
        }
        await release({ state: "done", finishedAt: iso(nowMs()) }, [
          "resumesAt",
          "estimatedFinishAt",
        ]);
        await endSession(deps, tenant, jobId);
        return { kind: "finished" };
      }

      const pace = await paceState();
      const now = nowMs();
      const allowed = grant(pace, now, lines.length, limits);
      if (allowed.kind === "wait") {
        const delayMs = allowed.untilMs - now;
        if (allowed.why === "minute" && delayMs <= worker.inlineWaitMs) {
          await writeJob({ estimatedFinishAt: finishEstimate(pace) });
          await worker.sleep(delayMs);
          continue;
        }
        await release({
          state: allowed.why === "day" ? "paused" : "sending",
          resumesAt: iso(allowed.untilMs),
          estimatedFinishAt: finishEstimate(pace),
        });
        return { kind: "again", delayMs };
      }
      const batch = lines.slice(0, allowed.count);
      const reserved = await repo.replacePace(tenant, {
        ...pace,
        ...reserve(pace, now, batch.length),
      });
      if (!reserved) continue; // another worker of the same mailbox took the places first

      try {
        transport ??= await jobTransport(deps, tenant, jobId);
      } catch (error) {
        await giveBack(deps, tenant, job.mailbox, now, batch.length, batch.length);
        if (error instanceof MailTransportError && error.kind in stopReasons) {
          const problem = problemOf(error);
          await release({ state: "paused", problem }, ["resumesAt", "estimatedFinishAt"]);
          await endSession(deps, tenant, jobId);
          return { kind: "stopped", problem };
        }
        throw error;
      }

      const composed = await delivery.compose(deps, tenant, job, batch);
      const messageIdAt = (i: number) => {
        const c = composed[i];
        return c?.kind === "message" ? c.message.messageId : undefined;
      };
      // Written before the transport is called: a crash from here on finds the line "sending".
      const claimed = await repo.changeDeliveries(
        tenant,
        batch.map((line, i) => ({
          delivery: line,
          state: "sending",
          attempts: line.attempts + 1,
          messageId: messageIdAt(i),
        })),
      );
      const claimedNos = new Set(claimed.map((c) => c.entryNo));
      const mine = batch.filter((line) => claimedNos.has(line.entryNo));
      const composedOf = new Map(batch.map((line, i) => [line.entryNo, composed[i]]));
      for (const line of mine) {
        counts[line.state] -= 1;
        counts.sending += 1;
      }
      const recovered = new Set(mine.filter((l) => l.state === "sending").map((l) => l.entryNo));

      const outcomes = await Promise.all(
        mine.map((line) =>
          sendLine(
            deps,
            composedOf.get(line.entryNo) as ComposedLine,
            line,
            transport?.transport as MailTransport,
            recovered.has(line.entryNo),
          ),
        ),
      );
      const doneMs = nowMs();
      const unsent = batch.length - outcomes.filter((o) => o.kind === "sent").length;
      await giveBack(deps, tenant, job.mailbox, now, batch.length, unsent, doneMs);

      await repo.changeDeliveries(
        tenant,
        mine.map((line, i) => {
          const outcome = outcomes[i] as LineOutcome;
          const failedForGood = givesUp(outcome, line);
          return {
            delivery: line,
            messageId: messageIdAt(batch.indexOf(line)),
            state: failedForGood ? "failed" : stateOf(outcome),
            attempts: outcome.kind === "stop" ? line.attempts : line.attempts + 1,
            ...(outcome.kind === "sent" ? { sentAt: outcome.sentAt } : {}),
            ...(outcome.kind === "failed" || outcome.kind === "skipped" || outcome.kind === "again"
              ? { reason: outcome.reason }
              : {}),
          };
        }),
        { unconditional: true },
      );
      const entryUpdates: Parameters<
        typeof deps.store.interactions.setDeliveryStatus
      >[1][number][] = [];
      mine.forEach((line, i) => {
        const outcome = outcomes[i] as LineOutcome;
        const failedForGood = givesUp(outcome, line);
        const state = failedForGood ? "failed" : stateOf(outcome);
        counts.sending -= 1;
        counts[state] += 1;
        if (outcome.kind === "sent")
          entryUpdates.push({
            contactNo: line.contactNo,
            entryNo: line.entryNo,
            status: "sent",
            sentAt: outcome.sentAt,
          });
        else if (state === "failed")
          entryUpdates.push({ contactNo: line.contactNo, entryNo: line.entryNo, status: "error" });
        else if (state === "skipped")
          entryUpdates.push({ contactNo: line.contactNo, entryNo: line.entryNo, status: "none" });
      });
      await deps.store.interactions.setDeliveryStatus(tenant, entryUpdates);

      const stop = outcomes.find((o) => o.kind === "stop");
      if (stop?.kind === "stop") {
        await release({ state: "paused", problem: stop.problem }, [
          "resumesAt",
          "estimatedFinishAt",
        ]);
        await endSession(deps, tenant, jobId);
        return { kind: "stopped", problem: stop.problem };
      }
      const wait = Math.max(0, ...outcomes.map((o) => (o.kind === "again" ? o.delayMs : 0)));
      if (wait > 0) {
        if (wait > worker.inlineWaitMs) {
          await release({ resumesAt: iso(nowMs() + wait) });
          return { kind: "again", delayMs: wait };
        }
        await writeJob({});
        await worker.sleep(wait);
        continue;
      }
      await writeJob({});
    }
  } catch (error) {
    if (error instanceof LeaseLostError) return { kind: "busy", delayMs: delivery.leaseMs };
    throw error;
  } finally {
    if (transport?.own) await transport.transport.close();
  }
};

/** A line that failed for a passing reason other than throttling, too often, fails for good. */
const givesUp = (outcome: LineOutcome, line: StoredDelivery) =>
  outcome.kind === "again" &&
  outcome.reason.code !== "throttled" &&
  line.attempts + 1 >= maxAttempts;

const problemOf = (error: MailTransportError): DeliveryReason => ({
  code: stopReasons[error.kind as keyof typeof stopReasons] ?? "send_failed",
  message: error.message,
});

/** Settles the places a batch took in the mailbox's minute, whatever other workers wrote. */
const giveBack = async (
  deps: AppDeps,
  tenant: TenantId,
  mailbox: string,
  startedMs: number,
  count: number,
  unsent: number,
  doneMs = startedMs,
): Promise<void> => {
  const repo = deps.store.sendJobs;
  for (;;) {
    const pace = await repo.pace(tenant, mailbox);
    if (
      await repo.replacePace(tenant, { ...pace, ...settle(pace, startedMs, count, doneMs, unsent) })
    )
      return;
  }
};

/** One line: look up an earlier attempt if a crash left one, send, classify. */
const sendLine = async (
  deps: AppDeps,
  composed: ComposedLine,
  line: StoredDelivery,
  transport: MailTransport,
  recovered: boolean,
): Promise<LineOutcome> => {
  if (composed.kind !== "message") return composed;
  try {
    if (recovered && (await transport.priorAttempt(composed.message)) === "sent")
      return { kind: "sent", sentAt: deps.now().toISOString() };
    await transport.send(composed.message);
    return { kind: "sent", sentAt: deps.now().toISOString() };
  } catch (error) {
    if (!(error instanceof MailTransportError)) {
      return {
        kind: "again",
        delayMs: 2 ** line.attempts * 1000,
        reason: {
          code: "send_failed",
          message: error instanceof Error ? error.message : String(error),
        },
      };
    }
    switch (error.kind) {
      case "auth":
      case "consent":
      case "not_configured":
        return { kind: "stop", problem: problemOf(error) };
      case "recipient":
        return { kind: "failed", reason: { code: "recipient_rejected", message: error.message } };
      case "too_large":
        return { kind: "failed", reason: { code: "too_large", message: error.message } };
      case "throttled":
        return {
          kind: "again",
          delayMs: error.retryAfterMs ?? 60_000,
          reason: { code: "throttled", message: error.message },
        };
      default:
        return {
          kind: "again",
          delayMs: Math.min(60_000, 2 ** line.attempts * 1000),
          reason: { code: "send_failed", message: error.message },
        };
    }
  }
};
