import { QueueClient } from "@azure/storage-queue";
import { z } from "zod";

/** What a queue message names: one tenant's send job. Nothing else travels in the queue. */
export const SendJobMessage = z.object({
  tenant: z.string().min(1).max(64),
  jobId: z.string().min(1).max(64),
});
export type SendJobMessage = z.infer<typeof SendJobMessage>;

export const sendQueueName = "mergeline-send";

/** A message taken from the queue, hidden from other readers until it is deleted or times out. */
export interface ReceivedSendMessage {
  /** Undefined when the text is not a send job message (it is dropped, never retried). */
  readonly message: SendJobMessage | undefined;
  readonly dequeueCount: number;
  delete(): Promise<void>;
}

export interface SendQueue {
  /** Adds a message that becomes visible after delayMs (the job's next due time). */
  enqueue(message: SendJobMessage, delayMs?: number): Promise<void>;
  /** Takes up to `max` visible messages, hidden for visibilityMs while they are handled. */
  receive(max: number, visibilityMs: number): Promise<ReceivedSendMessage[]>;
}

/**
 * Azure Functions' queue trigger reads messages as base64 by default (host.json
 * extensions.queues.messageEncoding), so the messages are JSON in base64 both ways.
 */
export const encodeSendMessage = (message: SendJobMessage): string =>
  Buffer.from(JSON.stringify(message), "utf8").toString("base64");

export const decodeSendMessage = (text: unknown): SendJobMessage | undefined => {
  try {
    // The Functions runtime hands over the decoded text or its JSON; the queue client the base64.
    const json: unknown =
      typeof text !== "string"
        ? text
        : text.trimStart().startsWith("{")
          ? JSON.parse(text)
          : JSON.parse(Buffer.from(text, "base64").toString("utf8"));
    const parsed = SendJobMessage.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** Storage queues hide a message at most 7 days. */
const maxDelaySeconds = 7 * 24 * 3600;

/** The send queue on an Azure Storage account (or Azurite), created on first use. */
export const createStorageSendQueue = (
  connectionString: string,
  queueName = sendQueueName,
): SendQueue => {
  const client = new QueueClient(connectionString, queueName);
  let created: Promise<unknown> | undefined;
  const ready = () => (created ??= client.createIfNotExists());
  return {
    enqueue: async (message, delayMs = 0) => {
      await ready();
      await client.sendMessage(encodeSendMessage(message), {
        visibilityTimeout: Math.min(maxDelaySeconds, Math.max(0, Math.ceil(delayMs / 1000))),
        // A message lives as long as a job may wait (a paused job is enqueued again each day).
        messageTimeToLive: -1,
      });
    },
    receive: async (max, visibilityMs) => {
      await ready();
      const { receivedMessageItems } = await client.receiveMessages({
        numberOfMessages: max,
        visibilityTimeout: Math.max(1, Math.ceil(visibilityMs / 1000)),
      });
      return receivedMessageItems.map((item) => ({
        message: decodeSendMessage(item.messageText),
        dequeueCount: item.dequeueCount,
        delete: async () => {
          await client.deleteMessage(item.messageId, item.popReceipt).catch((error: unknown) => {
            // Gone already (its visibility ran out and another reader took it): nothing to do.
            if ((error as { statusCode?: number }).statusCode !== 404) throw error;
          });
        },
      }));
    },
  };
};
