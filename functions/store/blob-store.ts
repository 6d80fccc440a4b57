import { DefaultAzureCredential } from "@azure/identity";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";

/**
 * Documents (Word templates, a contact's own letter, merged output) live in Blob Storage, never
 * in Cosmos items: a .docx easily passes Cosmos's 2 MB item limit. Locally a connection string
 * (Azurite); in Azure the Function App's managed identity against the account's endpoint.
 */
export const openBlobContainer = async (
  account: { connectionString: string } | { endpoint: string },
  containerName: string,
): Promise<ContainerClient> => {
  const service =
    "connectionString" in account
      ? BlobServiceClient.fromConnectionString(account.connectionString)
      : new BlobServiceClient(account.endpoint, new DefaultAzureCredential());
  const container = service.getContainerClient(containerName);
  await container.createIfNotExists();
  return container;
};
