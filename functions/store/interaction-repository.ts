import type { Container, OperationInput, SqlParameter } from "@azure/cosmos";
import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import type { LoggedSegment } from "@shared/model/logged-segment";
import { runBulk, type BulkResult } from "./bulk";
import { partitionKey } from "./containers";
import { DocumentStore, type Page } from "./document-store";
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

/** Interaction log entries, one partition per contact (tenant|contactNo); logged segments beside them. */
export class InteractionRepository {
  readonly entries: DocumentStore<InteractionLogEntry>;
  readonly loggedSegments: DocumentStore<LoggedSegment>;

  constructor(readonly container: Container) {
    this.entries = new DocumentStore<InteractionLogEntry>({
      container,
      docType: "interactionLogEntry",
      entityName: "Interaction log entry",
      keyField: "entryNo",
      partitionKeyOf: (tenant, key) =>
        partitionKey.interactions(tenant, key.slice(0, key.lastIndexOf("|"))),
      idOf: (key) => entryId(Number(key.slice(key.lastIndexOf("|") + 1))),
      // The letter kept with the entry, by document id: the API shows only which letter it was.
      internalKeys: ["documentId"],
    });
    this.loggedSegments = new DocumentStore<LoggedSegment>({
      container,
      docType: "loggedSegment",
      entityName: "Logged segment",
      keyField: "entryNo",
      partitionKeyOf: (tenant) => partitionKey.interactions(tenant, loggedPartition),
      idOf: (key) => `logged|${key.padStart(10, "0")}`,
    });
  }

  loggedPartitionKey(tenant: TenantId): string {
    return partitionKey.interactions(tenant, loggedPartition);
  }

  /** Writes entries and reports each one's status (201, or 409 when it is there already). */
  bulk(operations: readonly OperationInput[]): Promise<BulkResult[]> {
    return runBulk(this.container, operations);
  }

  /** The entries of one logged segment, whole (for cancel and delete). */
  entriesOfLogged<R = InteractionLogEntry & { id: string; pk: string; _etag: string }>(
    tenant: TenantId,
    loggedSegmentEntryNo: number,
  ): Promise<R[]> {
    return this.entries.allRaw<R>(tenant, {
      where: ["c.loggedSegmentEntryNo = @logged"],
      parameters: [{ name: "@logged", value: loggedSegmentEntryNo }],
    });
  }

  pageOfLogged(
    tenant: TenantId,
    loggedSegmentEntryNo: number,
    top: number,
    token?: string,
  ): Promise<Page<InteractionLogEntry>> {
    return this.entries.page(
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
    return this.entries.page(
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
    return this.entries.allRaw<{
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
    const rows = await this.entries.allRaw<{ contactNo: string }>(tenant, {
      select: "c.contactNo",
      where,
      parameters,
    });
    return new Set(rows.map((r) => r.contactNo));
  }
}
