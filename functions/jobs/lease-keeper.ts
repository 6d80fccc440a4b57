/**
 * What a job's process does to keep its job alive: every write of the job goes through `write`,
 * one at a time, so a renewal never lands after (and undoes) a newer write; meanwhile `renew`
 * runs every third of the lease while a step is slow. A process that dies stops renewing, its
 * lease runs out, and readers or the hourly sweep end the job as failed (the store's
 * endIfAbandoned; functions/jobs/stopped-jobs.ts).
 */
export interface LeaseKeeper {
  /** When a lease taken now would end. */
  leaseEnd(): string;
  /** Runs one write of the job after the ones before it; renewals pause meanwhile. */
  write<T>(op: (leaseUntil: string) => Promise<T>): Promise<T>;
  /** Stops renewing and runs the job's last write (its ending) after the others. */
  end<T>(op: (leaseUntil: string) => Promise<T>): Promise<T>;
  /** Stops renewing and waits for the writes in hand. */
  stop(): Promise<void>;
}

/** Renewals every third of the lease: two may fail in a row before the lease runs out. */
const renewEvery = (leaseMs: number) => Math.max(50, Math.floor(leaseMs / 3));

export const keepLease = (
  leaseMs: number,
  now: () => Date,
  /** Writes the lease's new end (the job's counts as last written stay). */
  renew: (leaseUntil: string) => Promise<unknown>,
): LeaseKeeper => {
  const leaseEnd = () => new Date(now().getTime() + leaseMs).toISOString();
  let chain: Promise<unknown> = Promise.resolve();
  const write = <T>(op: (leaseUntil: string) => Promise<T>): Promise<T> => {
    const next = chain.then(() => op(leaseEnd()));
    chain = next.catch(() => undefined);
    return next;
  };
  const timer = setInterval(() => void write(renew).catch(() => undefined), renewEvery(leaseMs));
  // A timer must not keep a process alive that has nothing else to do.
  timer.unref();
  return {
    leaseEnd,
    write,
    end: (op) => {
      clearInterval(timer);
      return write(op);
    },
    stop: async () => {
      clearInterval(timer);
      await chain;
    },
  };
};
