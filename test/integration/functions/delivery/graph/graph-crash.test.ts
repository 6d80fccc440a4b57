import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { MailMessage } from "../../../../../functions/delivery/mail-transport";
import { createGraphTransport } from "../../../../../functions/delivery/graph/graph-transport";
import { startGraphStandIn, type GraphStandIn } from "../../../harness/graph-stand-in";
import { lineMessage, standInSettings } from "./graph-test-setup";

const root = path.resolve(__dirname, "../../../../..");
const mailbox = "crash@contoso.test";
let standIn: GraphStandIn;
/** Killed (kill -9) when the stand-in reaches this point, before it answers. */
let killAt: { event: "draft_created" | "sent"; child: ChildProcess } | undefined;

beforeAll(async () => {
  standIn = await startGraphStandIn({
    perMinute: 10_000,
    beforeAnswer: async (event) => {
      if (killAt?.event !== event) return;
      const { child } = killAt;
      killAt = undefined;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
  });
});
afterAll(() => standIn.close());

/** Sends `message` from a child process, killed with -9 once the stand-in reaches `event`. */
const sendAndKill = (message: MailMessage, event: "draft_created" | "sent") =>
  new Promise<{ signal: NodeJS.Signals | null; out: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/integration/harness/graph-send-child.ts"],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          GRAPH_AUTHORITY: standIn.authority,
          GRAPH_CLIENT_ID: standIn.clientId,
          GRAPH_CLIENT_SECRET: standIn.clientSecret,
          GRAPH_MAILBOX: mailbox,
          GRAPH_BASE_URL: standIn.graphBaseUrl,
          GRAPH_TLS_CA_PATH: standIn.caPath,
          GRAPH_CHILD_MESSAGE: JSON.stringify({
            ...message,
            attachments: message.attachments.map((a) => ({
              fileName: a.fileName,
              contentType: a.contentType,
              base64: Buffer.from(a.bytes).toString("base64"),
            })),
          }),
        },
      },
    );
    killAt = { event, child };
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (_code, signal) => resolve({ signal, out }));
  });

const sentFor = (deliveryId: string) => standIn.sent.filter((m) => m.deliveryId === deliveryId);

describe("Graph transport after kill -9 in the middle of a send", () => {
  it("a process killed after Graph accepted the send: the next attempt finds it sent and sends nothing", async () => {
    const message = lineMessage(1);
    const { signal, out } = await sendAndKill(message, "sent");
    expect(signal).toBe("SIGKILL");
    expect(out).not.toMatch(/^sent$/m);
    expect(sentFor(message.deliveryId)).toHaveLength(1);

    const transport = createGraphTransport(
      standInSettings(standIn, { sender: { kind: "shared", mailbox } }),
    );
    try {
      expect(await transport.priorAttempt(message)).toBe("sent");
      await transport.send(message);
    } finally {
      await transport.close();
    }
    expect(sentFor(message.deliveryId)).toHaveLength(1);
  });

  it("a process killed after its draft was created: the next attempt sends that draft, once", async () => {
    const message = lineMessage(2);
    const { signal } = await sendAndKill(message, "draft_created");
    expect(signal).toBe("SIGKILL");
    expect(standIn.drafts(mailbox).map((d) => d.deliveryId)).toEqual([message.deliveryId]);
    expect(sentFor(message.deliveryId)).toHaveLength(0);

    const transport = createGraphTransport(
      standInSettings(standIn, { sender: { kind: "shared", mailbox } }),
    );
    try {
      await transport.send(message);
    } finally {
      await transport.close();
    }
    const [sent, ...more] = sentFor(message.deliveryId);
    expect(more).toHaveLength(0);
    expect(sent?.internetMessageId).toBe(message.messageId);
    expect(standIn.drafts(mailbox)).toHaveLength(0);
  });
});
