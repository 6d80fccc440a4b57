import type { Container } from "@azure/cosmos";
import type { SegmentLetter } from "@shared/model/segment-letter";
import { ConflictError, PreconditionFailedError } from "../errors/app-errors";
import { partitionKey } from "./containers";
import { DocumentStore } from "./document-store";
import { storedDocumentId, type DocumentId } from "./document-names";
import type { TenantId } from "./tenant";

/** What the item holds besides the API's view: the blob of the current version. */
type StoredSegmentLetter = SegmentLetter & { documentId?: string };

/** A version to keep, without what the store decides (the ETag). */
export type NewSegmentLetterVersion = Omit<SegmentLetter, "etag" | "version" | "segmentNo"> & {
  readonly documentId: DocumentId;
};

/**
 * The segment's working letter outside Word: one item in the segment's partition (so deleting
 * the segment deletes it) naming the blob of the current version. The version and the ETag are
 * the store's: a write names the ETag it replaces, and a stale one is a 412.
 */
export class SegmentLetterRepository {
  private readonly docs: DocumentStore<StoredSegmentLetter>;

  constructor(container: Container) {
    this.docs = new DocumentStore<StoredSegmentLetter>({
      container,
      docType: "segmentLetter",
      entityName: "Segment letter",
      keyField: "segmentNo",
      partitionKeyOf: partitionKey.segment,
      idOf: () => "letter",
      internalKeys: ["documentId"],
    });
  }

  find(tenant: TenantId, segmentNo: string): Promise<SegmentLetter | undefined> {
    return this.docs.find(tenant, segmentNo);
  }

  /** The current version's blob; undefined when there is none or the stored id is not ours. */
  async documentOf(tenant: TenantId, segmentNo: string): Promise<DocumentId | undefined> {
    const stored = await this.docs.findStored(tenant, segmentNo);
    return storedDocumentId(tenant, stored?.documentId, { kind: "segmentLetter", segmentNo });
  }

  /**
   * Keeps `next` as the new version. Without `ifMatch` only a first letter is accepted; with it,
   * only while the letter is still the version the caller read. Returns the letter and the blob
   * of the version it replaced (for the caller to delete once the new one is recorded).
   */
  async saveVersion(
    tenant: TenantId,
    segmentNo: string,
    next: NewSegmentLetterVersion,
    ifMatch: string | undefined,
  ): Promise<{ letter: SegmentLetter; replaced?: DocumentId }> {
    const current = await this.docs.findStored(tenant, segmentNo);
    if (!current) {
      if (ifMatch !== undefined && ifMatch !== "*")
        throw new PreconditionFailedError("Segment letter", segmentNo);
      try {
        const letter = await this.docs.create(tenant, segmentNo, {
          ...next,
          segmentNo,
          version: 1,
        });
        return { letter };
      } catch (error) {
        // A colleague's first letter got there first: theirs is kept, this one is stale.
        if (error instanceof ConflictError)
          throw new PreconditionFailedError("Segment letter", segmentNo);
        throw error;
      }
    }
    if (ifMatch === undefined) throw new PreconditionFailedError("Segment letter", segmentNo);
    const letter = await this.docs.replace(
      tenant,
      segmentNo,
      { ...next, segmentNo, version: current.version + 1 },
      ifMatch,
    );
    const replaced = storedDocumentId(tenant, current.documentId, {
      kind: "segmentLetter",
      segmentNo,
    });
    return { letter, ...(replaced ? { replaced } : {}) };
  }

  /** Removes the letter if it is still the version read; returns its blob. */
  async remove(
    tenant: TenantId,
    segmentNo: string,
    ifMatch: string,
  ): Promise<DocumentId | undefined> {
    const id = await this.documentOf(tenant, segmentNo);
    await this.docs.delete(tenant, segmentNo, ifMatch);
    return id;
  }
}
