import { MailTransportError } from "../mail-transport";

/**
 * Graph's limits are per mailbox (4 requests in flight; Retry-After after a 429), so every
 * transport in this process that talks to one mailbox shares one gate. Instances on other
 * machines are not counted: Graph's 429 and Retry-After cover them.
 */
export interface MailboxGate {
  /** Runs `call` once fewer than `concurrency` calls to the mailbox are in flight. */
  run<T>(call: () => Promise<T>): Promise<T>;
  /** Graph asked us to wait: no call to the mailbox starts before `untilMs` (epoch ms). */
  holdUntil(untilMs: number): void;
}

interface GateState {
  readonly concurrency: number;
  inFlight: number;
  readonly waiting: (() => void)[];
  heldUntil: number;
}

const gates = new Map<string, GateState>();

const stateFor = (mailboxKey: string, concurrency: number): GateState => {
  const key = `${mailboxKey}|${concurrency}`;
  let state = gates.get(key);
  if (!state) {
    state = { concurrency, inFlight: 0, waiting: [], heldUntil: 0 };
    gates.set(key, state);
  }
  return state;
};

const throwIfHeld = (state: GateState, now: number): void => {
  if (state.heldUntil > now)
    throw new MailTransportError(
      "throttled",
      "Microsoft Graph asked us to wait before the next request to this mailbox.",
      state.heldUntil - now,
    );
};

export const mailboxGate = (
  mailboxKey: string,
  concurrency: number,
  now: () => number = Date.now,
): MailboxGate => {
  const state = stateFor(mailboxKey.toLowerCase(), concurrency);
  // A freed slot passes straight to the next waiter, so a newcomer cannot slip in between.
  const release = (): void => {
    const next = state.waiting.shift();
    if (next) next();
    else state.inFlight -= 1;
  };
  return {
    async run(call) {
      throwIfHeld(state, now());
      if (state.inFlight < state.concurrency) state.inFlight += 1;
      else await new Promise<void>((resolve) => state.waiting.push(resolve));
      try {
        // The slot may have come after a 429 arrived for another call.
        throwIfHeld(state, now());
        return await call();
      } finally {
        release();
      }
    },
    holdUntil(untilMs) {
      state.heldUntil = Math.max(state.heldUntil, untilMs);
    },
  };
};
