import type { AppDeps } from "../../app-deps";
import type { Identity } from "../../auth/identity";
import { goBackOnce } from "./action-runner";

/**
 * What a holder that crashed mid-action leaves is made whole before anyone acts again: an action
 * still "applying" is undone as Go Back would (its inserted lines go, the lines it removed come
 * back), one still "undoing" is undone to the end, and the counters are recounted, since a crash
 * between a write and its counter update leaves them off.
 */
export const undoInterruptedAction = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
): Promise<void> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  const last = (await segments.listActions(tenant, segmentNo)).at(-1);
  if (last && last.status !== "applied") await goBackOnce(deps, identity, segmentNo, last.no);
  const [noOfLines, actions] = await Promise.all([
    segments.countLines(tenant, segmentNo),
    segments.listActions(tenant, segmentNo),
  ]);
  await segments.updateStats(tenant, segmentNo, ({ etag: _e, ...s }) => ({
    ...s,
    noOfLines,
    noOfCriteriaActions: actions.length,
    linesVersion: (s.linesVersion ?? 0) + 1,
  }));
};
