/**
 * A mailbox's limits (Exchange Online: 30 messages a minute, 4 at once, 10,000 a day) and the
 * arithmetic of its sliding minute. Pure: the send times come from the store (StoredPace), the
 * clock from the caller, so a restart paces as if nothing happened.
 */
export interface PaceLimits {
  readonly perMinute: number;
  readonly concurrency: number;
  readonly perDay: number;
}

export interface PaceState {
  readonly recent: readonly number[];
  readonly day: string;
  readonly dayCount: number;
}

export type PaceGrant =
  | { readonly kind: "go"; readonly count: number }
  | { readonly kind: "wait"; readonly untilMs: number; readonly why: "minute" | "day" };

const windowMs = 60_000;

export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The start of the next UTC day: when a used-up daily allowance is there again. */
export const nextDayStart = (ms: number): number => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
};

/** The sends of the last minute (the others no longer count). */
export const inWindow = (recent: readonly number[], nowMs: number): number[] =>
  recent.filter((t) => t > nowMs - windowMs);

/**
 * How many of `wanted` messages may start now. A send counts in the window from its start until
 * it is done, then from when it was done (the server received it before then), so no minute of
 * the server's receive times holds more than perMinute.
 */
export const grant = (
  state: PaceState,
  nowMs: number,
  wanted: number,
  limits: PaceLimits,
): PaceGrant => {
  const today = utcDay(nowMs);
  const dayCount = state.day === today ? state.dayCount : 0;
  if (dayCount >= limits.perDay) return { kind: "wait", untilMs: nextDayStart(nowMs), why: "day" };
  const recent = inWindow(state.recent, nowMs).sort((a, b) => a - b);
  const free = limits.perMinute - recent.length;
  if (free <= 0) {
    // The oldest send leaves the window a minute after it was made.
    const oldest = recent[recent.length - limits.perMinute] ?? nowMs;
    return { kind: "wait", untilMs: oldest + windowMs + 1, why: "minute" };
  }
  return {
    kind: "go",
    count: Math.min(wanted, free, limits.concurrency, limits.perDay - dayCount),
  };
};

/** The state after `count` sends started at nowMs. */
export const reserve = (state: PaceState, nowMs: number, count: number): PaceState => {
  const today = utcDay(nowMs);
  return {
    recent: [...inWindow(state.recent, nowMs), ...Array.from({ length: count }, () => nowMs)],
    day: today,
    dayCount: (state.day === today ? state.dayCount : 0) + count,
  };
};

/**
 * The state once sends that started at startedMs are done at doneMs: each counts from when it
 * was done; `unsent` of them never went out and give their places back.
 */
export const settle = (
  state: PaceState,
  startedMs: number,
  count: number,
  doneMs: number,
  unsent: number,
): PaceState => {
  const recent = [...state.recent];
  let removed = 0;
  for (let i = recent.length - 1; i >= 0 && removed < count; i--) {
    if (recent[i] === startedMs) {
      recent.splice(i, 1);
      removed++;
    }
  }
  const sent = count - unsent;
  return {
    recent: [...inWindow(recent, doneMs), ...Array.from({ length: sent }, () => doneMs)],
    day: state.day,
    dayCount: Math.max(0, state.dayCount - unsent),
  };
};

/**
 * When the job's remaining messages should all have gone: at perMinute a minute, and past
 * today's allowance on the following days.
 */
export const estimatedFinish = (
  state: PaceState,
  nowMs: number,
  remaining: number,
  limits: PaceLimits,
): number => {
  if (remaining <= 0) return nowMs;
  const today = utcDay(nowMs);
  const leftToday = Math.max(0, limits.perDay - (state.day === today ? state.dayCount : 0));
  const minutes = (n: number) => Math.ceil(n / limits.perMinute) * windowMs;
  if (remaining <= leftToday) return nowMs + minutes(remaining);
  const later = remaining - leftToday;
  const fullDays = Math.floor((later - 1) / limits.perDay);
  const lastDay = later - fullDays * limits.perDay;
  return nextDayStart(nowMs) + fullDays * 86_400_000 + minutes(lastDay);
};
