import { randomUUID } from "node:crypto";
import type { AppDeps } from "../../../../functions/app-deps";
import { sweepEndedJobs } from "../../../../functions/jobs/job-retention";
import type { DocumentId } from "../../../../functions/store/document-names";
import type { LeasedJobKind } from "../../../../functions/jobs/stopped-jobs";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { leasedKinds, type LeasedKind } from "./fixtures/leased-jobs";

/**
 * A job whose process was killed mid-run, left as such a process leaves it ("running", its
 * lease over), with nobody reading it: the periodic sweep ends it as a read would, and retention
 * later deletes it with the blob it named. A job whose lease still runs is not touched; a read
 * or a second sweep at the same moment ends it once, and each ending stays in its own tenant.
 */
const wall = Date.now();
const at = (ms: number) => new Date(wall + ms).toISOString();
const minute = 60_000;
const day = 86_400_000;

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({ jobRetentionDays: 7 }, undefined, { blobs: true });
});
afterAll(() => api.close());

let seq = 0;
const newTenant = () => asTenantId(`00000000-0000-4000-9000-${String(++seq).padStart(12, "0")}`);

/** A sweep as the timer runs it, with its own clock; what it saw of each job it ended. */
const sweepAt = async (deps: AppDeps, ms: number) => {
  const seen = new Map<string, string | undefined>();
  const outcome = await sweepEndedJobs(
    { ...deps, now: () => new Date(wall + ms) },
    {
      pageSize: 2,
      onEnded: (kind, tenant, job) => seen.set(`${kind}/${tenant}/${job.jobId}`, job.finishedAt),
    },
  );
  return { outcome, seen };
};

describe.each(Object.entries(leasedKinds) as [LeasedJobKind, LeasedKind][])(
  "a %s job whose server stopped",
  (kind, { plant, stored, path, error }) => {
    it("is ended by the sweep with nobody reading it; a leased one, and the same id in another tenant, stay as they are", async () => {
      const tenant = newTenant();
      const other = newTenant();
      const [stopped, leased] = [randomUUID(), randomUUID()];
      await plant(api.deps, tenant, stopped, at(-minute));
      await plant(api.deps, tenant, leased, at(10 * minute));
      // The same job id in another tenant, still leased there.
      await plant(api.deps, other, stopped, at(10 * minute));
      const before = {
        leased: await stored(api.deps, tenant, leased),
        other: await stored(api.deps, other, stopped),
      };

      const { outcome } = await sweepAt(api.deps, 0);

      expect(outcome[kind].ended).toBeGreaterThanOrEqual(1);
      const ended = await stored(api.deps, tenant, stopped);
      expect(ended).toMatchObject({
        status: "failed",
        failure: "server_stopped",
        finishedAt: at(0),
        progress: { done: 10, total: 40 },
      });
      expect(ended?.error).toMatch(error);
      // Untouched: not one write (the same ETag).
      expect(await stored(api.deps, tenant, leased)).toEqual(before.leased);
      expect(await stored(api.deps, other, stopped)).toEqual(before.other);
      // A read answers the ending the sweep wrote, and writes no other.
      const read = await api.call("GET", `/api/${path}/${stopped}`, { tenant });
      expect(read.json).toMatchObject({ status: "failed", failure: "server_stopped" });
      expect(await stored(api.deps, tenant, stopped)).toEqual(ended);
    });

    it("ends once when reads and the sweep end it at the same moment", async () => {
      const tenant = newTenant();
      const ids = Array.from({ length: 4 }, () => randomUUID());
      for (const id of ids) await plant(api.deps, tenant, id, at(-minute));
      // And one that nobody reads: the sweep alone ends it.
      const unread = randomUUID();
      await plant(api.deps, tenant, unread, at(-minute));

      // The sweep's clock is an hour ahead of the reads': who wrote the ending shows in it.
      const [{ seen }, ...reads] = await Promise.all([
        sweepAt(api.deps, 60 * minute),
        ...ids.map((id) =>
          api.call<{ finishedAt?: string }>("GET", `/api/${path}/${id}`, { tenant }),
        ),
      ]);

      for (const [i, id] of ids.entries()) {
        const job = await stored(api.deps, tenant, id);
        expect(job).toMatchObject({ status: "failed", failure: "server_stopped" });
        // Both answered the one ending that was written: a second one would differ in its time.
        expect(reads[i]?.json.finishedAt).toBe(job?.finishedAt);
        const sweepSaw = seen.get(`${kind}/${tenant}/${id}`);
        if (sweepSaw !== undefined) expect(sweepSaw).toBe(job?.finishedAt);
      }
      expect(await stored(api.deps, tenant, unread)).toMatchObject({
        status: "failed",
        failure: "server_stopped",
        finishedAt: at(60 * minute),
      });
    });

    it("ends once when two sweeps end it at the same moment, and retention deletes it later", async () => {
      // A database of its own: the sweeps at later clocks below end only this test's jobs.
      const own = await startApi({ jobRetentionDays: 7 }, api.cosmos, { blobs: true });
      try {
        const tenant = newTenant();
        const ids = Array.from({ length: 4 }, () => randomUUID());
        const blobs: (DocumentId | undefined)[] = [];
        for (const id of ids) blobs.push(await plant(own.deps, tenant, id, at(-minute)));

        const [first, second] = await Promise.all([
          sweepAt(own.deps, minute),
          sweepAt(own.deps, 2 * minute),
        ]);

        expect(first.outcome[kind].ended + second.outcome[kind].ended).toBeGreaterThanOrEqual(
          ids.length,
        );
        for (const id of ids) {
          const job = await stored(own.deps, tenant, id);
          expect(job).toMatchObject({ status: "failed", failure: "server_stopped" });
          expect([at(minute), at(2 * minute)]).toContain(job?.finishedAt);
          for (const { seen } of [first, second]) {
            const sweepSaw = seen.get(`${kind}/${tenant}/${id}`);
            if (sweepSaw !== undefined) expect(sweepSaw).toBe(job?.finishedAt);
          }
        }

        // Retention counts from the ending: kept for 7 days, then deleted with its blob.
        await sweepAt(own.deps, 6 * day);
        for (const id of ids) expect(await stored(own.deps, tenant, id)).toBeDefined();
        for (const blob of blobs)
          if (blob) expect(await own.deps.store.documents.exists(blob)).toBe(true);
        const late = await sweepAt(own.deps, 8 * day);
        expect(late.outcome[kind]).toMatchObject({ ended: 0, deleted: ids.length });
        for (const id of ids) expect(await stored(own.deps, tenant, id)).toBeUndefined();
        expect(blobs.filter(Boolean)).toHaveLength(kind === "mergeJobs" ? ids.length : 0);
        for (const blob of blobs)
          if (blob) expect(await own.deps.store.documents.exists(blob)).toBe(false);
      } finally {
        await own.close();
      }
    });
  },
);
