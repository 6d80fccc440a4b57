import type { FocusEvent } from "react";

/**
 * Selects a search box's text when it gets the focus, as Windows and Business Central do on
 * entering a field: what the user types then replaces the choice shown instead of being added
 * to its end (where it would search for "Danish (Denmark)dan" and find nothing).
 */
export const selectAllOnFocus = (event: FocusEvent<HTMLInputElement>): void =>
  event.currentTarget.select();
