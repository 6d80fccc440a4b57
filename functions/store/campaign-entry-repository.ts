import type { Container } from "@azure/cosmos";
import type { CampaignEntry } from "@shared/model/campaign-entry";
import { PartialWriteError } from "../errors/app-errors";
import { runBulk, succeeded } from "./bulk";
import { partitionKey } from "./containers";
import { DocumentStore, type Page } from "./document-store";
import type { TenantId } from "./tenant";

/** A tenant's campaign entries share one partition; a contact No. can never be "#campaigns". */
const campaignPartition = "#campaigns";

export type CampaignEntryFields = Omit<CampaignEntry, "etag">;

/** The totals Campaign Statistics adds up over a campaign's entries that are not canceled. */
export interface CampaignTotals {
  readonly noOfEntries: number;
  readonly noOfInteractions: number;
  readonly noOfTargets: number;
  readonly noOfResponses: number;
  readonly cost: number;
  readonly duration: number;
}

/** Business Central's Campaign Entries, beside the interaction log entries they sum up. */
export class CampaignEntryRepository {
  private readonly docs: DocumentStore<CampaignEntry>;

  constructor(private readonly container: Container) {
    this.docs = new DocumentStore<CampaignEntry>({
      container,
      docType: "campaignEntry",
      entityName: "Campaign entry",
      keyField: "entryNo",
      partitionKeyOf: (tenant) => partitionKey.interactions(tenant, campaignPartition),
      idOf: (key) => `campaign|${key.padStart(10, "0")}`,
    });
  }

  /**
   * Writes a Log's campaign entries under their entry Nos. One already there was written by an
   * earlier attempt at the same Log (its numbers are reserved once), so it counts as written.
   */
  async createForLog(tenant: TenantId, entries: readonly CampaignEntryFields[]): Promise<void> {
    const results = await runBulk(
      this.container,
      entries.map((entry) => this.docs.createOperation(tenant, String(entry.entryNo), entry)),
    );
    const failed = results.filter((r) => !succeeded(r) && r.status !== 409);
    const first = failed[0];
    if (first)
      throw new PartialWriteError(
        "Writing campaign entries",
        results.length - failed.length,
        failed.length,
        first.status,
      );
  }

  /** A campaign's entries, oldest first. */
  listForCampaign(
    tenant: TenantId,
    campaignNo: string,
    canceled: boolean | undefined,
    top: number,
    token?: string,
  ): Promise<Page<CampaignEntry>> {
    const where = ["c.campaignNo = @campaign"];
    const parameters: { name: string; value: string | boolean }[] = [
      { name: "@campaign", value: campaignNo },
    ];
    if (canceled !== undefined) {
      where.push("c.canceled = @canceled");
      parameters.push({ name: "@canceled", value: canceled });
    }
    return this.docs.page(
      tenant,
      {
        where,
        parameters,
        orderBy: ["c.entryNo"],
        partitionKey: partitionKey.interactions(tenant, campaignPartition),
      },
      { top, continuationToken: token },
    );
  }

  /** The campaign's entries not canceled, added up. */
  async totalsOf(tenant: TenantId, campaignNo: string): Promise<CampaignTotals> {
    const rows = await this.docs.allRaw<Omit<CampaignTotals, "noOfEntries">>(tenant, {
      select: "c.noOfInteractions, c.noOfTargets, c.noOfResponses, c.cost, c.duration",
      where: ["c.campaignNo = @campaign", "NOT (c.canceled = true)"],
      parameters: [{ name: "@campaign", value: campaignNo }],
      partitionKey: partitionKey.interactions(tenant, campaignPartition),
    });
    const sum = (pick: (r: (typeof rows)[number]) => number) =>
      rows.reduce((total, r) => total + pick(r), 0);
    return {
      noOfEntries: rows.length,
      noOfInteractions: sum((r) => r.noOfInteractions),
      noOfTargets: sum((r) => r.noOfTargets),
      noOfResponses: sum((r) => r.noOfResponses),
      cost: sum((r) => r.cost),
      duration: sum((r) => r.duration),
    };
  }

  private ofLogged(tenant: TenantId, loggedSegmentEntryNo: number): Promise<CampaignEntry[]> {
    return this.docs.allStored(tenant, {
      where: ["c.loggedSegmentEntryNo = @logged"],
      parameters: [{ name: "@logged", value: loggedSegmentEntryNo }],
      partitionKey: partitionKey.interactions(tenant, campaignPartition),
    });
  }

  /**
   * Sets the campaign entries of a logged segment canceled (or not), each only if still as read;
   * one already in that state is left alone, so a repeat finishes what a crash stopped. Returns
   * how many could not be changed.
   */
  async setCanceledOfLogged(
    tenant: TenantId,
    loggedSegmentEntryNo: number,
    canceled: boolean,
  ): Promise<number> {
    const entries = await this.ofLogged(tenant, loggedSegmentEntryNo);
    const results = await runBulk(
      this.container,
      entries
        .filter((e) => e.canceled !== canceled)
        .map(({ etag, ...e }) =>
          this.docs.replaceOperation(tenant, String(e.entryNo), { ...e, canceled }, etag),
        ),
    );
    return results.filter((r) => !succeeded(r)).length;
  }

  /** Deletes the campaign entries of a logged segment; returns how many could not be. */
  async deleteOfLogged(tenant: TenantId, loggedSegmentEntryNo: number): Promise<number> {
    const entries = await this.ofLogged(tenant, loggedSegmentEntryNo);
    const results = await runBulk(
      this.container,
      entries.map((e) => this.docs.deleteOperation(tenant, String(e.entryNo))),
    );
    return results.filter((r) => !succeeded(r) && r.status !== 404).length;
  }
}
