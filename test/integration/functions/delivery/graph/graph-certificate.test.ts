import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createGraphTransportFromEnv } from "../../../../../functions/delivery/graph/graph-transport-from-env";
import { startGraphStandIn, type GraphStandIn } from "../../../harness/graph-stand-in";
import { generateTestCertificates } from "../../../harness/test-certificates";
import { lineMessage } from "./graph-test-setup";

let standIn: GraphStandIn;
let dir: string;
let env: NodeJS.ProcessEnv;

/** An app credential as Key Vault exports one: a PEM file with the key and the certificate. */
const appCredential = async (
  name: string,
): Promise<{ pemPath: string; certificatePem: string }> => {
  const files = await generateTestCertificates(path.join(dir, name), [name]);
  const certificatePem = fs.readFileSync(files.certificatePath, "utf8");
  const pemPath = path.join(dir, name, "credential.pem");
  fs.writeFileSync(pemPath, fs.readFileSync(files.keyPath, "utf8") + certificatePem);
  return { pemPath, certificatePem };
};

beforeAll(async () => {
  standIn = await startGraphStandIn();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-certificate-"));
  const registered = await appCredential("mergeline-app");
  standIn.registerCertificate(registered.certificatePem);
  env = {
    GRAPH_AUTHORITY: standIn.authority,
    GRAPH_CLIENT_ID: standIn.clientId,
    GRAPH_CLIENT_CERTIFICATE_PATH: registered.pemPath,
    GRAPH_MAILBOX: "certified@contoso.test",
    GRAPH_BASE_URL: standIn.graphBaseUrl,
    GRAPH_TLS_CA_PATH: standIn.caPath,
  };
});
afterAll(async () => {
  await standIn.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Graph transport signing in with a certificate", () => {
  it("signs its client assertion with the certificate's key and sends", async () => {
    const transport = createGraphTransportFromEnv(env);
    const message = lineMessage(1);
    try {
      await transport.send(message);
    } finally {
      await transport.close();
    }
    expect(standIn.sent.filter((m) => m.deliveryId === message.deliveryId)).toHaveLength(1);
  });

  it("answers auth when the certificate is not the registered one", async () => {
    const other = await appCredential("someone-else");
    const transport = createGraphTransportFromEnv({
      ...env,
      GRAPH_CLIENT_CERTIFICATE_PATH: other.pemPath,
    });
    try {
      await expect(transport.send(lineMessage(2))).rejects.toMatchObject({ kind: "auth" });
    } finally {
      await transport.close();
    }
  });
});
