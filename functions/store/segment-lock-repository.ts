import { randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../errors/app-errors";
import { partitionKey } from "./containers";
import { DocumentStore } from "./document-store";
import type { TenantId } from "./tenant";

/** Who holds a segment, for what, and until when the holder counts as alive. */
export interface SegmentLockClaim {
  readonly userId: string;
  /** Who they are to people: their display name, else their sign-in name; "" for no one known. */
  readonly userName: string;
  /** What the holder does (the service layer's operation name), for the busy message. */
  readonly operation: string;
  readonly since: string;
  /** ISO time the lease ends; the holder renews it while it works, a crashed holder cannot. */
  readonly leaseUntil: string;
}

export interface SegmentLock extends SegmentLockClaim {
  readonly segmentNo: string;
  /** One per acquisition: tells two holds by the same user apart. */
  readonly owner: string;
  readonly etag: string;
}

/** The segment is held by someone whose lease has not run out. */
export class SegmentHeldError extends Error {
  override readonly name = "SegmentHeldError";
  constructor(readonly lock: SegmentLock) {
    super(`Segment ${lock.segmentNo} is held by ${lock.userId} (${lock.operation}).`);
  }
}

/** Our lease ran out and someone else took the segment over (or it was deleted). */
export class SegmentLockLostError extends Error {
  override readonly name = "SegmentLockLostError";
}

/** The lock's id inside the segment's partition. */
export const lockId = "lock";

export const leaseIsLive = (lock: Pick<SegmentLock, "leaseUntil">, now: Date): boolean =>
  Date.parse(lock.leaseUntil) > now.getTime();

/** Losing this many races in a row means others are taking the lock right now: busy. */
const maxAttempts = 4;

/**
 * The per-segment lock: one document ("lock") in the segment's partition that exists while
 * someone holds the segment. Only single-document conditional writes are used (the embedded
 * store has no atomic batches): create-if-absent takes a free segment, a replace on the ETag
 * takes over an expired lease, renews it, and a delete on the ETag releases it, so a holder that
 * lost its lease can never release or renew someone else's.
 */
export class SegmentLockRepository {
  private readonly docs: DocumentStore<SegmentLock>;

  constructor(container: Container) {
    this.docs = new DocumentStore<SegmentLock>({
      container,
      docType: "segmentLock",
      entityName: "Segment lock",
      keyField: "segmentNo",
      partitionKeyOf: partitionKey.segment,
      idOf: () => lockId,
    });
  }

  find(tenant: TenantId, segmentNo: string): Promise<SegmentLock | undefined> {
    return this.docs.find(tenant, segmentNo);
  }

  /**
   * Takes the segment for `claim`. Throws SegmentHeldError while another holder's lease is live;
   * `expired` is the lock taken over from a holder whose lease ran out, whose work the caller
   * must finish or undo before its own.
   */
  async acquire(
    tenant: TenantId,
    segmentNo: string,
    claim: SegmentLockClaim,
    now: Date,
  ): Promise<{ lock: SegmentLock; expired?: SegmentLock }> {
    const body = { ...claim, segmentNo, owner: randomUUID() };
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const current = await this.docs.find(tenant, segmentNo);
      if (!current) {
        try {
          return { lock: await this.docs.create(tenant, segmentNo, body) };
        } catch (error) {
          if (error instanceof ConflictError) continue;
          throw error;
        }
      }
      if (leaseIsLive(current, now)) throw new SegmentHeldError(current);
      try {
        const lock = await this.docs.replace(tenant, segmentNo, body, current.etag);
        return { lock, expired: current };
      } catch (error) {
        if (error instanceof PreconditionFailedError || error instanceof NotFoundError) continue;
        throw error;
      }
    }
    // Others took and let go of the segment every time we looked: it is busy all the same.
    const winner = await this.docs.find(tenant, segmentNo);
    throw new SegmentHeldError(winner ?? { ...body, userId: "", userName: "", etag: "" });
  }

  /** Extends the lease; SegmentLockLostError if someone took the segment over meanwhile. */
  async renew(tenant: TenantId, lock: SegmentLock, leaseUntil: string): Promise<SegmentLock> {
    const { etag, ...rest } = lock;
    try {
      return await this.docs.replace(tenant, lock.segmentNo, { ...rest, leaseUntil }, etag);
    } catch (error) {
      if (error instanceof PreconditionFailedError || error instanceof NotFoundError)
        throw new SegmentLockLostError(`The hold on segment ${lock.segmentNo} was taken over.`);
      throw error;
    }
  }

  /** Lets the segment go; a lock someone has taken over since is theirs and stays. */
  async release(tenant: TenantId, lock: SegmentLock): Promise<void> {
    try {
      await this.docs.delete(tenant, lock.segmentNo, lock.etag);
    } catch (error) {
      if (error instanceof PreconditionFailedError || error instanceof NotFoundError) return;
      throw error;
    }
  }
}
