import type { SendAttachments } from "@shared/model/delivery";
import type { FieldMatches } from "@shared/model/field-match";
import type { Container, ItemDefinition, SqlParameter } from "@azure/cosmos";
import type { CriteriaAction } from "@shared/model/criteria-action";
import type {
  Segment,
  SegmentLine,
  SegmentLineListQuery,
  SegmentListQuery,
} from "@shared/model/segment";
import type { SegmentInteractionLanguage } from "@shared/model/segment-interaction-language";
import { PreconditionFailedError } from "../errors/app-errors";
import { runAll, runBulk, succeeded } from "./bulk";
import { partitionKey } from "./containers";
import { rethrowUnavailable } from "./cosmos-errors";
import { DocumentStore, type EntityStore, type Page, type QuerySpec } from "./document-store";
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
  /**
   * Bumped by every write that adds, removes or changes lines, so that the segment's ETag (the
   * header's and this) changes with the lines a Log would write; absent on older counters.
   */
  linesVersion?: number;
  etag: string;
}

/**
 * A Log in progress or done, in the segment's partition: the numbers it reserved and how far it
 * got, so a retried or interrupted Log carries on with the same entry numbers.
 */
export interface LogRun {
  segmentNo: string;
  status: "writing" | "done";
  /** The segment's ETag (header and lines) when the Log started: a retry sends it again. */
  headerEtag: string;
  idempotencyKey?: string;
  loggedSegmentEntryNo: number;
  firstEntryNo: number;
  /**
   * The campaigns the lines name, in order, and the campaign entry No. of the first: one campaign
   * entry per campaign, numbered once with the run so that a resumed Log writes the same ones.
   * Absent on runs started before campaign entries were kept.
   */
  campaignNos?: string[];
  firstCampaignEntryNo?: number;
  total: number;
  written: number;
  followUp: boolean;
  followUpSegmentNo?: string;
  /** Log with Send Attachments: the send job is made from this once the entries are written. */
  sendAttachments?: SendAttachments;
  startedAt: string;
  userId: string;
  /** The starter's name to show (functions/segments/segment-lock.ts holderName); absent without one. */
  userName?: string;
  finishedAt?: string;
  /**
   * The template letters the Log copied for its logged segment, recorded before any entry is
   * written: which letter language a line of a template and language got. Absent until copied.
   */
  pinnedLetters?: PinnedLetter[];
  etag: string;
}

/** A line of template `templateCode` in `lineLanguageCode` ("" for none) got the letter in `letterLanguageCode`. */
export interface PinnedLetter {
  templateCode: string;
  lineLanguageCode: string;
  letterLanguageCode: string;
  /** The letter's Match Fields when the Log copied it: its entries merge with them. */
  fieldMatches?: FieldMatches;
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
  /** The key the lines are listed by (segments/line-order.ts), fixed when the line is added. */
  listOrder?: string;
};

export const emptyStats = (segmentNo: string): Omit<SegmentStats, "etag"> => ({
  segmentNo,
  noOfLines: 0,
  noOfCriteriaActions: 0,
  nextLineNo: lineNoStep,
  nextActionNo: 1,
  linesVersion: 0,
});

export const lineNoStep = 10_000;

/** Keys of documents inside a segment's partition: `segmentNo|number`. */
const lineKey = (segmentNo: string, n: number) => `${segmentNo}|${n}`;
const splitKey = (key: string) => key.slice(0, key.lastIndexOf("|"));
const lastPart = (key: string) => key.slice(key.lastIndexOf("|") + 1);
export const lineId = (lineNo: number) => `line|${String(lineNo).padStart(10, "0")}`;
export const removedLineId = (lineNo: number) => `removed|${String(lineNo).padStart(10, "0")}`;
export const actionId = (no: number) => `action|${String(no).padStart(6, "0")}`;
const languageId = (languageCode: string) => `language|${languageCode}`;

/** A segment's subject per language (Business Central's Segment Interaction Language), as stored. */
export type StoredInteractionLanguage = Omit<SegmentInteractionLanguage, "letterFileName">;

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
  // A logged segment is history (Business Central deletes it): it lists as a logged segment only.
  if (f.status === undefined) where.push(`c.status != "logged"`);
  return { where, parameters, orderBy: orderTerms[f.orderBy ?? "no"] };
};

/**
 * How lines are paged: as the user sees them (company name, company before persons, name), or
 * in line No. order, as BC's merge and Log walk them.
 */
export type LineListOrder = "display" | "lineNo";

/** A line as a criteria action or an add writes it: a stored line before the store has it. */
export type NewLine = Omit<StoredLine, "etag">;

/**
 * A segment's header, counters, lines, criteria actions, Log run and lock share its partition.
 * Services get entities with an opaque ETag and domain operations (insert lines, move them aside,
 * restore them...); the documents, their ids and the bulk operations stay here.
 */
export class SegmentRepository {
  readonly headers: EntityStore<SegmentHeader>;
  readonly stats: EntityStore<SegmentStats>;
  readonly lines: EntityStore<StoredLine>;
  readonly actions: EntityStore<CriteriaAction & { etag: string }>;
  readonly logRuns: EntityStore<LogRun>;
  /** Keyed `segmentNo|languageCode`. */
  readonly interactionLanguages: EntityStore<StoredInteractionLanguage>;
  private readonly languageDocs: DocumentStore<StoredInteractionLanguage>;
  /** One action at a time per segment: see SegmentLockRepository. */
  readonly locks: SegmentLockRepository;
  private readonly headerDocs: DocumentStore<SegmentHeader>;
  private readonly statsDocs: DocumentStore<SegmentStats>;
  private readonly lineDocs: DocumentStore<StoredLine>;
  /** Lines a criteria action took off, kept whole so that Go Back can put them back. */
  private readonly removedLineDocs: DocumentStore<StoredLine>;
  private readonly actionDocs: DocumentStore<CriteriaAction & { etag: string }>;

  constructor(private readonly container: Container) {
    this.locks = new SegmentLockRepository(container);
    this.headers = this.headerDocs = new DocumentStore<SegmentHeader>({
      container,
      docType: "segment",
      entityName: "Segment",
      keyField: "no",
      partitionKeyOf: partitionKey.segment,
      idOf: () => "header",
    });
    this.stats = this.statsDocs = new DocumentStore<SegmentStats>({
      container,
      docType: "segmentStats",
      entityName: "Segment counters",
      keyField: "segmentNo",
      partitionKeyOf: partitionKey.segment,
      idOf: () => "stats",
    });
    this.lines = this.lineDocs = new DocumentStore<StoredLine>({
      container,
      docType: "segmentLine",
      entityName: "Segment line",
      keyField: "lineNo",
      partitionKeyOf: (tenant, key) => partitionKey.segment(tenant, splitKey(key)),
      idOf: (key) => lineId(Number(lastPart(key))),
      internalKeys: ["via", "viaContactNo", "mergedDocumentId", "ownLetterDocumentId", "listOrder"],
    });
    this.removedLineDocs = new DocumentStore<StoredLine>({
      container,
      docType: "removedSegmentLine",
      entityName: "Removed segment line",
      keyField: "lineNo",
      partitionKeyOf: (tenant, key) => partitionKey.segment(tenant, splitKey(key)),
      idOf: (key) => removedLineId(Number(lastPart(key))),
    });
    this.actions = this.actionDocs = new DocumentStore<CriteriaAction & { etag: string }>({
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
    this.interactionLanguages = this.languageDocs = new DocumentStore<StoredInteractionLanguage>({
      container,
      docType: "segmentInteractionLanguage",
      entityName: "Segment interaction language",
      keyField: "languageCode",
      partitionKeyOf: (tenant, key) => partitionKey.segment(tenant, splitKey(key)),
      idOf: (key) => languageId(lastPart(key)),
    });
  }

  /** The segment's subjects per language, by language code. */
  async interactionLanguagesOf(
    tenant: TenantId,
    segmentNo: string,
  ): Promise<StoredInteractionLanguage[]> {
    // A handful per segment: sorted here rather than by an index of their own.
    const all = await this.languageDocs.all(tenant, this.inSegment(tenant, segmentNo));
    return all.sort((a, b) => (a.languageCode < b.languageCode ? -1 : 1));
  }

  lineKey = lineKey;

  listHeaders(
    tenant: TenantId,
    filters: SegmentFilters,
    top: number,
    token?: string,
  ): Promise<Page<SegmentHeader>> {
    return this.headerDocs.page(tenant, segmentQuery(filters), { top, continuationToken: token });
  }

  async statsOf(
    tenant: TenantId,
    segmentNos: readonly string[],
  ): Promise<Map<string, SegmentStats>> {
    if (segmentNos.length === 0) return new Map();
    const all = await this.statsDocs.all(tenant, {
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
        (await this.statsDocs.find(tenant, segmentNo)) ??
        (await this.statsDocs.upsert(tenant, segmentNo, emptyStats(segmentNo)));
      try {
        // Counters written before criteria actions existed lack nextActionNo.
        const base = { ...emptyStats(segmentNo), ...current };
        await this.statsDocs.replace(tenant, segmentNo, change(base), current.etag);
        return { ...emptyStats(segmentNo), ...current };
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
    }
  }

  /** Records that the segment's lines changed: its ETag changes with them. */
  async linesChanged(tenant: TenantId, segmentNo: string): Promise<void> {
    await this.updateStats(tenant, segmentNo, ({ etag: _e, ...s }) => ({
      ...s,
      linesVersion: (s.linesVersion ?? 0) + 1,
    }));
  }

  /** The version of the segment's lines (see SegmentStats.linesVersion). */
  async linesVersionOf(tenant: TenantId, segmentNo: string): Promise<number> {
    return (await this.statsDocs.find(tenant, segmentNo))?.linesVersion ?? 0;
  }

  listLines(
    tenant: TenantId,
    segmentNo: string,
    q: Omit<SegmentLineListQuery, "top" | "continuationToken">,
    top: number,
    token?: string,
    order: LineListOrder = "display",
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
    return this.lineDocs.page(
      tenant,
      {
        where,
        parameters,
        orderBy: order === "display" ? ["c.listOrder", "c.lineNo"] : ["c.lineNo"],
        partitionKey: partitionKey.segment(tenant, segmentNo),
      },
      { top, continuationToken: token },
    );
  }

  countLines(tenant: TenantId, segmentNo: string, contactNo?: string): Promise<number> {
    return this.lineDocs.count(tenant, {
      where: ["c.segmentNo = @segmentNo", ...(contactNo ? ["c.contactNo = @contactNo"] : [])],
      parameters: [
        { name: "@segmentNo", value: segmentNo },
        ...(contactNo ? [{ name: "@contactNo", value: contactNo }] : []),
      ],
      partitionKey: partitionKey.segment(tenant, segmentNo),
    });
  }

  /**
   * Deletes everything in the segment's partition but its header and its lock (lines, the lines
   * actions set aside, actions, counters, the Log run), for deleting the segment: the header goes
   * after them, the lock last, with the hold of whoever deletes. What is gone already counts as
   * deleted, so a repeat finishes a delete that stopped part way.
   */
  async deleteContent(tenant: TenantId, segmentNo: string): Promise<void> {
    const pk = partitionKey.segment(tenant, segmentNo);
    const { resources } = await this.container.items
      .query<{ id: string }>(
        {
          query: "SELECT c.id FROM c WHERE c.pk = @pk AND c.tenantId = @tenantId",
          parameters: [
            { name: "@pk", value: pk },
            { name: "@tenantId", value: tenant },
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll()
      .catch(rethrowUnavailable);
    const ids = resources.map((r) => r.id).filter((id) => id !== "header" && id !== lockId);
    await runAll(
      this.container,
      ids.map((id) => ({ operationType: "Delete" as const, id, partitionKey: pk })),
      `Deleting segment ${segmentNo}`,
      [404],
    );
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

  /**
   * Every line of the segment from its partition alone: whole, with what only the store shows
   * (how it came, its letters) and each line's ETag, or with just the fields in `select`.
   */
  allLines<R = StoredLine>(
    tenant: TenantId,
    segmentNo: string,
    select?: readonly string[],
  ): Promise<R[]> {
    const inSegment = this.inSegment(tenant, segmentNo);
    return select
      ? this.lineDocs.allRaw<R>(tenant, {
          ...inSegment,
          select: select.map((f) => `c.${f}`).join(", "),
        })
      : (this.lineDocs.allStored(tenant, inSegment) as unknown as Promise<R[]>);
  }

  /**
   * The next `top` lines after line No. `after`, in line No. order, whole (as allLines): a page
   * of a walk through the lines that a long change writes back page by page.
   */
  async storedLinesAfter(
    tenant: TenantId,
    segmentNo: string,
    after: number,
    top: number,
  ): Promise<StoredLine[]> {
    const docs = await this.lineDocs.allRaw<ItemDefinition>(tenant, {
      ...this.inSegment(
        tenant,
        segmentNo,
        ["c.lineNo > @after"],
        [{ name: "@after", value: after }],
      ),
      select: `TOP ${Math.max(1, Math.floor(top))} *`,
      orderBy: ["c.lineNo"],
    });
    return docs.map((d) => this.lineDocs.toStored(d));
  }

  /** One line with what only the store shows (how it came, its letters), for writing it back. */
  storedLine(tenant: TenantId, segmentNo: string, lineNo: number): Promise<StoredLine | undefined> {
    return this.lineDocs.findStored(tenant, lineKey(segmentNo, lineNo));
  }

  /** Line No. and contact of every line on the segment (not the ones an action removed). */
  lineRefs(tenant: TenantId, segmentNo: string): Promise<{ lineNo: number; contactNo: string }[]> {
    return this.lineDocs.allRaw(tenant, {
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
    return this.lineDocs.allStored(
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
    const rows = await this.lineDocs.allRaw<{ lineNo: number }>(tenant, {
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
    return this.removedLineDocs.allStored(
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
    const all = await this.actionDocs.all(tenant, this.inSegment(tenant, segmentNo));
    return all.sort((a, b) => a.no - b.no);
  }

  /**
   * Creates the lines under their line Nos. A line that is there already was written by an
   * earlier attempt at the same action (line Nos. are reserved once), so it counts as written.
   */
  insertLines(tenant: TenantId, segmentNo: string, lines: readonly NewLine[]): Promise<void> {
    return runAll(
      this.container,
      lines.map((line) =>
        this.lineDocs.createOperation(tenant, lineKey(segmentNo, line.lineNo), line),
      ),
      "Adding lines",
      [409],
    );
  }

  /**
   * Takes lines off the segment for criteria action `actionNo`: each is first copied aside whole
   * (with its per-line edits), and only when every copy is written are the lines deleted, so a
   * crash at any point leaves every line either on the segment or aside, for Go Back.
   */
  async moveLinesAside(
    tenant: TenantId,
    segmentNo: string,
    lines: readonly StoredLine[],
    actionNo: number,
  ): Promise<void> {
    await runAll(
      this.container,
      lines.map((line) =>
        this.removedLineDocs.upsertOperation(tenant, lineKey(segmentNo, line.lineNo), {
          ...line,
          removedByAction: actionNo,
        }),
      ),
      "Setting removed lines aside",
    );
    await this.deleteLines(
      tenant,
      segmentNo,
      lines.map((l) => l.lineNo),
      "Removing lines",
    );
  }

  /** Deletes lines; a line that is gone already counts as deleted. */
  deleteLines(
    tenant: TenantId,
    segmentNo: string,
    lineNos: readonly number[],
    what = "Deleting lines",
  ): Promise<void> {
    return runAll(
      this.container,
      lineNos.map((lineNo) => this.lineDocs.deleteOperation(tenant, lineKey(segmentNo, lineNo))),
      what,
      [404],
    );
  }

  /**
   * Puts lines an action set aside (removedBy) back as they were; only when every one is back are
   * the copies cleared, so a crash in between leaves them to be restored again.
   */
  async restoreLines(
    tenant: TenantId,
    segmentNo: string,
    removed: readonly StoredLine[],
  ): Promise<void> {
    await runAll(
      this.container,
      removed.map(({ removedByAction: _r, ...line }) =>
        this.lineDocs.upsertOperation(tenant, lineKey(segmentNo, line.lineNo), line),
      ),
      "Restoring removed lines",
    );
    await runAll(
      this.container,
      removed.map((line) =>
        this.removedLineDocs.deleteOperation(tenant, lineKey(segmentNo, line.lineNo)),
      ),
      "Clearing restored lines",
      [404],
    );
  }

  /**
   * Writes each line back whole if it is still as read (its ETag); a line changed or deleted
   * meanwhile keeps what it has. Returns, line by line, whether it was written.
   */
  async replaceLines(
    tenant: TenantId,
    segmentNo: string,
    lines: readonly StoredLine[],
  ): Promise<boolean[]> {
    const results = await runBulk(
      this.container,
      lines.map((line) =>
        this.lineDocs.replaceOperation(tenant, lineKey(segmentNo, line.lineNo), line, line.etag),
      ),
    );
    return results.map(succeeded);
  }
}
