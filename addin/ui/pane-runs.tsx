import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from "react";

/** What the shell shows of a run while its own view is not on screen. */
export interface RunActivity {
  readonly segmentNo: string;
  readonly kind: "merge" | "log" | "apply";
  readonly done?: number;
  readonly total?: number;
  /**
   * The run has ended and its view has not shown that yet: the shell says so (with the way back
   * to it) until the view is on screen, so a run that ends while the user looks elsewhere is
   * never silently over.
   */
  readonly ended?: boolean;
  /** How an ended run ended when it did not finish: told as such, never as a plain end. */
  readonly endedAs?: RunEnding;
}

/** An ending the user must hear about as such: stopped by Cancel, or stopped by a failure. */
export type RunEnding = "canceled" | "failed";

interface Slot {
  state: unknown;
  /** The run's own bookkeeping (its AbortController, an idempotency key): never rendered. */
  readonly scratch: object;
}

const NO_ACTIVITY: readonly RunActivity[] = [];

/**
 * The pane's long runs (a server merge, a Log, a template applied to the lines), one slot per key (the kind of run and the
 * segment), kept above every view: a run's state lives here, not in the view that started it, so
 * leaving the tab, the segment or the list does not stop the run nor forget it, and coming back
 * shows it where it is. Only the user's Cancel (or closing the pane) ends a run early.
 */
export class PaneRuns {
  private readonly slots = new Map<string, Slot>();
  private readonly activity = new Map<string, RunActivity>();
  private activityList: readonly RunActivity[] = NO_ACTIVITY;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private slot(key: string, initial: () => unknown, scratch: () => object): Slot {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { state: initial(), scratch: scratch() };
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** The slot's state, typed by the one hook that owns the key. */
  state<S>(key: string, initial: () => S, scratch: () => object = () => ({})): S {
    return this.slot(key, initial, scratch).state as S;
  }

  scratch<R extends object>(key: string, initial: () => unknown, scratch: () => R): R {
    return this.slot(key, initial, scratch).scratch as R;
  }

  set<S>(key: string, update: S | ((previous: S) => S)): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    const next =
      typeof update === "function" ? (update as (previous: S) => S)(slot.state as S) : update;
    if (next === slot.state) return;
    slot.state = next;
    this.notify();
  }

  /** What a run is doing, for the shell and the tab labels; undefined when it has ended. */
  setActivity(key: string, activity: RunActivity | undefined): void {
    const old = this.activity.get(key);
    if (
      old === activity ||
      (old &&
        activity &&
        old.done === activity.done &&
        old.total === activity.total &&
        old.kind === activity.kind &&
        old.ended === activity.ended &&
        old.endedAs === activity.endedAs)
    )
      return;
    if (activity) this.activity.set(key, activity);
    else this.activity.delete(key);
    this.activityList = this.activity.size === 0 ? NO_ACTIVITY : [...this.activity.values()];
    this.notify();
  }

  /** The run under `key` has ended: what it did stays in the shell until its view shows it. */
  end(key: string, endedAs?: RunEnding): void {
    const old = this.activity.get(key);
    if (old) this.setActivity(key, { ...old, ended: true, ...(endedAs ? { endedAs } : {}) });
  }

  /** The run's view is on screen: an ended run needs no notice any more. */
  acknowledge(key: string): void {
    if (this.activity.get(key)?.ended) this.setActivity(key, undefined);
  }

  activities = (): readonly RunActivity[] => this.activityList;

  /** True while any run is live: closing or reloading the page would lose sight of it. */
  busy(): boolean {
    return [...this.activity.values()].some((activity) => !activity.ended);
  }

  private notify() {
    for (const listener of [...this.listeners]) listener();
  }
}

const PaneRunsContext = createContext<PaneRuns | undefined>(undefined);

/** Holds the pane's runs: placed in the shell, above the top navigation and every view. */
export const PaneRunsProvider = ({ children }: { children: ReactNode }) => {
  const runs = useRef<PaneRuns | undefined>(undefined);
  runs.current ??= new PaneRuns();
  return <PaneRunsContext.Provider value={runs.current}>{children}</PaneRunsContext.Provider>;
};

/** The pane's runs; a view rendered on its own (tests, Word's views) gets runs of its own. */
export const usePaneRuns = (): PaneRuns => {
  const shared = useContext(PaneRunsContext);
  const own = useRef<PaneRuns | undefined>(undefined);
  if (shared) return shared;
  own.current ??= new PaneRuns();
  return own.current;
};

export interface PaneRun<S, R extends object> {
  readonly state: S;
  readonly set: (update: S | ((previous: S) => S)) => void;
  readonly scratch: R;
  readonly setActivity: (activity: RunActivity | undefined) => void;
  /** The run has ended: the shell says so (and how, if not finished) until its view shows it. */
  readonly endActivity: (endedAs?: RunEnding) => void;
}

/**
 * A run's state kept with the pane, under `key`: like useState, except that it outlives the
 * component. Work started from it goes on, and writes here, after the component is gone.
 */
export const usePaneRun = <S, R extends object>(
  key: string,
  initial: () => S,
  scratch: () => R,
): PaneRun<S, R> => {
  const runs = usePaneRuns();
  const read = useCallback(() => runs.state(key, initial, scratch), [runs, key]);
  const state = useSyncExternalStore(runs.subscribe, read, read);
  const set = useCallback(
    (update: S | ((previous: S) => S)) => runs.set<S>(key, update),
    [runs, key],
  );
  const setActivity = useCallback(
    (activity: RunActivity | undefined) => runs.setActivity(key, activity),
    [runs, key],
  );
  const endActivity = useCallback((endedAs?: RunEnding) => runs.end(key, endedAs), [runs, key]);
  return { state, set, scratch: runs.scratch(key, initial, scratch), setActivity, endActivity };
};

/** The runs live now, for the shell's "work in progress" line and the tab labels. */
export const useRunActivities = (): readonly RunActivity[] => {
  const runs = usePaneRuns();
  return useSyncExternalStore(runs.subscribe, runs.activities, runs.activities);
};

/**
 * For the view that shows the run under `key`: while it is on screen, the run's end needs no
 * notice in the shell (the view shows the outcome itself).
 */
export const useAcknowledgeRun = (key: string): void => {
  const runs = usePaneRuns();
  const activities = useRunActivities();
  useEffect(() => runs.acknowledge(key), [runs, key, activities]);
};
