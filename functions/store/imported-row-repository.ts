import type { Container } from "@azure/cosmos";
import { runBulk, succeeded } from "./bulk";
import { partitionKey } from "./containers";
import { DocumentStore } from "./document-store";
import type { TenantId } from "./tenant";

/**
 * A row of an imported file that has neither a No. nor an e-mail, and the contact No. it became.
 * `rowKey` is derived from the tenant, the file and the row's place in it
 * (functions/contacts/import/row-identity.ts), so the same row imported again finds it.
 */
interface ImportedRow {
  readonly rowKey: string;
  readonly contactNo: string;
  readonly claimedAt: string;
  readonly etag: string;
}

/** A row to claim and the No. it gets if it is not claimed yet. */
export interface RowClaim {
  readonly rowKey: string;
  readonly contactNo: string;
}

export type ClaimOutcome =
  /** This call claimed the row: its contact is to be created under `contactNo`. */
  | { readonly status: "claimed"; readonly contactNo: string }
  /** Another import claimed the row first (at the same time): its No. is `contactNo`. */
  | { readonly status: "taken"; readonly contactNo: string }
  | { readonly status: "failed"; readonly message: string };

/** Keys per query, as for the import's other lookups (store-facts.ts). */
const chunkSize = 1000;

/**
 * The rows without No. or e-mail that imports have claimed, in the contacts container (they grow
 * with the contacts, one partition each). A claim is created, never replaced: the store lets one
 * create per row key win, so two imports of the same file at once give each row one No., and the
 * contact under that No. is then created once (its create is create-if-absent too).
 */
export class ImportedRowRepository {
  private readonly docs: DocumentStore<ImportedRow>;

  constructor(container: Container) {
    this.docs = new DocumentStore<ImportedRow>({
      container,
      docType: "importedRow",
      entityName: "Imported row",
      keyField: "rowKey",
      partitionKeyOf: partitionKey.importedRow,
    });
  }

  /** Row key -> contact No., for the given rows that an import has claimed. */
  async contactNosOf(tenant: TenantId, rowKeys: readonly string[]): Promise<Map<string, string>> {
    const keys = [...new Set(rowKeys)];
    const chunks = Array.from({ length: Math.ceil(keys.length / chunkSize) }, (_, i) =>
      keys.slice(i * chunkSize, (i + 1) * chunkSize),
    );
    const found = await Promise.all(
      chunks.map((chunk) =>
        this.docs.allRaw<{ rowKey: string; contactNo: string }>(tenant, {
          select: "c.rowKey, c.contactNo",
          where: ["ARRAY_CONTAINS(@keys, c.rowKey)"],
          parameters: [{ name: "@keys", value: chunk }],
        }),
      ),
    );
    return new Map(found.flat().map((r) => [r.rowKey, r.contactNo]));
  }

  /**
   * Claims the rows, each for the No. given, in bulk; a row claimed already (by an earlier run
   * or by an import running at the same time) keeps its No., which the outcome names.
   */
  async claim(tenant: TenantId, claims: readonly RowClaim[], at: Date): Promise<ClaimOutcome[]> {
    const claimedAt = at.toISOString();
    const results = await runBulk(
      this.docs.container,
      claims.map((c) =>
        this.docs.createOperation(tenant, c.rowKey, {
          rowKey: c.rowKey,
          contactNo: c.contactNo,
          claimedAt,
        }),
      ),
    );
    const lost = claims.filter((_, i) => results[i]?.status === 409).map((c) => c.rowKey);
    const winners = lost.length ? await this.contactNosOf(tenant, lost) : new Map();
    return claims.map((claim, i): ClaimOutcome => {
      const result = results[i];
      if (result && succeeded(result)) return { status: "claimed", contactNo: claim.contactNo };
      const winner = winners.get(claim.rowKey);
      if (result?.status === 409 && winner !== undefined)
        return { status: "taken", contactNo: winner };
      return {
        status: "failed",
        message: result?.message ?? `store answered ${result?.status ?? "nothing"}`,
      };
    });
  }
}
