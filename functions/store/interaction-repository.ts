import type { Container, SqlParameter } from "@azure/cosmos";
import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import { partitionKey } from "./containers";
import { DocumentStore } from "./document-store";
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

/** Interaction log entries, one partition per contact (tenant|contactNo). */
export class InteractionRepository {
  readonly entries: DocumentStore<InteractionLogEntry>;

  constructor(readonly container: Container) {
    this.entries = new DocumentStore<InteractionLogEntry>({
      container,
      docType: "interactionLogEntry",
      entityName: "Interaction log entry",
      keyField: "entryNo",
      partitionKeyOf: (tenant, key) =>
        partitionKey.interactions(tenant, key.slice(0, key.lastIndexOf("|"))),
      idOf: (key) => `entry|${key.slice(key.lastIndexOf("|") + 1).padStart(10, "0")}`,
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
