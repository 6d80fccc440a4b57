import { lazy } from "react";

/**
 * Everything past the segment list loads on demand, each in its own chunk: the pane's first
 * paint carries the shell and the list only (see bench/pane.bench.ts for the budget).
 */
export const SegmentWorkspace = lazy(() =>
  import(/* webpackChunkName: "workspace" */ "./segment-workspace").then((m) => ({
    default: m.SegmentWorkspace,
  })),
);
export const LoggedSegmentsView = lazy(() =>
  import(/* webpackChunkName: "logged" */ "../features/log/logged-segments-view").then((m) => ({
    default: m.LoggedSegmentsView,
  })),
);
export const SegmentLinesView = lazy(() =>
  import(/* webpackChunkName: "lines" */ "../features/segments/segment-lines-view").then((m) => ({
    default: m.SegmentLinesView,
  })),
);
export const CriteriaView = lazy(() =>
  import(/* webpackChunkName: "criteria" */ "../features/criteria/criteria-view").then((m) => ({
    default: m.CriteriaView,
  })),
);
export const LetterView = lazy(() =>
  import(/* webpackChunkName: "letter" */ "../features/letter/letter-view").then((m) => ({
    default: m.LetterView,
  })),
);
export const PreviewView = lazy(() =>
  import(/* webpackChunkName: "preview" */ "../features/preview/preview-view").then((m) => ({
    default: m.PreviewView,
  })),
);
export const MergeView = lazy(() =>
  import(/* webpackChunkName: "merge" */ "../features/merge/merge-view").then((m) => ({
    default: m.MergeView,
  })),
);
export const LogView = lazy(() =>
  import(/* webpackChunkName: "log" */ "../features/log/log-view").then((m) => ({
    default: m.LogView,
  })),
);
