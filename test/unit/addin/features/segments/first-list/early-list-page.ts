import type { Segment } from "@shared/model/segment";
import { renderFirstList } from "../../../../../../addin/features/segments/first-list/render-first-list";

/**
 * The page as early-start.ts leaves it before React runs: the segment list drawn in plain DOM
 * over the start-up skeleton, in English, no segment chosen yet.
 */
export const drawEarlyList = (segments: readonly Segment[]): void => {
  delete window.__mergelineFirstList;
  const container = document.createElement("div");
  container.innerHTML = '<div id="startup-skeleton"></div>';
  document.body.append(container);
  renderFirstList(container, { items: segments }, "en-US", "light");
};

/** The early list's row of segment `no`, or null when the early list is gone. */
export const earlyRow = (no: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`main.ml-first button[data-first-list-no="${no}"]`);

/** Takes an early list a test left behind off the page. */
export const removeEarlyList = (): void =>
  document.querySelectorAll("main.ml-first").forEach((e) => e.remove());
