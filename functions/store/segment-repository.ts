import type { Container, OperationInput, SqlParameter } from "@azure/cosmos";
import type { CriteriaAction } from "@shared/model/criteria-action";
import type {
  Segment,
  SegmentLine,
  SegmentLineListQuery,
  SegmentListQuery,
} from "@shared/model/segment";
import { PreconditionFailedError } from "../errors/app-errors";
import { runBulk, succeeded, type BulkResult } from "./bulk";
import { partitionKey } from "./containers";
import { DocumentStore, type Page, type QuerySpec } from "./document-store";
import { lockId, SegmentLockRepository } from "./segment-lock-repository";
import type { TenantId } from "./tenant";

/** Stored header: what the API shows minus the counts, which live in the stats document. */
export type SegmentDoc = Omit<Segment, "etag" | "noOfLines" | "noOfCriteriaActions">;
export type SegmentHeader = Omit<Segment, "noOfLines" | "noOfCriteriaActions">;

/** Counters of one segment, kept beside the header so that line changes do not change its ETag. */
export interface SegmentStats {
  segmentNo: string;
  noOfLines: number;
  noOfCriteriaActions: number;
  /** The next free line No.; line numbers step by 10,000 as in Business Central. */
  nextLineNo: number;
  /** The next criteria action No.; never reused, so a number always names one action. */
  nextActionNo: number;
  etag: string;
}

/**
 * A Log in progress or done, in the segment's partition: the numbers it reserved and how far it
 * got, so a retried or interrupted Log carries on with the same entry numbers.
 */
export interface LogRun {
  segmentNo: string;
  status: "writing" | "done";
  /** The header's ETag when the Log started: a retry of the same request sends it again. */
  headerEtag: string;
  idempotencyKey?: string;
  loggedSegmentEntryNo: number;
  firstEntryNo: number;
  total: number;
  written: number;
  followUp: boolean;
  followUpSegmentNo?: string;
  startedAt: string;
  userId: string;
  finishedAt?: string;
  etag: string;
}

/** How a line came onto the segment, for Explain. */
export type LineVia = "criteria" | "expandedCompany" | "relatedCompany" | "manual" | "refresh";

/** A stored line: the API's line plus how it came (and, once removed by an action, by which). */
export type StoredLine = SegmentLine & {
  via?: LineVia;
  viaContactNo?: string;
  removedByAction?: number;
  /** The contact's merged letter, when a merge kept it for the record (document-names.ts). */
  mergedDocumentId?: string;
  /** The contact's own letter, when attachment.kind is "unique" (document-names.ts). */
  ownLetterDocumentId?: string;
};

export const emptyStats = (segmentNo: string): Omit<SegmentStats, "etag"> => ({
  segmentNo,
  noOfLines: 0,
  noOfCriteriaActions: 0,
  nextLineNo: lineNoStep,
  nextActionNo: 1,
});

export const lineNoStep = 10_000;

/** Keys of documents inside a segment's partition: `segmentNo|number`. */
const lineKey = (segmentNo: string, n: number) => `${segmentNo}|${n}`;
const splitKey = (key: string) => key.slice(0, key.lastIndexOf("|"));
const lastPart = (key: string) => key.slice(key.lastIndexOf("|") + 1);
export const lineId = (lineNo: number) => `line|${String(lineNo).padStart(10, "0")}`;
export const removedLineId = (lineNo: number) => `removed|${String(lineNo).padStart(10, "0")}`;
export const actionId = (no: number) => `action|${String(no).padStart(6, "0")}`;

export type SegmentFilters = Omit<SegmentListQuery, "top" | "continuationToken">;

const orderTerms: Record<SegmentFilters["orderBy"], string[]> = {
  no: ["c.no"],
  description: ["c.description", "c.no"],
  date: ["c.date", "c.no"],
  modifiedAt: ["c.modifiedAt", "c.no"],
};

export const segmentQuery = (f: Partial<SegmentFilters>): QuerySpec => {
  const where: string[] = [];
  const parameters: { name: string; value: string | boolean }[] = [];
  if (f.search) {
    where.push("(CONTAINS(UPPER(c.description), @search) OR STARTSWITH(c.no, @search))");
    parameters.push({ name: "@search", value: f.search.toUpperCase() });
  }
  for (const key of ["campaignNo", "salespersonCode", "status", "dynamic"] as const) {
    const value = f[key];
    if (value !== undefined) {
      where.push(`c.${key} = @${key}`);
      parameters.push({ name: `@${key}`, value });
    }
  }
  return { where, parameters, orderBy: orderTerms[f.orderBy ?? "no"] };
};

/** A segment's header, counters, lines (and, later, criteria actions) share its partition. */
export class SegmentRepository {
  readonly headers: DocumentStore<SegmentHeader>;
  readonly stats: DocumentStore<SegmentStats>;
  readonly lines: DocumentStore<StoredLine>;
  /** Lines a criteria action took off, kept whole so that Go Back can put them back. */
  readonly removedLines: DocumentStore<StoredLine>;
  readonly actions: DocumentStore<CriteriaAction & { etag: string }>;
  readonly logRuns: DocumentStore<LogRun>;
  /** One action at a time per segment: see SegmentLockRepository. */
  readonly locks: SegmentLockRepository;

  constructor(readonly container: Container) {
    this.locks = new SegmentLockRepository(container);
    this.headers = new DocumentStore<SegmentHeader>({
      container,
      docType: "segment",
      entityName: "Segment",
      keyField: "no",
      partitionKeyOf: partitionKey.segment,
      idOf: () => "header",
    });
    this.stats = new DocumentStore<SegmentStats>({
      container,
      docType: "segmentStats",
      entityName: "Segment counters",
      keyField: "segmentNo",
      partitionKeyOf: partitionKey.segment,
      idOf: () => "stats",
    });
    this.lines = new DocumentStore<StoredLine>({
      container,
      docType: "segmentLine",
      entityName: "Segment line",
      keyField: "lineNo",
      partitionKeyOf: (tenant, key) => partitionKey.segment(tenant, splitKey(key)),
      idOf: (key) => lineId(Number(lastPart(key))),
      internalKeys: ["via", "viaContactNo", "mergedDocumentId", "ownLetterDocumentId"],
    });
    this.removedLines = new DocumentStore<StoredLine>({
      container,
      docType: "removedSegmentLine",
      entityName: "Removed segment line",
      keyField: "lineNo",
      partitionKeyOf: (tenant, key) => partitionKey.segment(tenant, splitKey(key)),
      idOf: (key) => removedLineId(Number(lastPart(key))),
    });
    this.actions = new DocumentStore<CriteriaAction & { etag: string }>({
      container,
      docType: "criteriaAction",
      entityName: "Criteria action",
      keyField: "no",
      partitionKeyOf: (tenant, key) => partitionKey.segment(tenant, splitKey(key)),
      idOf: (key) => actionId(Number(lastPart(key))),
    });
    this.logRuns = new DocumentStore<LogRun>({
      container,
      docType: "logRun",
      entityName: "Log",
      keyField: "segmentNo",
      partitionKeyOf: partitionKey.segment,
      idOf: () => "logrun",
    });
  }

  lineKey = lineKey;

  listHeaders(
    tenant: TenantId,
    filters: SegmentFilters,
    top: number,
    token?: string,
  ): Promise<Page<SegmentHeader>> {
    return this.headers.page(tenant, segmentQuery(filters), { top, continuationToken: token });
  }

  async statsOf(
    tenant: TenantId,
    segmentNos: readonly string[],
  ): Promise<Map<string, SegmentStats>> {
    if (segmentNos.length === 0) return new Map();
    const all = await this.stats.all(tenant, {
      where: ["ARRAY_CONTAINS(@nos, c.segmentNo)"],
      parameters: [{ name: "@nos", value: [...segmentNos] }],
    });
    return new Map(all.map((s) => [s.segmentNo, s]));
  }

  /** Changes the counters with an ETag retry loop; returns the counters as they were before. */
  async updateStats(
    tenant: TenantId,
    segmentNo: string,
    change: (s: SegmentStats) => Omit<SegmentStats, "etag">,
  ): Promise<SegmentStats> {
    for (let attempt = 0; ; attempt++) {
      const current =
        (await this.stats.find(tenant, segmentNo)) ??
        (await this.stats.upsert(tenant, segmentNo, emptyStats(segmentNo)));
      try {
        // Counters written before criteria actions existed lack nextActionNo.
        const base = { ...emptyStats(segmentNo), ...current };
        await this.stats.replace(tenant, segmentNo, change(base), current.etag);
        return { ...emptyStats(segmentNo), ...current };
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
    }
  }

  listLines(
    tenant: TenantId,
    segmentNo: string,
    q: Omit<SegmentLineListQuery, "top" | "continuationToken">,
    top: number,
    token?: string,
  ): Promise<Page<SegmentLine>> {
    const where = ["c.segmentNo = @segmentNo"];
    const parameters: { name: string; value: string }[] = [
      { name: "@segmentNo", value: segmentNo },
    ];
    if (q.search) {
      where.push("(CONTAINS(UPPER(c.contactName), @search) OR STARTSWITH(c.contactNo, @search))");
      parameters.push({ name: "@search", value: q.search.toUpperCase() });
    }
    if (q.contactNo) {
      where.push("c.contactNo = @contactNo");
      parameters.push({ name: "@contactNo", value: q.contactNo });
    }
    return this.lines.page(
      tenant,
      {
        where,
        parameters,
        orderBy: ["c.lineNo"],
        partitionKey: partitionKey.segment(tenant, segmentNo),
      },
      { top, continuationToken: token },
    );
  }

  countLines(tenant: TenantId, segmentNo: string, contactNo?: string): Promise<number> {
    return this.lines.count(tenant, {
      where: ["c.segmentNo = @segmentNo", ...(contactNo ? ["c.contactNo = @contactNo"] : [])],
      parameters: [
        { name: "@segmentNo", value: segmentNo },
        ...(contactNo ? [{ name: "@contactNo", value: contactNo }] : []),
      ],
      partitionKey: partitionKey.segment(tenant, segmentNo),
    });
  }

  /**
   * Every document in the segment's partition but its header and its lock, for deleting the
   * segment: the header goes after them, the lock last, with the hold of whoever deletes.
   */
  async contentIds(tenant: TenantId, segmentNo: string): Promise<string[]> {
    const { resources } = await this.container.items
      .query<{ id: string }>(
        {
          query: "SELECT c.id FROM c WHERE c.pk = @pk AND c.tenantId = @tenantId",
          parameters: [
            { name: "@pk", value: partitionKey.segment(tenant, segmentNo) },
            { name: "@tenantId", value: tenant },
          ],
        },
        { partitionKey: partitionKey.segment(tenant, segmentNo) },
      )
      .fetchAll();
    return resources.map((r) => r.id).filter((id) => id !== "header" && id !== lockId);
  }

  /** Deletes documents of one partition in bulk; already-missing ones count as deleted. */
  async deleteIds(tenant: TenantId, segmentNo: string, ids: readonly string[]): Promise<void> {
    const pk = partitionKey.segment(tenant, segmentNo);
    const results = await runBulk(
      this.container,
      ids.map((id) => ({ operationType: "Delete" as const, id, partitionKey: pk })),
    );
    const failed = results.find((r) => !succeeded(r) && r.status !== 404);
    if (failed)
      throw new Error(`Deleting segment ${segmentNo} failed: ${failed.message ?? failed.status}`);
  }

  private inSegment(
    tenant: TenantId,
    segmentNo: string,
    where: string[] = [],
    parameters: SqlParameter[] = [],
  ): QuerySpec {
    return {
      where: ["c.segmentNo = @segmentNo", ...where],
      parameters: [{ name: "@segmentNo", value: segmentNo }, ...parameters],
      partitionKey: partitionKey.segment(tenant, segmentNo),
    };
  }

  /** Every line of the segment, whole or with the fields selected, from its partition alone. */
  allLines<R = StoredLine>(
    tenant: TenantId,
    segmentNo: string,
    select?: readonly string[],
  ): Promise<R[]> {
    return this.lines.allRaw<R>(tenant, {
      ...this.inSegment(tenant, segmentNo),
      ...(select ? { select: select.map((f) => `c.${f}`).join(", ") } : {}),
    });
  }

  /** Line No. and contact of every line on the segment (not the ones an action removed). */
  lineRefs(tenant: TenantId, segmentNo: string): Promise<{ lineNo: number; contactNo: string }[]> {
    return this.lines.allRaw(tenant, {
      ...this.inSegment(tenant, segmentNo),
      select: "c.lineNo, c.contactNo",
    });
  }

  /** Whole lines, for moving them aside when an action removes them. */
  async linesByNo(
    tenant: TenantId,
    segmentNo: string,
    lineNos: readonly number[],
  ): Promise<StoredLine[]> {
    if (lineNos.length === 0) return [];
    return this.lines.allRaw<StoredLine>(
      tenant,
      this.inSegment(
        tenant,
        segmentNo,
        ["ARRAY_CONTAINS(@lineNos, c.lineNo)"],
        [{ name: "@lineNos", value: [...lineNos] }],
      ),
    );
  }

  /** Line Nos. an action inserted. */
  async lineNosOfAction(tenant: TenantId, segmentNo: string, actionNo: number): Promise<number[]> {
    const rows = await this.lines.allRaw<{ lineNo: number }>(tenant, {
      ...this.inSegment(
        tenant,
        segmentNo,
        ["c.actionNo = @actionNo"],
        [{ name: "@actionNo", value: actionNo }],
      ),
      select: "c.lineNo",
    });
    return rows.map((r) => r.lineNo);
  }

  /** The lines an action took off, whole. */
  removedBy(tenant: TenantId, segmentNo: string, actionNo: number): Promise<StoredLine[]> {
    return this.removedLines.allRaw<StoredLine>(
      tenant,
      this.inSegment(
        tenant,
        segmentNo,
        ["c.removedByAction = @actionNo"],
        [{ name: "@actionNo", value: actionNo }],
      ),
    );
  }

  /** The segment's criteria actions in the order they ran. */
  async listActions(
    tenant: TenantId,
    segmentNo: string,
  ): Promise<(CriteriaAction & { etag: string })[]> {
    const all = await this.actions.all(tenant, this.inSegment(tenant, segmentNo));
    return all.sort((a, b) => a.no - b.no);
  }

  /** Runs writes inside the segment's partition; see runBulk. */
  bulk(operations: readonly OperationInput[]): Promise<BulkResult[]> {
    return runBulk(this.container, operations);
  }
}
