import type { ProblemError } from "@shared/model/problem";
import { SegmentOperation, type SegmentBusy } from "@shared/model/segment-busy";
import type { AppDeps } from "../app-deps";
import { ConflictError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import {
  SegmentHeldError,
  SegmentLockLostError,
  type SegmentLock,
} from "../store/segment-lock-repository";
import { undoInterruptedAction } from "./criteria/interrupted-action";

const doing: Record<SegmentOperation, string> = {
  addContacts: "adding contacts",
  reduceContacts: "reducing contacts",
  refineContacts: "refining contacts",
  reuseSegment: "reusing a logged segment",
  reuseCriteria: "reusing saved criteria",
  refresh: "refreshing it",
  goBack: "going back",
  addLine: "adding a line",
  changeLanguages: "changing its subjects per language",
  removeLine: "removing a line",
  changeLine: "changing a line",
  changeHeader: "changing its header",
  applyTemplate: "applying an interaction template to it",
  changeLineLetter: "changing a contact's own letter",
  keepLetters: "keeping the merged letters",
  log: "logging it",
  deleteSegment: "deleting it",
};

/**
 * How the busy message names the caller while they hold a segment: their display name, else
 * their sign-in name, else nothing ("someone else"); never their object id, which is all a token
 * without name claims leaves in userName.
 */
export const holderName = (identity: Identity): string =>
  identity.displayName ?? (identity.userName !== identity.userId ? identity.userName : "");

const holderOf = (lock: SegmentLock): string | undefined => lock.userName || undefined;

/** "Segment S10 is busy: Alice Jensen is adding contacts since ...; the lease ends at ...; try again." */
export const busyMessage = (lock: SegmentLock): string =>
  `Segment ${lock.segmentNo} is busy: ${holderOf(lock) ?? "someone else"} is ${
    doing[lock.operation as SegmentOperation] ?? lock.operation
  } since ${lock.since}; the lease ends at ${lock.leaseUntil}; try again.`;

/**
 * The facts of the busy message for the caller to say in its own language; a lock written by an
 * older server with an operation this one does not know says only who and when.
 */
const busyFacts = (
  lock: SegmentLock,
  caller: Pick<Identity, "userId">,
): SegmentBusy | undefined => {
  const operation = SegmentOperation.safeParse(lock.operation);
  if (!operation.success) return undefined;
  const holder = holderOf(lock);
  return {
    ...(holder ? { holder } : {}),
    byYou: lock.userId !== "" && lock.userId === caller.userId,
    operation: operation.data,
    since: lock.since,
    leaseUntil: lock.leaseUntil,
  };
};

/** The refusal's problem entry: the segment number in the path is what is busy. */
export const busyEntry = (lock: SegmentLock, caller: Pick<Identity, "userId">): ProblemError => {
  const busy = busyFacts(lock, caller);
  return {
    in: "path",
    field: "no",
    rule: "segment_busy",
    message: busyMessage(lock),
    ...(busy ? { busy } : {}),
  };
};

export const busyError = (lock: SegmentLock, caller: Pick<Identity, "userId">): ConflictError =>
  new ConflictError(busyMessage(lock), [busyEntry(lock, caller)]);

/** What the work learns about its hold while it runs. */
export interface SegmentHold {
  /** Throws once the lease ran out and someone else took the segment over: stop writing. */
  assertHeld(): void;
}

const leaseEnd = (deps: AppDeps) =>
  new Date(deps.now().getTime() + deps.config.segmentLeaseMs).toISOString();

/**
 * Keeps the lease while the work runs: renewed every third of its length, so only a holder
 * that stopped (a killed process, a machine gone) lets it run out.
 */
const keepLease = (deps: AppDeps, identity: Identity, acquired: SegmentLock) => {
  const locks = deps.store.segments.locks;
  let lock = acquired;
  let lost = false;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = renewing.then(async () => {
        if (lost) return;
        try {
          lock = await locks.renew(identity.tenantId, lock, leaseEnd(deps));
        } catch (error) {
          // A store that does not answer now may answer at the next renewal; a lost lock is lost.
          if (error instanceof SegmentLockLostError) lost = true;
        }
      });
    },
    Math.max(50, Math.floor(deps.config.segmentLeaseMs / 3)),
  );
  timer.unref();
  return {
    hold: {
      assertHeld: () => {
        if (lost)
          throw new ConflictError(
            `Segment ${lock.segmentNo} was taken over by someone else after this request's lease ran out; they finished or undid its work. Reload the segment and try again.`,
          );
      },
    } satisfies SegmentHold,
    stop: async (): Promise<SegmentLock | undefined> => {
      clearInterval(timer);
      await renewing;
      return lost ? undefined : lock;
    },
  };
};

/**
 * Operations of a click's length (a line, a header field) wait this long for the segment before
 * they answer busy, so that a few of them at once simply queue; a criteria action or a Log that
 * finds the segment busy is refused at once, since running it after the other would act on
 * lines its user has not seen.
 */
const queueingMs: Partial<Record<SegmentOperation, number>> = {
  addLine: 5_000,
  removeLine: 5_000,
  changeLine: 5_000,
  changeHeader: 5_000,
  changeLanguages: 5_000,
  changeLineLetter: 5_000,
  keepLetters: 5_000,
};

const acquire = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  operation: SegmentOperation,
): Promise<{ lock: SegmentLock; expired?: SegmentLock }> => {
  const waitUntil = Date.now() + (queueingMs[operation] ?? 0);
  for (;;) {
    const now = deps.now();
    try {
      return await deps.store.segments.locks.acquire(
        identity.tenantId,
        segmentNo,
        {
          userId: identity.userId,
          userName: holderName(identity),
          operation,
          since: now.toISOString(),
          leaseUntil: leaseEnd(deps),
        },
        now,
      );
    } catch (error) {
      if (!(error instanceof SegmentHeldError)) throw error;
      if (Date.now() >= waitUntil) throw busyError(error.lock, identity);
      // Jitter, so that the queued ones do not all come back at the same moment.
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
    }
  }
};

/**
 * Runs `work` holding the segment (an optimistic lock document in its partition, see
 * SegmentLockRepository): a second action on the same segment meanwhile gets 409 naming who
 * does what, and writes nothing. A hold whose lease ran out (its process died) is taken over;
 * a criteria action it left half done is undone first. A Log it left is not finished here but
 * by the Log itself (logSegment, resumeLog): the segment stays "logging" until someone does.
 */
export const withSegmentLock = async <T>(
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  operation: SegmentOperation,
  work: (hold: SegmentHold) => Promise<T>,
): Promise<T> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  // A segment that does not exist gets no lock document: 404 before anything is written.
  await segments.headers.get(tenant, segmentNo);
  const acquired = await acquire(deps, identity, segmentNo, operation);
  const lease = keepLease(deps, identity, acquired.lock);
  try {
    if (acquired.expired) await undoInterruptedAction(deps, identity, segmentNo);
    return await work(lease.hold);
  } finally {
    const lock = await lease.stop();
    // If the release fails the lease runs out on its own: the answer is not worth losing.
    if (lock) await segments.locks.release(tenant, lock).catch(() => undefined);
  }
};
