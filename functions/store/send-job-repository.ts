import type { Container, ItemDefinition } from "@azure/cosmos";
import type {
  Delivery,
  DeliveryReason,
  DeliveryState,
  SendAttachments,
  SendJob,
} from "@shared/model/delivery";
import { runBulk, succeeded } from "./bulk";
import { partitionKey } from "./containers";
import { DocumentStore, sameEtag, type Page } from "./document-store";
import { cosmosStatus, rethrowUnavailable } from "./cosmos-errors";
import { PreconditionFailedError } from "../errors/app-errors";
import type { TenantId } from "./tenant";

/**
 * A send job as stored: the API's SendJob and what only the job's workers read (the options it
 * sends with, the lines' entries, the lease of the worker sending it).
 */
export type StoredSendJob = SendJob & {
  readonly options: SendAttachments;
  /** Whose mailbox paces the job (the transport and the sender). */
  readonly mailbox: string;
  /** The worker that sends the job until leaseUntil; another waits or takes over after it. */
  readonly leaseOwner?: string | undefined;
  readonly leaseUntil?: string | undefined;
  /** The print file's blob (document-names.ts), when the job has hard-copy lines. */
  readonly printDocumentId?: string | undefined;
  /** Who made the job: a Log, Send on a logged segment, or Resend of one entry. */
  readonly origin: "log" | "send" | "resend";
};

/** One line of a job as stored: the API's Delivery, its job and the entry's partition. */
export type StoredDelivery = Delivery & {
  readonly jobId: string;
  readonly etag: string;
};

/** The send times of one mailbox, kept so a restart still paces (mailbox-pace.ts reads them). */
export interface StoredPace {
  readonly mailbox: string;
  /** Epoch ms of each send in the last minute; a send still in flight counts from its start. */
  readonly recent: readonly number[];
  /** The UTC day counted, and how many messages went that day. */
  readonly day: string;
  readonly dayCount: number;
  readonly etag: string;
}

/** The send job a logged segment has running: one at a time (the 409 names it). */
interface ActiveSend {
  readonly loggedSegmentEntryNo: number;
  readonly jobId: string;
  readonly etag: string;
}

const jobKey = "job";
const deliveryKey = (entryNo: number) => `delivery|${String(entryNo).padStart(10, "0")}`;

export type DeliveryChange = {
  readonly delivery: StoredDelivery;
  readonly state: DeliveryState;
  readonly reason?: DeliveryReason | undefined;
  readonly sentAt?: string | undefined;
  readonly attempts?: number | undefined;
  readonly messageId?: string | undefined;
};

/**
 * Send jobs and their deliveries (one document per line) in the setup container, one logical
 * partition per job (tenant|sendJob|id): a job's lines are read and written together, and a
 * tenant's many jobs spread over partitions. Line ids come from entry Nos., so creating a job
 * again finds its lines. Mailbox pacing and the one-job-per-logged-segment marker sit beside.
 */
export class SendJobRepository {
  private readonly jobs: DocumentStore<StoredSendJob>;
  private readonly deliveries: DocumentStore<StoredDelivery>;
  private readonly paces: DocumentStore<StoredPace>;
  private readonly active: DocumentStore<ActiveSend>;

  constructor(private readonly container: Container) {
    const jobPartition = (tenant: TenantId, key: string) =>
      partitionKey.sendJob(tenant, key.slice(0, key.indexOf("/")));
    const idOf = (key: string) => key.slice(key.indexOf("/") + 1);
    this.jobs = new DocumentStore<StoredSendJob>({
      container,
      docType: "sendJob",
      entityName: "Send job",
      keyField: "id",
      partitionKeyOf: jobPartition,
      // The job's document is named by the job id; its lines share the partition.
      idOf: (key) => key.slice(0, key.indexOf("/")),
    });
    this.deliveries = new DocumentStore<StoredDelivery>({
      container,
      docType: "delivery",
      entityName: "Delivery",
      keyField: "entryNo",
      partitionKeyOf: jobPartition,
      idOf,
    });
    this.paces = new DocumentStore<StoredPace>({
      container,
      docType: "mailPace",
      entityName: "Mailbox pace",
      keyField: "mailbox",
      partitionKeyOf: (tenant) => partitionKey.setup(tenant, "mailPace"),
    });
    this.active = new DocumentStore<ActiveSend>({
      container,
      docType: "activeSend",
      entityName: "Active send job",
      keyField: "loggedSegmentEntryNo",
      partitionKeyOf: (tenant) => partitionKey.setup(tenant, "activeSend"),
    });
  }

  /** A job id is a UUID or built by us from a logged segment: never a separator. */
  private static key(jobId: string, key: string) {
    return `${jobId}/${key}`;
  }

  async findJob(tenant: TenantId, jobId: string): Promise<StoredSendJob | undefined> {
    // The id names documents and a partition: anything but letters, digits and - is no job.
    if (!/^[A-Za-z0-9-]{1,64}$/.test(jobId)) return undefined;
    const job = await this.jobs.findStored(tenant, SendJobRepository.key(jobId, jobKey));
    return job ? { ...job, id: jobId } : undefined;
  }

  /**
   * Writes the job's lines, then the job: a repeat after a crash finds the lines there (409
   * counts as written) and creates the job; an existing job is answered as it is.
   */
  async createJob(
    tenant: TenantId,
    job: Omit<StoredSendJob, "etag">,
    lines: readonly Omit<Delivery, "attempts">[],
  ): Promise<StoredSendJob> {
    const results = await runBulk(
      this.container,
      lines.map((line) =>
        this.deliveries.createOperation(
          tenant,
          SendJobRepository.key(job.id, deliveryKey(line.entryNo)),
          { ...line, attempts: 0, jobId: job.id },
        ),
      ),
    );
    const failed = results.find((r) => !succeeded(r) && r.status !== 409);
    if (failed) throw new Error(`Writing the send job's lines: status ${failed.status}`);
    try {
      await this.container.items.create({
        ...job,
        ...this.jobs.envelope(tenant, SendJobRepository.key(job.id, jobKey)),
      });
    } catch (error) {
      if (cosmosStatus(error) !== 409) rethrowUnavailable(error);
    }
    return (await this.findJob(tenant, job.id)) as StoredSendJob;
  }

  /** Replaces the job if it is still as read; PreconditionFailedError otherwise. */
  async replaceJob(tenant: TenantId, job: StoredSendJob): Promise<StoredSendJob> {
    const { etag, ...body } = job;
    await this.jobs.replace(tenant, SendJobRepository.key(job.id, jobKey), body, etag);
    return (await this.findJob(tenant, job.id)) as StoredSendJob;
  }

  /** The logged segment's jobs, newest first. */
  async jobsOfLogged(tenant: TenantId, loggedSegmentEntryNo: number): Promise<StoredSendJob[]> {
    const docs = await this.jobs.allRaw<ItemDefinition>(tenant, {
      where: ["c.loggedSegmentEntryNo = @logged"],
      parameters: [{ name: "@logged", value: loggedSegmentEntryNo }],
    });
    const jobs = docs.map((d) => ({ ...this.jobs.toStored(d), id: String(d["id"]) }));
    return jobs.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  /** One page of a job's lines by entry No., optionally in one state. */
  pageOfDeliveries(
    tenant: TenantId,
    jobId: string,
    state: DeliveryState | undefined,
    top: number,
    token: string | undefined,
  ): Promise<Page<StoredDelivery>> {
    return this.deliveries.page(
      tenant,
      {
        // The partition key narrows the scan; the job id decides (the embedded store ignores it).
        where: ["c.jobId = @jobId", ...(state ? ["c.state = @state"] : [])],
        parameters: [
          { name: "@jobId", value: jobId },
          ...(state ? [{ name: "@state", value: state }] : []),
        ],
        orderBy: ["c.entryNo"],
        partitionKey: partitionKey.sendJob(tenant, jobId),
      },
      { top, continuationToken: token },
    );
  }

  /** The job's lines in these states, by entry No., at most `limit` (with their ETags). */
  async deliveriesIn(
    tenant: TenantId,
    jobId: string,
    states: readonly DeliveryState[],
    limit?: number,
  ): Promise<StoredDelivery[]> {
    const rows = await this.deliveries.allStored(tenant, {
      ...(limit !== undefined ? { select: `TOP ${Math.floor(limit)} *` } : {}),
      where: ["c.jobId = @jobId", "ARRAY_CONTAINS(@states, c.state)"],
      parameters: [
        { name: "@jobId", value: jobId },
        { name: "@states", value: [...states] },
      ],
      orderBy: ["c.entryNo"],
      partitionKey: partitionKey.sendJob(tenant, jobId),
    });
    return rows;
  }

  /** How many of the job's lines are in each state. */
  async countDeliveries(tenant: TenantId, jobId: string): Promise<SendJob["counts"]> {
    const rows = await this.deliveries.allRaw<{ state: DeliveryState }>(tenant, {
      select: "c.state",
      where: ["c.jobId = @jobId"],
      parameters: [{ name: "@jobId", value: jobId }],
      partitionKey: partitionKey.sendJob(tenant, jobId),
    });
    const counts: Record<DeliveryState, number> = {
      waiting: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      skipped: 0,
      canceled: 0,
    };
    for (const row of rows) counts[row.state] += 1;
    return { total: rows.length, ...counts };
  }

  /**
   * Moves lines to a state, each only if it is still as read. Returns the lines as written; a
   * line someone else changed first is left out (its ETag no longer matches).
   */
  async changeDeliveries(
    tenant: TenantId,
    changes: readonly DeliveryChange[],
    /** The lease holder's outcome of lines it moved to "sending": written whatever is there. */
    options: { unconditional?: boolean } = {},
  ): Promise<StoredDelivery[]> {
    const written = changes.map((c) => {
      const { reason: _r, ...rest } = c.delivery;
      return {
        ...rest,
        state: c.state,
        ...(c.reason ? { reason: c.reason } : {}),
        ...(c.sentAt ? { sentAt: c.sentAt } : {}),
        ...(c.attempts !== undefined ? { attempts: c.attempts } : {}),
        ...(c.messageId ? { messageId: c.messageId } : {}),
      };
    });
    const results = await runBulk(
      this.container,
      written.map((d, i) =>
        options.unconditional
          ? this.deliveries.upsertOperation(
              tenant,
              SendJobRepository.key(d.jobId, deliveryKey(d.entryNo)),
              d,
            )
          : this.deliveries.replaceOperation(
              tenant,
              SendJobRepository.key(d.jobId, deliveryKey(d.entryNo)),
              d,
              (changes[i] as DeliveryChange).delivery.etag,
            ),
      ),
    );
    const other = results.find((r) => !succeeded(r) && r.status !== 412 && r.status !== 404);
    if (other) throw new Error(`Writing deliveries: status ${other.status}`);
    return written.filter((_, i) => succeeded(results[i] as { status: number }));
  }

  /** The mailbox's recent sends; a mailbox never seen starts empty. */
  async pace(tenant: TenantId, mailbox: string): Promise<StoredPace> {
    const found = await this.paces.find(tenant, mailbox);
    if (found) return found;
    try {
      return await this.paces.create(tenant, mailbox, {
        mailbox,
        recent: [],
        day: "",
        dayCount: 0,
      });
    } catch {
      return this.paces.get(tenant, mailbox);
    }
  }

  /** Writes the mailbox's pace if no other worker wrote it since it was read. */
  async replacePace(tenant: TenantId, pace: StoredPace): Promise<StoredPace | undefined> {
    const { etag, ...body } = pace;
    try {
      return await this.paces.replace(tenant, pace.mailbox, body, etag);
    } catch (error) {
      if (error instanceof PreconditionFailedError) return undefined;
      throw error;
    }
  }

  /**
   * Makes jobId the logged segment's active send job, unless another one is (its id answered):
   * a one-at-a-time marker, taken over only when `isOver` says the job it names has ended.
   */
  async claimActive(
    tenant: TenantId,
    loggedSegmentEntryNo: number,
    jobId: string,
    isOver: (otherJobId: string) => Promise<boolean>,
  ): Promise<string | undefined> {
    const key = String(loggedSegmentEntryNo);
    for (;;) {
      const current = await this.active.find(tenant, key);
      if (!current) {
        try {
          await this.active.create(tenant, key, { loggedSegmentEntryNo, jobId });
          return undefined;
        } catch {
          continue;
        }
      }
      if (current.jobId === jobId) return undefined;
      if (!(await isOver(current.jobId))) return current.jobId;
      try {
        await this.active.replace(tenant, key, { loggedSegmentEntryNo, jobId }, current.etag);
        return undefined;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
      }
    }
  }

  /** True when this ETag is the job's current one (for callers holding an older read). */
  static isCurrent(job: StoredSendJob, etag: string): boolean {
    return sameEtag(job.etag, etag);
  }
}
