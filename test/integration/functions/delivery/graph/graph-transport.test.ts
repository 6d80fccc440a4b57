import { MailTransportError, type MailTransport } from "../../../../../functions/delivery/mail-transport";
import { createGraphTransport } from "../../../../../functions/delivery/graph/graph-transport";
import { startGraphStandIn, type GraphStandIn } from "../../../harness/graph-stand-in";
import { lineMessage, sharedMailbox, standInSettings } from "./graph-test-setup";

let standIn: GraphStandIn;
let transport: MailTransport;

beforeAll(async () => {
  standIn = await startGraphStandIn({ perMinute: 1000 });
  transport = createGraphTransport(standInSettings(standIn));
});
afterAll(async () => {
  await transport.close();
  await standIn.close();
});

const sentFor = (deliveryId: string) => standIn.sent.filter((m) => m.deliveryId === deliveryId);

describe("Graph transport from a shared mailbox", () => {
  it("sends one message per line with its subject, body, Message-ID and attachment", async () => {
    const messages = [1, 2, 3].map((n) => lineMessage(n));
    for (const message of messages) await transport.send(message);
    for (const message of messages) {
      const [sent, ...more] = sentFor(message.deliveryId);
      expect(more).toHaveLength(0);
      expect(sent).toMatchObject({
        mailbox: sharedMailbox,
        to: [message.to.address],
        subject: message.subject,
        html: message.html,
        internetMessageId: message.messageId,
      });
      expect(sent?.attachments.map((a) => [a.name, a.contentType, a.bytes.toString()])).toEqual(
        message.attachments.map((a) => [a.fileName, a.contentType, Buffer.from(a.bytes).toString()]),
      );
    }
    expect(standIn.drafts(sharedMailbox)).toHaveLength(0);
  });

  it("finds a line it sent before and does not send it again", async () => {
    const message = lineMessage(10);
    expect(await transport.priorAttempt(message)).toBe("none");
    await transport.send(message);
    expect(await transport.priorAttempt(message)).toBe("sent");
    await transport.send(message);
    expect(sentFor(message.deliveryId)).toHaveLength(1);
  });

  it("answers not_configured-free errors as MailTransportError", async () => {
    const message = lineMessage(11, { to: { address: "not-an-address" } });
    await expect(transport.send(message)).rejects.toMatchObject({ kind: "recipient" });
    expect(sentFor(message.deliveryId)).toHaveLength(0);
    expect(new MailTransportError("recipient", "x")).toBeInstanceOf(Error);
  });
});
