/**
 * A process that sends one message through the Graph transport configured from its environment
 * (GRAPH_*), so a test can kill it with -9 in the middle of a send. The message comes as JSON in
 * GRAPH_CHILD_MESSAGE, attachments base64.
 */
import type { MailMessage } from "../../../functions/delivery/mail-transport";
import { createGraphTransportFromEnv } from "../../../functions/delivery/graph/graph-transport-from-env";

interface WireMessage extends Omit<MailMessage, "attachments"> {
  readonly attachments: { fileName: string; contentType: string; base64: string }[];
}

const wire = JSON.parse(process.env["GRAPH_CHILD_MESSAGE"] ?? "{}") as WireMessage;
const message: MailMessage = {
  ...wire,
  attachments: wire.attachments.map((a) => ({
    fileName: a.fileName,
    contentType: a.contentType,
    bytes: Buffer.from(a.base64, "base64"),
  })),
};
const transport = createGraphTransportFromEnv(process.env);
process.stdout.write("sending\n");
transport
  .send(message)
  .then(() => process.stdout.write("sent\n"))
  .finally(() => transport.close())
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
