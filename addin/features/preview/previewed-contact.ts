import { useSyncExternalStore } from "react";
import type { MergeData } from "../merge/merge-data";

/**
 * Which contact the preview shows, and whose letter the document holds to customize, per
 * segment: the merge view's "Customize one contact's letter" starts from the previewed one
 * and saves to the customized one. Module state: the pane has one document.
 */
type Slot = "previewed" | "customized";
const slots: Record<Slot, Map<string, MergeData>> = { previewed: new Map(), customized: new Map() };
const listeners = new Set<() => void>();

const set = (slot: Slot, segmentNo: string, record: MergeData | undefined): void => {
  if (record) slots[slot].set(segmentNo, record);
  else slots[slot].delete(segmentNo);
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const setPreviewedContact = (segmentNo: string, record: MergeData | undefined): void =>
  set("previewed", segmentNo, record);

export const setCustomizedContact = (segmentNo: string, record: MergeData | undefined): void =>
  set("customized", segmentNo, record);

export const usePreviewedContact = (segmentNo: string): MergeData | undefined =>
  useSyncExternalStore(subscribe, () => slots.previewed.get(segmentNo));

export const useCustomizedContact = (segmentNo: string): MergeData | undefined =>
  useSyncExternalStore(subscribe, () => slots.customized.get(segmentNo));
