import type { FieldMatches } from "@shared/model/field-match";
import { useSyncExternalStore } from "react";

/**
 * Match Fields for the open letter, for this session: the merge sends them with the letter to
 * the server and applies them to the values in Word, and the preview shows the document with
 * them too. Module state, not a tab's: the pane has one document, and the matches must outlive
 * the Merge tab (switching to Preview unmounts it). Kept in the pane, not written into the letter.
 */
let current: FieldMatches = {};
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const setLetterFieldMatches = (matches: FieldMatches): void => {
  current = matches;
  for (const listener of listeners) listener();
};

export const useLetterFieldMatches = (): FieldMatches =>
  useSyncExternalStore(subscribe, () => current);
