import { randomUUID } from "node:crypto";
import type { ContainerClient } from "@azure/storage-blob";
import { DependencyError, NotFoundError } from "../errors/app-errors";
import type { TenantId } from "./tenant";

export const docxContentType =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Word documents in Blob Storage. A document id is the blob's name below the tenant's folder, so
 * an id from one tenant means nothing in another: every call prefixes the caller's tenant.
 */
export class DocumentBlobs {
  constructor(private readonly container: ContainerClient | undefined) {}

  private blob(tenant: TenantId, documentId: string) {
    if (!this.container) {
      throw new DependencyError(
        "Document storage is not configured: set AZURE_STORAGE_CONNECTION_STRING.",
      );
    }
    return this.container.getBlockBlobClient(`${tenant}/${documentId}`);
  }

  /** Stores bytes under a new id in `folder`; ids are never reused, so a retry cannot clobber. */
  async put(
    tenant: TenantId,
    folder: string,
    bytes: Uint8Array,
    fileName: string,
    contentType = docxContentType,
  ): Promise<string> {
    const documentId = `${folder}/${randomUUID()}.docx`;
    await this.blob(tenant, documentId).uploadData(bytes, {
      blobHTTPHeaders: { blobContentType: contentType },
      metadata: { filename: encodeURIComponent(fileName) },
    });
    return documentId;
  }

  /** Stores bytes under a name the caller derives (idempotent merge output). */
  async putAt(
    tenant: TenantId,
    documentId: string,
    bytes: Uint8Array,
    contentType = docxContentType,
  ): Promise<void> {
    await this.blob(tenant, documentId).uploadData(bytes, {
      blobHTTPHeaders: { blobContentType: contentType },
    });
  }

  async get(tenant: TenantId, documentId: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await this.blob(tenant, documentId).downloadToBuffer());
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404)
        throw new NotFoundError("Document", documentId);
      throw error;
    }
  }

  async exists(tenant: TenantId, documentId: string): Promise<boolean> {
    return this.blob(tenant, documentId).exists();
  }

  async delete(tenant: TenantId, documentId: string): Promise<void> {
    await this.blob(tenant, documentId).deleteIfExists();
  }
}
