import type { FieldMatches } from "@shared/model/field-match";
import type { Container, SqlParameter } from "@azure/cosmos";
import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import type { LoggedSegment } from "@shared/model/logged-segment";
import { PartialWriteError } from "../errors/app-errors";
import { runBulk, succeeded } from "./bulk";
import { partitionKey } from "./containers";
import type { DocumentId } from "./document-names";
import { DocumentStore, type EntityStore, type Page } from "./document-store";
import type { TenantId } from "./tenant";

export interface InteractionMatch {
  /** Inclusive ISO dates. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly interactionTemplateCode?: string | undefined;
  readonly campaignNo?: string | undefined;
  readonly segmentNo?: string | undefined;
  readonly evaluation?: string | undefined;
  readonly salespersonCode?: string | undefined;
  readonly loggedSegmentEntryNo?: number | undefined;
}

const entryKey = (contactNo: string, entryNo: number) => `${contactNo}|${entryNo}`;
export const entryId = (entryNo: number) => `entry|${String(entryNo).padStart(10, "0")}`;

const filtersToSql = (f: InteractionFilters): { where: string[]; parameters: SqlParameter[] } => {
  const where: string[] = [];
  const parameters: SqlParameter[] = [];
  const add = (condition: string, name: string, value: string | string[]) => {
    where.push(condition);
    parameters.push({ name, value });
  };
  if (!f.includeCanceled) where.push("NOT (c.canceled = true)");
  if (f.from) add("c.date >= @from", "@from", f.from);
  if (f.to) add("c.date <= @to", "@to", f.to);
  if (f.interactionTemplateCode?.length)
    add("ARRAY_CONTAINS(@templates, c.interactionTemplateCode)", "@templates", [
      ...f.interactionTemplateCode,
    ]);
  if (f.campaignNo) add("c.campaignNo = @campaign", "@campaign", f.campaignNo);
  if (f.segmentNo) add("c.segmentNo = @segment", "@segment", f.segmentNo);
  if (f.salespersonCode) add("c.salespersonCode = @salesperson", "@salesperson", f.salespersonCode);
  return { where, parameters };
};

/** Logged segments of a tenant share one partition; a contact number can never be "#logged". */
const loggedPartition = "#logged";

export interface InteractionFilters {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly interactionTemplateCode?: readonly string[] | undefined;
  readonly campaignNo?: string | undefined;
  readonly segmentNo?: string | undefined;
  readonly salespersonCode?: string | undefined;
  readonly includeCanceled?: boolean | undefined;
}

/** An entry as stored: what the API shows, and the kept letter's document id, which it does not. */
export type StoredEntry = InteractionLogEntry & {
  documentId?: DocumentId;
  /** Match Fields of the template letter the entry went out with, as the Log copied it. */
  letterFieldMatches?: FieldMatches;
};

export type LoggedSegmentFilters = {
  /** An entry No. (digits), the start of a segment No., or part of a description. */
  readonly search?: string | undefined;
  readonly segmentNo?: string | undefined;
  readonly canceled?: boolean | undefined;
};

/** Interaction log entries, one partition per contact (tenant|contactNo); logged segments beside them. */
export class InteractionRepository {
  readonly entries: EntityStore<InteractionLogEntry>;
  readonly loggedSegments: EntityStore<LoggedSegment>;
  private readonly entryDocs: DocumentStore<StoredEntry>;
  private readonly loggedDocs: DocumentStore<LoggedSegment>;

  constructor(private readonly container: Container) {
    this.entries = this.entryDocs = new DocumentStore<StoredEntry>({
      container,
      docType: "interactionLogEntry",
      entityName: "Interaction log entry",
      keyField: "entryNo",
      partitionKeyOf: (tenant, key) =>
        partitionKey.interactions(tenant, key.slice(0, key.lastIndexOf("|"))),
      idOf: (key) => entryId(Number(key.slice(key.lastIndexOf("|") + 1))),
      // The letter kept with the entry, by document id: the API shows only which letter it was.
      internalKeys: ["documentId", "letterFieldMatches"],
    });
    this.loggedSegments = this.loggedDocs = new DocumentStore<LoggedSegment>({
      container,
      docType: "loggedSegment",
      entityName: "Logged segment",
      keyField: "entryNo",
      partitionKeyOf: (tenant) => partitionKey.interactions(tenant, loggedPartition),
      idOf: (key) => `logged|${key.padStart(10, "0")}`,
    });
  }

  /** The tenant's logged segments, newest first. */
  listLogged(
    tenant: TenantId,
    filters: LoggedSegmentFilters,
    top: number,
    token?: string,
  ): Promise<Page<LoggedSegment>> {
    const where: string[] = [];
    const parameters: { name: string; value: string | boolean | number }[] = [];
    if (filters.search) {
      const entryNo = /^\d{1,9}$/.test(filters.search) ? Number(filters.search) : undefined;
      where.push(
        `(STARTSWITH(c.segmentNo, @search) OR CONTAINS(UPPER(c.description), @search)${
          entryNo === undefined ? "" : " OR c.entryNo = @entryNo"
        })`,
      );
      parameters.push({ name: "@search", value: filters.search.toUpperCase() });
      if (entryNo !== undefined) parameters.push({ name: "@entryNo", value: entryNo });
    }
    if (filters.segmentNo) {
      where.push("c.segmentNo = @segmentNo");
      parameters.push({ name: "@segmentNo", value: filters.segmentNo });
    }
    if (filters.canceled !== undefined) {
      where.push("c.canceled = @canceled");
      parameters.push({ name: "@canceled", value: filters.canceled });
    }
    return this.loggedDocs.page(
      tenant,
      {
        where,
        parameters,
        orderBy: ["c.entryNo DESC"],
        partitionKey: partitionKey.interactions(tenant, loggedPartition),
      },
      { top, continuationToken: token },
    );
  }

  /**
   * Writes a Log's entries under their entry Nos. An entry that is there already was written by
   * an earlier attempt at the same Log (its numbers are reserved once), so it counts as written;
   * any other refusal is a PartialWriteError, and repeating the Log writes the rest.
   */
  async createEntries(
    tenant: TenantId,
    entries: readonly Omit<StoredEntry, "etag">[],
  ): Promise<void> {
    const results = await runBulk(
      this.container,
      entries.map((entry) =>
        this.entryDocs.createOperation(tenant, entryKey(entry.contactNo, entry.entryNo), entry),
      ),
    );
    const failed = results.filter((r) => !succeeded(r) && r.status !== 409);
    const first = failed[0];
    if (first)
      throw new PartialWriteError(
        "Writing interaction log entries",
        results.length - failed.length,
        failed.length,
        first.status,
      );
  }

  /** Entries by contact and entry No. (point reads), whole; undefined where one is gone. */
  entriesByKeys(
    tenant: TenantId,
    keys: readonly { readonly contactNo: string; readonly entryNo: number }[],
  ): Promise<(StoredEntry | undefined)[]> {
    return Promise.all(
      keys.map((k) => this.entryDocs.findStored(tenant, entryKey(k.contactNo, k.entryNo))),
    );
  }

  /** One entry by its number alone, whole (with the letter's id); undefined when there is none. */
  async findEntry(tenant: TenantId, entryNo: number): Promise<StoredEntry | undefined> {
    const [entry] = await this.entryDocs.allStored(tenant, {
      where: ["c.id = @id"],
      parameters: [{ name: "@id", value: entryId(entryNo) }],
    });
    return entry;
  }

  /** The entries of one logged segment, whole (with the kept letter's id). */
  entriesOfLogged(tenant: TenantId, loggedSegmentEntryNo: number): Promise<StoredEntry[]> {
    return this.entryDocs.allStored(tenant, {
      where: ["c.loggedSegmentEntryNo = @logged"],
      parameters: [{ name: "@logged", value: loggedSegmentEntryNo }],
    });
  }

  /**
   * Sets every entry of a logged segment canceled (or not), each only if it is still as read;
   * an entry already in that state is left alone, so a repeat finishes what a crash stopped.
   * Returns how many entries could not be changed.
   */
  async setEntriesCanceled(
    tenant: TenantId,
    loggedSegmentEntryNo: number,
    canceled: boolean,
  ): Promise<number> {
    const entries = await this.entriesOfLogged(tenant, loggedSegmentEntryNo);
    const results = await runBulk(
      this.container,
      entries
        .filter((e) => e.canceled !== canceled)
        .map((e) =>
          this.entryDocs.replaceOperation(
            tenant,
            entryKey(e.contactNo, e.entryNo),
            { ...e, canceled },
            e.etag,
          ),
        ),
    );
    return results.filter((r) => !succeeded(r)).length;
  }

  /**
   * Sets each entry's delivery status (and the time its e-mail was sent), each only if it is
   * still as read: an entry changed meanwhile (an evaluation) is read again and set again.
   */
  async setDeliveryStatus(
    tenant: TenantId,
    updates: readonly {
      readonly contactNo: string;
      readonly entryNo: number;
      readonly status: InteractionLogEntry["deliveryStatus"];
      readonly sentAt?: string | undefined;
    }[],
  ): Promise<void> {
    let pending = [...updates];
    for (let round = 0; pending.length > 0 && round < 5; round++) {
      const current = await Promise.all(
        pending.map((u) => this.entryDocs.findStored(tenant, entryKey(u.contactNo, u.entryNo))),
      );
      const writes = pending.flatMap((u, i) => {
        const entry = current[i];
        if (!entry) return [];
        if (entry.deliveryStatus === u.status && entry.sentAt === u.sentAt) return [];
        const { sentAt: _s, ...rest } = entry;
        return [
          {
            update: u,
            op: this.entryDocs.replaceOperation(
              tenant,
              entryKey(u.contactNo, u.entryNo),
              { ...rest, deliveryStatus: u.status, ...(u.sentAt ? { sentAt: u.sentAt } : {}) },
              entry.etag,
            ),
          },
        ];
      });
      const results = await runBulk(
        this.container,
        writes.map((w) => w.op),
      );
      pending = writes.filter((_, i) => results[i]?.status === 412).map((w) => w.update);
    }
  }

  /** Deletes every entry of a logged segment; returns how many could not be (gone ones could). */
  async deleteEntriesOfLogged(tenant: TenantId, loggedSegmentEntryNo: number): Promise<number> {
    const entries = await this.entriesOfLogged(tenant, loggedSegmentEntryNo);
    const results = await runBulk(
      this.container,
      entries.map((e) => this.entryDocs.deleteOperation(tenant, entryKey(e.contactNo, e.entryNo))),
    );
    return results.filter((r) => !succeeded(r) && r.status !== 404).length;
  }

  pageOfLogged(
    tenant: TenantId,
    loggedSegmentEntryNo: number,
    top: number,
    token?: string,
  ): Promise<Page<InteractionLogEntry>> {
    return this.entryDocs.page(
      tenant,
      {
        where: ["c.loggedSegmentEntryNo = @logged"],
        parameters: [{ name: "@logged", value: loggedSegmentEntryNo }],
        orderBy: ["c.entryNo"],
      },
      { top, continuationToken: token },
    );
  }

  /** A contact's log; for a company also its persons' (matched on the entry's company No.). */
  listForContact(
    tenant: TenantId,
    contactNo: string,
    withCompanyPersons: boolean,
    f: InteractionFilters,
    top: number,
    token?: string,
  ): Promise<Page<InteractionLogEntry>> {
    const { where, parameters } = filtersToSql(f);
    where.unshift(
      withCompanyPersons
        ? "(c.contactNo = @contact OR c.contactCompanyNo = @contact)"
        : "c.contactNo = @contact",
    );
    parameters.push({ name: "@contact", value: contactNo });
    return this.entryDocs.page(
      tenant,
      {
        where,
        parameters,
        orderBy: ["c.entryNo DESC"],
        ...(withCompanyPersons
          ? {}
          : { partitionKey: partitionKey.interactions(tenant, contactNo) }),
      },
      { top, continuationToken: token },
    );
  }

  /** The fields statistics add up, for every entry in the period that is not canceled. */
  forStatistics(tenant: TenantId, from?: string, to?: string) {
    const { where, parameters } = filtersToSql({ from, to });
    return this.entryDocs.allRaw<{
      interactionTemplateCode?: string;
      campaignNo?: string;
      cost: number;
      duration: number;
    }>(tenant, {
      select: "c.interactionTemplateCode, c.campaignNo, c.cost, c.duration",
      where,
      parameters,
    });
  }

  entryKey = entryKey;

  /** The contacts with at least one entry matching every given part; canceled entries never count. */
  async contactNosMatching(tenant: TenantId, match: InteractionMatch): Promise<Set<string>> {
    const where = ["NOT (c.canceled = true)"];
    const parameters: SqlParameter[] = [];
    const add = (condition: string, name: string, value: string | number) => {
      where.push(condition);
      parameters.push({ name, value });
    };
    if (match.from) add("c.date >= @from", "@from", match.from);
    if (match.to) add("c.date <= @to", "@to", match.to);
    if (match.interactionTemplateCode)
      add("c.interactionTemplateCode = @template", "@template", match.interactionTemplateCode);
    if (match.campaignNo) add("c.campaignNo = @campaign", "@campaign", match.campaignNo);
    if (match.segmentNo) add("c.segmentNo = @segment", "@segment", match.segmentNo);
    if (match.evaluation) add("c.evaluation = @evaluation", "@evaluation", match.evaluation);
    if (match.salespersonCode)
      add("c.salespersonCode = @salesperson", "@salesperson", match.salespersonCode);
    if (match.loggedSegmentEntryNo !== undefined)
      add("c.loggedSegmentEntryNo = @logged", "@logged", match.loggedSegmentEntryNo);
    const rows = await this.entryDocs.allRaw<{ contactNo: string }>(tenant, {
      select: "c.contactNo",
      where,
      parameters,
    });
    return new Set(rows.map((r) => r.contactNo));
  }
}
