import type { ContainerClient } from "@azure/storage-blob";
import { docxType } from "@shared/model/api/docx-type";
import { DependencyError, NotFoundError } from "../errors/app-errors";
import { isDocumentId, type DocumentId } from "./document-names";

/**
 * Word documents in Blob Storage, each under the name document-names.ts built or accepted for
 * the caller's tenant. Only a DocumentId reaches the blob client, and it is checked against the
 * pattern once more here, so no string from a request or a stored item is ever used as a name.
 */
export class DocumentBlobs {
  constructor(private readonly container: ContainerClient | undefined) {}

  private blob(id: DocumentId) {
    if (!this.container) {
      throw new DependencyError(
        "Document storage is not configured: set AZURE_STORAGE_CONNECTION_STRING.",
      );
    }
    if (!isDocumentId(id)) throw new Error("Refusing a blob name that is not a document id");
    return this.container.getBlockBlobClient(id);
  }

  /** Stores bytes under a new id from newDocumentId; ids are never reused, so a retry cannot clobber. */
  async put(
    id: DocumentId,
    bytes: Uint8Array,
    options: { fileName?: string; contentType?: string } = {},
  ): Promise<void> {
    await this.blob(id).uploadData(bytes, {
      blobHTTPHeaders: { blobContentType: options.contentType ?? docxType },
      ...(options.fileName ? { metadata: { filename: encodeURIComponent(options.fileName) } } : {}),
    });
  }

  async get(id: DocumentId): Promise<Uint8Array> {
    try {
      return new Uint8Array(await this.blob(id).downloadToBuffer());
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404)
        throw new NotFoundError("Letter", "in document storage");
      throw error;
    }
  }

  async exists(id: DocumentId): Promise<boolean> {
    return this.blob(id).exists();
  }

  async delete(id: DocumentId): Promise<void> {
    await this.blob(id).deleteIfExists();
  }
}
