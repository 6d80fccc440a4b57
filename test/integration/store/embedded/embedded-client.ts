import { mkdtempSync } from "node:fs";
import https from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CosmosClient } from "@azure/cosmos";
import type { EmbeddedCosmos } from "../../../../functions/store/embedded/embedded-cosmos";

export interface ConnectedClient {
  readonly client: CosmosClient;
  dispose(): void;
}

/** The real SDK as the app uses it; the server's certificate is self-signed. */
export const connect = (store: Pick<EmbeddedCosmos, "endpoint" | "key">): ConnectedClient => {
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const client = new CosmosClient({
    endpoint: store.endpoint,
    key: store.key,
    connectionPolicy: { enableEndpointDiscovery: false },
    agent,
  });
  return {
    client,
    dispose: () => {
      client.dispose();
      agent.destroy();
    },
  };
};

export const temporaryDataDir = (): string => mkdtempSync(join(tmpdir(), "mergeline-embedded-"));
