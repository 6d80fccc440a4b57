import type { Identity } from "../auth/identity";

export interface RateLimiter {
  /** Seconds until the user may try again, or 0 when the request may go ahead now. */
  take(identity: Identity, bucket: string): number;
}

/**
 * A fixed window per user and endpoint group, in this instance's memory: it stops one user from
 * starting merge after merge, which is what it is for. Instances do not share counts; a limit
 * across a scaled-out app would need a shared store and is not needed for that purpose.
 */
export const createRateLimiter = (perMinute: number): RateLimiter => {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(identity, bucket) {
      const key = `${identity.tenantId}|${identity.userId}|${bucket}`;
      const now = Date.now();
      const window = windows.get(key);
      if (!window || now - window.start >= 60_000) {
        windows.set(key, { start: now, count: 1 });
        if (windows.size > 10_000)
          for (const [k, w] of windows) if (now - w.start >= 60_000) windows.delete(k);
        return 0;
      }
      if (window.count < perMinute) {
        window.count++;
        return 0;
      }
      return Math.ceil((window.start + 60_000 - now) / 1000);
    },
  };
};
