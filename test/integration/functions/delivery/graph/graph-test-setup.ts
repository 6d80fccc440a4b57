import { randomUUID } from "node:crypto";
import type { MailMessage } from "../../../../../functions/delivery/mail-transport";
import type { GraphSettings } from "../../../../../functions/delivery/graph/graph-settings";
import type { TokenCacheStorage } from "../../../../../functions/delivery/graph/token-cache-storage";
import type { GraphStandIn } from "../../../harness/graph-stand-in";

export const sharedMailbox = "letters@contoso.test";

export const standInSettings = (
  standIn: GraphStandIn,
  overrides: Partial<GraphSettings> = {},
): GraphSettings => ({
  authority: standIn.authority,
  clientId: standIn.clientId,
  credential: { kind: "secret", secret: standIn.clientSecret },
  sender: { kind: "shared", mailbox: sharedMailbox },
  baseUrl: standIn.graphBaseUrl,
  resource: "https://graph.microsoft.com",
  concurrency: 4,
  requestTimeoutMs: 30_000,
  maxMessageBytes: 35 * 1024 * 1024,
  trustedCaPem: standIn.caPem,
  ...overrides,
});

/** One line's message, as the send job builds it. */
export const lineMessage = (n: number, overrides: Partial<MailMessage> = {}): MailMessage => ({
  deliveryId: `job-1|${n}|${randomUUID()}`,
  messageId: `<${randomUUID()}@mergeline.test>`,
  to: { name: `Contact ${n}`, address: `contact${n}@fabrikam.test` },
  subject: `Your letter ${n}`,
  html: `<p>Dear Contact ${n},</p><p>Letter body ${n}.</p>`,
  text: `Dear Contact ${n},\n\nLetter body ${n}.`,
  attachments: [
    {
      fileName: `letter-${n}.pdf`,
      contentType: "application/pdf",
      bytes: new TextEncoder().encode(`%PDF-1.7 letter ${n}`),
    },
  ],
  ...overrides,
});

/** The send job backs this with the store; here a Map. */
export const inMemoryTokenCache = (): TokenCacheStorage & {
  readonly entries: Map<string, string>;
} => {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
    delete: async (key) => void entries.delete(key),
  };
};
