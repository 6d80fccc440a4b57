import type { DelegatedSending } from "./graph/delegated-send";
import type { MailTransport } from "./mail-transport";
import type { LineComposer } from "./job/line-composer";
import type { PaceLimits } from "./job/mailbox-pace";
import type { SendQueue } from "./job/send-queue";

/** What sending needs besides the store: created once per process (app-deps.ts). */
export interface DeliveryDeps {
  /** The configured transport; rejects with MailTransportError("not_configured") when none is. */
  readonly transport: () => Promise<MailTransport>;
  readonly transportKind: "graph" | "smtp" | "none";
  /**
   * Graph with GRAPH_SENDER=delegated: each job sends as the marketer who started it, with the
   * token session that request kept (send-session.ts); `transport` is then not used.
   */
  readonly delegated?: DelegatedSending | undefined;
  /** Whose limits pace the sends: the sending mailbox. */
  readonly mailbox: string;
  readonly limits: PaceLimits;
  /** How long a worker holds a job it sends before another may take it over. */
  readonly leaseMs: number;
  /** How long one queue message works on a job before it hands over to the next message. */
  readonly sliceMs: number;
  /** Pace waits up to this long happen in place; longer ones go back to the queue, delayed. */
  readonly inlineWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Absent without a storage account: send endpoints then answer 503. */
  readonly queue: SendQueue | undefined;
  /** Builds each line's message (functions/delivery/compose/). */
  readonly compose: LineComposer;
}
