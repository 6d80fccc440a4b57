import type { RunActivity } from "../ui/pane-runs";

/** The tabs of an open segment, in the order a marketer works through them. */
export const segmentTabs = ["lines", "criteria", "letter", "preview", "merge", "log"] as const;
export type SegmentTab = (typeof segmentTabs)[number];

/** Where the pane is: the segment list, the logged segments, or one segment on one tab. */
export type PaneRoute =
  | { readonly view: "segments" }
  | { readonly view: "logged" }
  | { readonly view: "segment"; readonly no: string; readonly tab: SegmentTab };

/**
 * The tab that shows a run of each kind: where the shell's Show leads and the tab that carries
 * the run's spinner. A template applied to the lines shows in Details, on the Lines tab.
 */
export const runTab: Record<RunActivity["kind"], SegmentTab> = {
  merge: "merge",
  log: "log",
  apply: "lines",
};
