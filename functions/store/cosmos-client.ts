import https from "node:https";
import { DefaultAzureCredential } from "@azure/identity";
import { CosmosClient, type Container, type Database, type IndexingPolicy } from "@azure/cosmos";
import { containers, type ContainerName } from "./containers";

export interface CosmosSettings {
  readonly endpoint: string;
  readonly key: string | undefined;
  readonly databaseId: string;
  readonly allowSelfSigned: boolean;
}

export type Containers = Record<ContainerName, Container>;

/**
 * One client per process. Keep-alive matters: without it every request pays a TLS handshake,
 * which is what held the embedded store to a few hundred writes a second.
 */
export const createCosmosClient = (settings: CosmosSettings): CosmosClient =>
  new CosmosClient({
    endpoint: settings.endpoint,
    // No key in Azure: the managed identity (or a developer's az login) signs in instead.
    ...(settings.key ? { key: settings.key } : { aadCredentials: new DefaultAzureCredential() }),
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: !settings.allowSelfSigned }),
    connectionPolicy: { enableEndpointDiscovery: !settings.allowSelfSigned },
    userAgentSuffix: "mergeline",
  });

/** Creates the database and containers when missing; an existing container keeps its settings. */
export const openContainers = async (
  client: CosmosClient,
  databaseId: string,
): Promise<Containers> => {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  const entries = await Promise.all(
    Object.values(containers).map(
      async (def) => [def.id, await ensureContainer(database, def.id)] as const,
    ),
  );
  return Object.fromEntries(entries) as Containers;
};

type CompositeIndexes = NonNullable<IndexingPolicy["compositeIndexes"]>;

/** A composite-index list as text, independent of key order and of the default "ascending". */
const compositeKey = (indexes: CompositeIndexes | undefined): string =>
  JSON.stringify(
    (indexes ?? []).map((index) => index.map((p) => `${p.path}:${p.order ?? "ascending"}`)),
  );

const ensureContainer = async (database: Database, name: ContainerName): Promise<Container> => {
  const def = containers[name];
  const body = {
    id: def.id,
    partitionKey: { paths: [def.partitionKeyPath] },
    indexingPolicy: def.indexingPolicy,
  };
  const { container, resource } = await database.containers.createIfNotExists(body);
  // A policy that changed in code is applied to an existing container (Cosmos re-indexes online);
  // the partition key can never change, so a different one is a deployment error.
  // (The embedded server drops a container's documents on replace, so compare with care.)
  if (
    compositeKey(resource?.indexingPolicy?.compositeIndexes) !==
    compositeKey(def.indexingPolicy.compositeIndexes)
  ) {
    await container.replace(body);
  }
  return container;
};
