import { ConflictError } from "../../errors/app-errors";
import { formatNo, parseNo, series } from "../../store/number-series";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";
import { contactSummariesOf } from "./store-facts";

// After the first round each reservation is sized to step over the file's own Nos., so further
// rounds only happen when the store already holds reserved numbers (seed data or an import that
// bypassed the series) or another request reserves at the same moment.
const maxRounds = 10;

/** The highest contact series number among these Nos. (KT + 6 digits), or 0. */
export const highestSeriesNumber = (nos: Iterable<string>): number => {
  let max = 0;
  for (const no of nos) max = Math.max(max, parseNo(series.contact, no) ?? 0);
  return max;
};

/**
 * How many numbers after `position` to reserve so that `needed` of them are not in `taken`
 * (sorted series numbers): grow the window by the taken numbers inside it until it holds enough.
 */
export const windowSize = (position: number, needed: number, taken: readonly number[]): number => {
  let size = needed;
  for (;;) {
    const inside = taken.filter((n) => n > position && n <= position + size).length;
    if (needed + inside <= size) return size;
    size = needed + inside;
  }
};

/**
 * `count` free contact Nos. from the series, reserved in one block (not one reservation per
 * row), then checked in one lookup against the store. Numbers in `taken` (the file's own Nos.,
 * including rows the user will fix and import again) and numbers the store already holds are
 * skipped; only the shortfall is reserved again.
 */
export const reserveContactNos = async (
  store: Store,
  tenant: TenantId,
  count: number,
  taken: ReadonlySet<string>,
): Promise<string[]> => {
  const takenNumbers = [...taken]
    .flatMap((no) => parseNo(series.contact, no) ?? [])
    .sort((a, b) => a - b);
  const free: string[] = [];
  let position: number | undefined;
  for (let round = 0; round < maxRounds && free.length < count; round++) {
    const needed = count - free.length;
    const size = position === undefined ? needed : windowSize(position, needed, takenNumbers);
    const first = await store.numberSeries.reserve(tenant, series.contact, size);
    position = first + size - 1;
    const block = Array.from({ length: size }, (_, i) =>
      formatNo(series.contact, first + i),
    ).filter((no) => !taken.has(no));
    const used = await contactSummariesOf(store, tenant, block);
    free.push(...block.filter((no) => !used.has(no)).slice(0, needed));
  }
  if (free.length < count) {
    throw new ConflictError(
      `No free Nos. were found in the ${series.contact.code} number series; enter Nos. in the file.`,
    );
  }
  return free;
};
