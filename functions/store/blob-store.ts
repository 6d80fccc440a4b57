import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";

/**
 * Documents (Word templates, a contact's own letter, merged output) live in Blob Storage, never
 * in Cosmos items: a .docx easily passes Cosmos's 2 MB item limit.
 */
export const openBlobContainer = async (
  connectionString: string,
  containerName: string,
): Promise<ContainerClient> => {
  const container =
    BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
  await container.createIfNotExists();
  return container;
};
