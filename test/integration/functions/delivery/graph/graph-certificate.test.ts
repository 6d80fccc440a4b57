import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCertificates } from "office-addin-dev-certs";
import { createGraphTransportFromEnv } from "../../../../../functions/delivery/graph/graph-transport-from-env";
import { startGraphStandIn, type GraphStandIn } from "../../../harness/graph-stand-in";
import { lineMessage } from "./graph-test-setup";

let standIn: GraphStandIn;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  standIn = await startGraphStandIn();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-certificate-"));
  // Any key and certificate will do as the app's credential; these tools make one quickly.
  const [ca, cert, key] = ["ca.crt", "app.crt", "app.key"].map((f) => path.join(dir, f));
  await generateCertificates(ca, cert, key, 1, ["mergeline-app"]);
  const certificatePem = fs.readFileSync(cert as string, "utf8");
  fs.writeFileSync(
    path.join(dir, "app.pem"),
    fs.readFileSync(key as string, "utf8") + certificatePem,
  );
  standIn.registerCertificate(certificatePem);
  env = {
    GRAPH_AUTHORITY: standIn.authority,
    GRAPH_CLIENT_ID: standIn.clientId,
    GRAPH_CLIENT_CERTIFICATE_PATH: path.join(dir, "app.pem"),
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
    const other = path.join(dir, "other");
    fs.mkdirSync(other);
    const [ca, cert, key] = ["ca.crt", "app.crt", "app.key"].map((f) => path.join(other, f));
    await generateCertificates(ca, cert, key, 1, ["someone-else"]);
    fs.writeFileSync(
      path.join(other, "app.pem"),
      fs.readFileSync(key as string, "utf8") + fs.readFileSync(cert as string, "utf8"),
    );
    const transport = createGraphTransportFromEnv({
      ...env,
      GRAPH_CLIENT_CERTIFICATE_PATH: path.join(other, "app.pem"),
    });
    try {
      await expect(transport.send(lineMessage(2))).rejects.toMatchObject({ kind: "auth" });
    } finally {
      await transport.close();
    }
  });
});
